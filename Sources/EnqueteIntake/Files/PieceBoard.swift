import Foundation

/// Which pieces of a file two threads have taken: one reads them from the front, the other from
/// the back, each taking the next one from its end until they meet, so that no piece is read
/// twice and neither thread waits while the other still has work (whatever else the machine runs).
///
/// The first piece is the front's and the last the back's from the start; the others are taken.
final class PieceBoard: @unchecked Sendable {
  private let lock = NSCondition()
  /// The next piece from the front, and from the back (they have met once `front > back`).
  private var front = 1
  private var back: Int
  private var closed = false
  private var failedFlag = false
  private var backStopped = false

  /// A board for `pieces` pieces (at least two).
  init(pieces: Int) {
    precondition(pieces >= 2, "a board needs a piece for each end")
    back = pieces - 2
  }

  /// The next piece from the front, nil once the ends have met or the board is closed.
  func takeFront() -> Int? {
    lock.withLock {
      guard !closed, front <= back else { return nil }
      defer { front += 1 }
      return front
    }
  }

  /// The next piece from the back, nil once the ends have met or the board is closed.
  func takeBack() -> Int? {
    lock.withLock {
      guard !closed, back >= front else { return nil }
      defer { back -= 1 }
      return back
    }
  }

  /// No more pieces for either end; `failing` when the back's work is not to be kept.
  func close(failing: Bool) {
    lock.withLock {
      closed = true
      failedFlag = failedFlag || failing
    }
  }

  /// Whether the back's work is not to be kept (a piece it read went wrong).
  var failed: Bool { lock.withLock { failedFlag } }

  /// The back takes no more pieces (it is done, full, or failed).
  func stopBack() {
    lock.withLock {
      backStopped = true
      lock.broadcast()
    }
  }

  /// Waits until the back takes no more pieces: the front, its own table full, then takes what
  /// is left (rather than both tables growing).
  func waitForTheBack() {
    lock.lock()
    while !backStopped { lock.wait() }
    lock.unlock()
  }
}
