import Foundation
import Testing

@testable import EnqueteIntake

/// Two threads taking pieces from either end of a board: every piece taken once, none twice, and
/// the front's wait for the back ends when the back stops.
@Suite struct PieceBoardTests {
  @Test func bothEndsTakeEveryPieceOnceWhateverTheTiming() {
    for _ in 0..<50 {
      let board = PieceBoard(pieces: 40)
      let taken = TakenPieces()
      let back = Thread {
        taken.add(39)
        while let piece = board.takeBack() { taken.add(piece) }
        board.stopBack()
      }
      back.start()
      taken.add(0)
      while let piece = board.takeFront() { taken.add(piece) }
      board.waitForTheBack()
      #expect(taken.sorted == Array(0..<40))
    }
  }

  @Test func aClosedBoardGivesNothingAndAFailureIsRemembered() {
    let board = PieceBoard(pieces: 5)
    #expect(board.takeFront() == 1 && board.takeBack() == 3)
    board.close(failing: true)
    #expect(board.takeFront() == nil && board.takeBack() == nil && board.failed)
  }

  /// Pieces recorded from two threads.
  final class TakenPieces: @unchecked Sendable {
    private let lock = NSLock()
    private var pieces: [Int] = []
    func add(_ piece: Int) { lock.withLock { pieces.append(piece) } }
    var sorted: [Int] { lock.withLock { pieces.sorted() } }
  }
}
