import EnqueteCore
import Foundation

/// Validates a large CSV report file (no per-measure detail) on two threads, with exactly the
/// result of one pass.
///
/// The file is cut into pieces at line breaks (`CSVSplitPoint.pieces`). The calling thread reads
/// them from the front, one after the other as one pass would (the header first; reports with
/// remarks handed out as they are read). Another thread reads them from the back, each from its
/// own line 1 with the header the first thread read. Each takes the next piece from its end until
/// they meet (`PieceBoard`), so the two end together whatever else the machine runs or whichever
/// has more to print. The cuts are only guesses, and a back piece does not know what came before
/// it, so the back pieces' work is kept only if, once both threads are done: every piece ended
/// exactly at the next cut (not inside a quoted field), every back piece could be read, no SIRET
/// appears twice among the back pieces nor on both threads, and no two pieces settled on
/// different encodings. Otherwise it is dropped and the first thread goes on past its last piece,
/// as one pass would have. Kept, the back pieces' reports and diagnostics are numbered on from
/// the lines of the pieces before them and handed out in file order.
struct ParallelCSVCheck {
  let path: String
  let name: String
  let year: Int?
  let estimatedRows: Int
  /// Below this size one thread is as good (tests lower it).
  var minimumBytes = 32 << 20
  /// How many pieces the file is cut into: enough that the threads end within a small piece of
  /// each other (≈ 1.5 % of the file), few enough that starting a piece costs nothing.
  var pieceCount = 64
  /// The share of the file's reports each thread's SIRET table is sized for.
  static let tableShare = 0.55

  /// The outcome of reading and validating the file, or nil when it is not worth splitting.
  func run(remark: @escaping (ValidatedReportSummary) -> Void) -> CSVReadOutcome? {
    read(remark: remark)?.outcome
  }

  /// The outcome, and whether the back pieces' work was kept (tests check the guesses held); nil
  /// when the file is better read in one pass (too small, or a header longer than a piece).
  func read(
    remark: @escaping (ValidatedReportSummary) -> Void
  ) -> (outcome: CSVReadOutcome, keptSecondPart: Bool)? {
    let size = (try? FileManager.default.attributesOfItem(atPath: path)[.size] as? Int) ?? 0
    guard size >= minimumBytes, size <= CSVSubmissionReader().maximumFileBytes,
      ProcessInfo.processInfo.activeProcessorCount >= 2,
      let cuts = try? CSVSplitPoint.pieces(of: path, size: size, count: pieceCount), cuts.count >= 3
    else { return nil }
    let board = PieceBoard(pieces: cuts.count - 1)
    // Each thread's SIRET table sized for a little more than half the file; each thread takes a
    // piece only while its table has room for it (the front waits for the back to stop before
    // taking more), so that no table grows unless the estimate of the rows was wrong (growing
    // holds the old and new tables at once: 15 MB more on a 500 MB file).
    let expectedReports = Int(Double(estimatedRows) * Self.tableShare) + 1
    let back = BackPieces(
      path: path, name: name, year: year, cuts: cuts, board: board, expectedReports: expectedReports)
    let thread = Thread { back.run() }
    thread.stackSize = 1 << 20
    thread.start()

    let first = CSVReportPass(year: year, file: name, expectedReports: expectedReports, remark: remark)
    var sentHeader = false
    var outcome = CSVSubmissionCheck.read(name: name) {
      try CSVSubmissionReader().read(
        path: path, name: name, filter: first.filter, slice: CSVSlice(start: 0, end: cuts[1], resuming: nil),
        onHeader: { header in
          sentHeader = true
          back.start(with: header)
        }, onRecord: first.take)
    }
    if !sentHeader {
      // No header within the first piece (a header longer than a piece, or none at all): one
      // pass reads the file, and words whatever is wrong with its start.
      back.start(with: nil)
      back.compare(with: first.sirets)
      back.read.wait()
      back.finished.wait()
      return nil
    }
    // The front pieces, read on as one pass reads (a row may span two of them).
    var frontEnd = cuts[1]
    let averagePiece = Double(size) / Double(cuts.count - 1)
    while outcome.isReadable, outcome.continuation != nil, !board.failed {
      // A piece more only while the SIRET table has room for it (at the rate read so far),
      // else once the back has stopped: then one table grows, as it must.
      let rows = Double(outcome.rowCount + outcome.filteredRowCount)
      if Double(first.sirets.room) <= rows / Double(frontEnd) * averagePiece * 1.1 { board.waitForTheBack() }
      guard let continuation = outcome.continuation, let piece = board.takeFront() else { break }
      let rest = CSVSubmissionCheck.read(name: name) {
        try CSVSubmissionReader().read(
          path: path, name: name, filter: first.filter,
          slice: CSVSlice(
            start: frontEnd - outcome.unreadBytes, end: cuts[piece + 1],
            resuming: CSVResumePoint(detection: continuation.detection, line: outcome.nextLine)),
          header: continuation, onRecord: first.take)
      }
      outcome.merge(rest, file: name, readingOn: true)
      frontEnd = cuts[piece + 1]
    }
    board.close(failing: !outcome.isReadable)
    // Both threads look for SIRETs met on both, each in half of the back's table.
    back.compare(with: first.sirets)
    back.read.wait()
    let sharedHere = back.pass.map { first.sirets.sharesAny(with: $0.sirets, part: 0, of: 2) } ?? false
    back.finished.wait()

    guard outcome.isReadable, let continuation = outcome.continuation else { return (outcome, false) }
    if outcome.unreadBytes == 0, back.isWhole(from: frontEnd), !board.failed, !sharedHere,
      !back.sharedInItsHalf, Set(([outcome.encoding] + back.encodings).compactMap { $0 }).count <= 1
    {
      var offset = outcome.nextLine - 1
      for (piece, summaries) in back.piecesInOrder {
        summaries.forEach { summary in
          var summary = summary
          summary.shiftLines(by: offset)
          remark(summary)
        }
        var rest = piece
        rest.diagnostics = rest.diagnostics.map { $0.shifted(by: offset) }
        outcome.merge(rest, file: name)
        offset += piece.nextLine - 1
      }
      return (outcome, true)
    }
    // The guesses did not hold: go on from the first unread row, as a single pass would.
    let rest = CSVSubmissionCheck.read(name: name) {
      try CSVSubmissionReader().read(
        path: path, name: name, filter: first.filter,
        slice: CSVSlice(
          start: frontEnd - outcome.unreadBytes, end: nil,
          resuming: CSVResumePoint(detection: continuation.detection, line: outcome.nextLine)),
        header: continuation, onRecord: first.take)
    }
    outcome.merge(rest, file: name)
    return (outcome, false)
  }
}

