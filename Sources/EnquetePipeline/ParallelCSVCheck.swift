import EnqueteCore
import EnqueteIngest
import EnqueteValidate
import Foundation

/// Validates a large CSV report file (no per-measure detail) on two threads, with exactly the
/// result of one pass.
///
/// The file is cut at the first line break after its middle. The first part is read as usual up
/// to the cut; the second, from the cut, on another thread, with the header the first reader read,
/// numbering its lines from 1 (they are shifted by the line the first reader stopped on when its
/// work is kept; a duplicate SIRET inside it, whose message quotes a line, sends it back to one
/// pass instead). The cut is only a
/// guess, and the second part does not know what the first saw, so the second part's work is kept
/// only if, once both are done: a row of the first part ended exactly at the cut (not inside a
/// quoted field), no SIRET appears in both parts, and the two did not settle on different
/// encodings. Otherwise it is dropped and the first reader goes on past the cut, as one pass
/// would have. Reports with remarks of the first part go out as they are read; those of the
/// second wait until it is kept.
struct ParallelCSVCheck {
  let path: String
  let name: String
  let year: Int?
  let estimatedRows: Int
  /// Below this size one thread is as good (tests lower it).
  var minimumBytes = 32 << 20
  /// Where to cut: a little before the middle, because the first thread also prints its remarks
  /// as it reads (measured on big.csv: cut at the middle, it finished ≈ 0.1 s after the second).
  static let firstShare = 0.48

  /// The outcome of reading and validating the file, or nil when it is not worth splitting.
  func run(remark: @escaping (ValidatedReportSummary) -> Void) -> CSVReadOutcome? {
    read(remark: remark)?.outcome
  }

  /// The outcome, and whether the second thread's work was kept (tests check the guess held).
  func read(
    remark: @escaping (ValidatedReportSummary) -> Void
  ) -> (outcome: CSVReadOutcome, keptSecondPart: Bool)? {
    let size = (try? FileManager.default.attributesOfItem(atPath: path)[.size] as? Int) ?? 0
    guard size >= minimumBytes, size <= CSVSubmissionReader().maximumFileBytes,
      ProcessInfo.processInfo.activeProcessorCount >= 2,
      let cut = try? CSVSplitPoint.rowStart(after: Int(Double(size) * Self.firstShare), path: path),
      cut < size
    else { return nil }
    let second = SecondPart(
      path: path, name: name, year: year, cut: cut,
      expectedReports: Int(Double(estimatedRows) * (1 - Self.firstShare)) + 1)
    let thread = Thread { second.run() }
    thread.stackSize = 1 << 20
    thread.start()

    // Each part's SIRET table sized for its share, so that it never grows (growing holds both).
    let first = CSVReportPass(
      year: year, file: name, expectedReports: Int(Double(estimatedRows) * Self.firstShare) + 1,
      remark: remark)
    var sentHeader = false
    var outcome = CSVSubmissionCheck.read(name: name) {
      try CSVSubmissionReader().read(
        path: path, name: name, filter: first.filter, slice: CSVSlice(start: 0, end: cut, resuming: nil),
        onHeader: { header in
          sentHeader = true
          second.start(with: header)
        }, onRecord: first.take)
    }
    if !sentHeader { second.start(with: nil) }
    // Both threads look for SIRETs met in both parts, each in half of the second part's table.
    second.compare(with: first.sirets)
    second.read.wait()
    let sharedHere = second.pass.map { first.sirets.sharesAny(with: $0.sirets, part: 0, of: 2) } ?? false
    second.finished.wait()

    guard outcome.isReadable, let continuation = outcome.continuation else { return (outcome, false) }
    if outcome.unreadBytes == 0, var rest = second.outcome, second.pass != nil,
      rest.encoding == nil || outcome.encoding == nil || rest.encoding == outcome.encoding,
      !second.summaries.contains(where: { $0.diagnostics.contains { $0.code == "validate.duplicate-key" } }),
      !sharedHere, !second.sharedInItsHalf
    {
      let offset = outcome.nextLine - 1
      for var summary in second.summaries {
        summary.shiftLines(by: offset)
        remark(summary)
      }
      rest.diagnostics = rest.diagnostics.map { $0.shifted(by: offset) }
      outcome.merge(rest, file: name)
      return (outcome, true)
    }
    // The guess did not hold: go on from the first unread row, as a single pass would.
    let rest = CSVSubmissionCheck.read(name: name) {
      try CSVSubmissionReader().read(
        path: path, name: name, filter: first.filter,
        slice: CSVSlice(
          start: cut - outcome.unreadBytes, end: nil,
          resuming: CSVResumePoint(detection: continuation.detection, line: outcome.nextLine)),
        header: continuation, onRecord: first.take)
    }
    outcome.merge(rest, file: name)
    return (outcome, false)
  }
}

/// The second part's reading, on its own thread; what it found waits here until it is kept or dropped.
private final class SecondPart: @unchecked Sendable {
  let path: String
  let name: String
  let year: Int?
  let cut: Int
  let expectedReports: Int
  private let headerReady = DispatchSemaphore(value: 0)
  private var header: CSVHeaderState?
  /// Signalled once the part is read, then once the SIRETs are compared.
  let read = DispatchSemaphore(value: 0)
  let finished = DispatchSemaphore(value: 0)
  private let firstDone = DispatchSemaphore(value: 0)
  private var firstSirets: SiretRegistry?
  /// Whether a SIRET of the second half of this part's table is in the first part's.
  private(set) var sharedInItsHalf = false
  private(set) var outcome: CSVReadOutcome?
  private(set) var pass: CSVReportPass?
  private(set) var summaries: [ValidatedReportSummary] = []

  init(path: String, name: String, year: Int?, cut: Int, expectedReports: Int) {
    self.path = path
    self.name = name
    self.year = year
    self.cut = cut
    self.expectedReports = expectedReports
  }

  /// Hands over the header the first reader read (nil: it found none it could use).
  func start(with header: CSVHeaderState?) {
    self.header = header
    headerReady.signal()
  }

  /// Once the first part is read: its SIRETs, to compare with this part's.
  func compare(with sirets: SiretRegistry) {
    firstSirets = sirets
    firstDone.signal()
  }

  func run() {
    defer { finished.signal() }
    readPart()
    read.signal()
    firstDone.wait()
    if let firstSirets, let pass {
      sharedInItsHalf = firstSirets.sharesAny(with: pass.sirets, part: 1, of: 2)
    }
  }

  private func readPart() {
    headerReady.wait()
    guard let header, header.detection.announcedEncoding != .utf16LE,
      header.detection.announcedEncoding != .utf16BE
    else { return }
    let pass = CSVReportPass(year: year, file: name, expectedReports: expectedReports) { [unowned self] in
      summaries.append($0)
    }
    self.pass = pass
    outcome = try? CSVSubmissionReader().read(
      path: path, name: name, filter: pass.filter,
      slice: CSVSlice(
        start: cut, end: nil, resuming: CSVResumePoint(detection: header.detection, line: 1)),
      header: header, onRecord: pass.take)
  }
}

extension CSVReadOutcome {
  /// Adds what reading the rest of the file found.
  fileprivate mutating func merge(_ rest: CSVReadOutcome, file: String) {
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
    unreadBytes = 0
    continuation = nil
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
