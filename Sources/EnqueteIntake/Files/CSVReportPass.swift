import EnqueteCore

/// One reading of CSV report rows without per-measure detail: the fast path takes the rows it can
/// (clean, or clean but for warnings), the full validator the others; every report with something
/// to say goes to `remark`. A class: the reader's filter and its record callback share it.
final class CSVReportPass: @unchecked Sendable {
  let sirets: SiretRegistry
  let filter: FastRowFilter
  private let year: Int?
  private let file: String
  private let remark: (ValidatedReportSummary) -> Void
  private let onReport: ((ValidatedReport) -> Void)?
  private var validator: ReportValidator?

  /// A pass over the rows of `file`; `onReport`, when given, receives every report typed (those
  /// the fast path takes, from its slots), in file order.
  init(
    year: Int?, file: String, expectedReports: Int, onReport: ((ValidatedReport) -> Void)? = nil,
    remark: @escaping (ValidatedReportSummary) -> Void
  ) {
    self.year = year
    self.file = file
    self.remark = remark
    self.onReport = onReport
    sirets = SiretRegistry(expected: expectedReports)
    filter = FastRowFilter(year: year, file: file, sirets: sirets, onWarnings: remark, onTaken: onReport)
  }

  /// Validates a row the fast path left (the reader's record callback).
  func take(_ record: RawRecord, _ problems: [Diagnostic], _ layout: CSVLayout) {
    guard layout.table == "rapport" else { return }
    if validator == nil {
      validator = ReportValidator(survey: layout.survey, campaignYear: year, file: file, sirets: sirets)
    }
    let report = validator!.validate(
      RawReport(record: record, detail: [], endLine: record.line, diagnostics: problems))
    if !report.diagnostics.isEmpty { remark(ValidatedReportSummary(report)) }
    onReport?(report)
  }
}

/// The fast path for CSV report rows: a clean row is counted without being decoded into a record;
/// a row clean but for warnings gets its summary worded on the spot.
final class FastRowFilter: CSVRowFilter {
  private let year: Int?
  private let file: String
  private let sirets: SiretRegistry
  private let onWarnings: (ValidatedReportSummary) -> Void
  /// Receives each report taken, typed (nil: taken reports are only counted).
  private let onTaken: ((ValidatedReport) -> Void)?
  /// The checker, once the header is read. Behind a pointer so that checking a row neither copies
  /// it nor goes through the run-time exclusivity checks of a class's stored property.
  private let checker = UnsafeMutablePointer<FastReportChecker?>.allocate(capacity: 1)

  init(
    year: Int?, file: String, sirets: SiretRegistry, onWarnings: @escaping (ValidatedReportSummary) -> Void,
    onTaken: ((ValidatedReport) -> Void)? = nil
  ) {
    self.year = year
    self.file = file
    self.sirets = sirets
    self.onWarnings = onWarnings
    self.onTaken = onTaken
    checker.initialize(to: nil)
  }

  deinit {
    checker.deinitialize(count: 1)
    checker.deallocate()
  }

  func begin(layout: CSVLayout, columns: [String?]) {
    guard layout.table == "rapport" else { return }
    checker.pointee = FastReportChecker(survey: layout.survey, campaignYear: year, file: file, sirets: sirets)
    checker.pointee!.prepare(columns: columns)
  }

  func accepts(_ row: CSVRow, decoder: inout FieldDecoder) -> Bool {
    guard checker.pointee != nil else { return false }
    let verdict = checker.pointee!.check(
      row: row, line: row.line, isText: { decoder.isText($0) }, decode: { decoder.decode($0) })
    switch verdict {
    case .clean:
      onTaken?(checker.pointee!.typed(row: row, line: row.line) { decoder.decode($0) })
      return true
    case .acceptedWithWarnings(let summary):
      onWarnings(summary)
      onTaken?(
        checker.pointee!.typed(row: row, line: row.line, diagnostics: summary.diagnostics) {
          decoder.decode($0)
        })
      return true
    case .deferred: return false
    }
  }

  func accepts(lines: CSVPendingLines, encoding: TextEncoding?) -> CSVLinesTaken {
    guard checker.pointee != nil else { return .none(lines) }
    let judged: FastTextEncoding
    switch encoding {
    case nil: judged = .undecided
    case .windows1252?: judged = .windows1252
    case .utf8?, .utf8BOM?, .utf16LE?, .utf16BE?: judged = .utf8
    }
    let (end, rows) = checker.pointee!.checkLines(
      lines.text, start: lines.start, count: lines.count, reach: lines.reach, line: lines.line,
      delimiter: lines.delimiter, encoding: judged, onWarnings: onWarnings, onTaken: onTaken)
    return CSVLinesTaken(end: end, rows: rows)
  }
}