/// The back pieces' reading, on their own thread; what it found waits here until it is kept or
/// dropped.
private final class BackPieces: @unchecked Sendable {
  let path: String
  let name: String
  let year: Int?
  let cuts: [Int]
  let board: PieceBoard
  let expectedReports: Int
  private let headerReady = DispatchSemaphore(value: 0)
  private var header: CSVHeaderState?
  /// Signalled once the pieces are read, then once the SIRETs are compared.
  let read = DispatchSemaphore(value: 0)
  let finished = DispatchSemaphore(value: 0)
  private let firstDone = DispatchSemaphore(value: 0)
  private var firstSirets: SiretRegistry?
  /// Whether a SIRET of the second half of this table is in the first thread's.
  private(set) var sharedInItsHalf = false
  /// One pass for all the back pieces: a SIRET met twice among them is a duplicate it finds.
  private(set) var pass: CSVReportPass?
  /// Each piece read (by index) and the reports it had remarks on.
  private var outcomes: [Int: CSVReadOutcome] = [:]
  private var summaries: [Int: PackedSummaries] = [:]
  private var current = 0
  private var sawDuplicate = false
  /// The reports and bytes of the pieces read so far.
  private var rowsRead = 0
  private var bytesRead = 0

  private var averagePieceBytes: Double { Double(cuts[cuts.count - 1]) / Double(cuts.count - 1) }

  init(path: String, name: String, year: Int?, cuts: [Int], board: PieceBoard, expectedReports: Int) {
    self.path = path
    self.name = name
    self.year = year
    self.cuts = cuts
    self.board = board
    self.expectedReports = expectedReports
  }

  /// Hands over the header the first thread read (nil: it found none it could use).
  func start(with header: CSVHeaderState?) {
    self.header = header
    headerReady.signal()
  }

  /// Once the front pieces are read: the first thread's SIRETs, to compare with these.
  func compare(with sirets: SiretRegistry) {
    firstSirets = sirets
    firstDone.signal()
  }

  /// Whether the back pieces read, with no duplicate among them, cover the file from `offset` on.
  func isWhole(from offset: Int) -> Bool {
    guard pass != nil, !sawDuplicate, let first = outcomes.keys.min() else { return false }
    return cuts[first] == offset && outcomes.count == cuts.count - 1 - first
  }

  /// The encodings the pieces decided (nil for those that met no byte beyond ASCII).
  var encodings: [TextEncoding?] { outcomes.values.map(\.encoding) }

  /// The pieces in file order, each with the reports it had remarks on.
  var piecesInOrder: [(CSVReadOutcome, PackedSummaries)] {
    outcomes.keys.sorted().map { (outcomes[$0]!, summaries[$0] ?? PackedSummaries()) }
  }

  func run() {
    defer { finished.signal() }
    readPieces()
    read.signal()
    firstDone.wait()
    if let firstSirets, let pass {
      sharedInItsHalf = firstSirets.sharesAny(with: pass.sirets, part: 1, of: 2)
    }
  }

  private func readPieces() {
    defer { board.stopBack() }
    headerReady.wait()
    guard let header, header.detection.announcedEncoding != .utf16LE,
      header.detection.announcedEncoding != .utf16BE
    else { return board.close(failing: true) }
    let pass = CSVReportPass(year: year, file: name, expectedReports: expectedReports) { [unowned self] in
      summaries[current, default: PackedSummaries()].append($0)
      // Its message quotes a line this thread numbers from its piece: one pass words it instead.
      if $0.diagnostics.contains(where: { $0.code == "validate.duplicate-key" }) { sawDuplicate = true }
    }
    self.pass = pass
    let last = cuts.count - 2
    var next: Int? = last
    while let piece = next {
      current = piece
      let outcome = try? CSVSubmissionReader().read(
        path: path, name: name, filter: pass.filter,
        slice: CSVSlice(
          start: cuts[piece], end: piece == last ? nil : cuts[piece + 1],
          resuming: CSVResumePoint(detection: header.detection, line: 1)),
        header: header, onRecord: pass.take)
      guard let outcome, outcome.isReadable, outcome.unreadBytes == 0, !sawDuplicate else {
        return board.close(failing: true)
      }
      outcomes[piece] = outcome
      rowsRead += outcome.rowCount + outcome.filteredRowCount
      bytesRead += cuts[piece + 1] - cuts[piece]
      // The next piece only if the SIRET table has room for its reports (at the rate seen so far).
      let rowsPerPiece = Double(rowsRead) / Double(max(bytesRead, 1)) * averagePieceBytes
      guard Double(pass.sirets.room) > rowsPerPiece * 1.1 else { return }
      next = board.takeBack()
    }
  }
}

extension CSVReadOutcome {
  /// Adds what reading the rest of the file found; `readingOn` when `rest` is one more slice of
  /// the same reading, which may go on from where it stopped.
  fileprivate mutating func merge(_ rest: CSVReadOutcome, file: String, readingOn: Bool = false) {
    rowCount += rest.rowCount
    filteredRowCount += rest.filteredRowCount
    diagnostics += rest.diagnostics
    isReadable = isReadable && rest.isReadable
    if encoding == nil, let decided = rest.encoding {
      encoding = decided
      if let index = diagnostics.firstIndex(where: { $0.code == "csv.detected" }),
        let note = CSVSubmissionReader.detectedNote(self, file: file)
      {
        diagnostics[index] = note
      }
    }
    // What was detected is said only of a file read to its end (as one pass says it).
    if !isReadable { diagnostics.removeAll { $0.code == "csv.detected" } }
    if readingOn {
      (unreadBytes, continuation, nextLine) = (rest.unreadBytes, rest.continuation, rest.nextLine)
    } else {
      unreadBytes = 0
      continuation = nil
    }
  }
}

extension ValidatedReportSummary {
  /// Moves the report and its diagnostics `offset` lines down (a part read from its own line 1).
  fileprivate mutating func shiftLines(by offset: Int) {
    line += offset
    diagnostics = diagnostics.map { $0.shifted(by: offset) }
  }
}

extension Diagnostic {
  /// The same diagnostic, `offset` lines further down.
  fileprivate func shifted(by offset: Int) -> Diagnostic {
    var shifted = self
    shifted.location.line = location.line.map { $0 + offset }
    return shifted
  }
}
