import EnqueteCore
import Foundation

/// Validates a CSV report file and, when present, its per-measure detail `<name>-mesures.csv`:
/// the detail is read first and grouped by SIRET, then each report is validated with its rows.
struct CSVSubmissionCheck {
  /// The report file's bytes or path.
  let content: SubmittedFile.Content
  let name: String
  let year: Int?
  /// The per-measure detail, when the report file has one.
  let companion: SubmittedFile.Companion?
  /// Whether the file is a per-measure detail named as such and sent without its report file.
  var isLoneDetail = false
  /// Whether clean reports go through the fast checker (false: all through the reference validator).
  var fastPath = true

  /// The path, when the file is read from disk (what the split reading of a large file needs).
  private var path: String? {
    if case .onDisk(let path) = content { path } else { nil }
  }

  static func isDetailFile(_ path: String) -> Bool { path.lowercased().hasSuffix("-mesures.csv") }

  static func reportFile(of detailPath: String) -> String {
    String(detailPath.dropLast("-mesures.csv".count)) + ".csv"
  }

  static func detailFile(of reportPath: String) -> String {
    ((reportPath as NSString).deletingPathExtension) + "-mesures.csv"
  }

  /// Reads the whole file with `read`; an unreadable file becomes an outcome saying so.
  static func read(name: String, _ read: () throws -> CSVReadOutcome) -> CSVReadOutcome {
    do {
      return try read()
    } catch {
      var failed = CSVReadOutcome()
      failed.isReadable = false
      failed.diagnostics.append(.fileUnreadable(name))
      return failed
    }
  }

  /// About how many rows the file holds, from its size and the lines of its first 64 KiB (so that
  /// the SIRET registry is sized once instead of growing through copies).
  static func estimatedRows(_ path: String) -> Int {
    guard let handle = FileHandle(forReadingAtPath: path), let size = try? handle.seekToEnd(),
      (try? handle.seek(toOffset: 0)) != nil, let head = try? handle.read(upToCount: 64 * 1024), !head.isEmpty
    else { return 0 }
    try? handle.close()
    let lines = head.count { $0 == UInt8(ascii: "\n") }
    guard lines >= 2 else { return 0 }
    return Int(Double(size) / (Double(head.count) / Double(lines)) * 1.02)
  }

  func run(
    onReport: ((ValidatedReport) -> Void)?, onRemarks: ((ValidatedReportSummary) -> Void)? = nil
  ) -> FileVerdict {
    if isLoneDetail {
      // With its report file, a detail is read as its companion.
      return FileVerdict(
        file: name, format: .csv, survey: nil,
        diagnostics: [
          Diagnostic(
            .error, code: "csv.detail-without-report",
            message: "Ce détail par mesure arrive sans le fichier de rapports qu'il complète "
              + "(\((Self.reportFile(of: name) as NSString).lastPathComponent)) : envoyez les deux ensemble.",
            location: .init(file: name, line: 1))
        ], reportCount: 0, reports: [], isReadable: false)
    }
    let detailName = companion?.name ?? Self.detailFile(of: name)
    var detailOutcome: CSVReadOutcome?
    var detail: [String: [RawRecord]] = [:]
    var detailProblems: [Int: [Diagnostic]] = [:]
    var firstLine: [String: Int] = [:]
    if let companion {
      detailOutcome = try? companion.content.readCSV(name: detailName) {
        record, problems, _ in
        let siret = FrenchValueParser.stripGroups(record.values["siret"]?.text ?? "")
        detail[siret, default: []].append(record)
        if firstLine[siret] == nil { firstLine[siret] = record.line }
        if !problems.isEmpty { detailProblems[record.line] = problems }
      }
    }
    var validator: ReportValidator?
    var fast: FastReportChecker?
    var remarks = RemarkSink(onRemarks)
    func remark(_ summary: ValidatedReportSummary) { remarks.take(summary) }
    var used = Set<String>()
    let detailReadable = detailOutcome?.isReadable ?? true
    var outcome: CSVReadOutcome
    if detailOutcome == nil && fastPath {
      // No detail: the fast path (typing the reports it takes when the caller keeps them), on
      // two threads for a large file read from disk whose reports are only counted.
      let estimated = content.estimatedRows
      outcome =
        path.flatMap { path in
          onReport == nil
            ? ParallelCSVCheck(path: path, name: name, year: year, estimatedRows: estimated).run(
              remark: remark)
            : nil
        }
        ?? Self.read(name: name) {
          let pass = CSVReportPass(
            year: year, file: name, expectedReports: estimated, onReport: onReport, remark: remark)
          return try content.readCSV(name: name, filter: pass.filter, onRecord: pass.take)
        }
    } else {
      let sirets = SiretRegistry(expected: content.estimatedRows)
      outcome = Self.read(name: name) {
        try content.readCSV(name: name) { record, problems, layout in
          guard layout.table == "rapport" else { return }
          if validator == nil {
            validator = ReportValidator(
              survey: layout.survey, campaignYear: year, file: name,
              detailFile: detailOutcome == nil ? nil : detailName, sirets: sirets)
            if fastPath {
              fast = FastReportChecker(survey: layout.survey, campaignYear: year, sirets: sirets)
            }
          }
          let siret = FrenchValueParser.stripGroups(record.values["siret"]?.text ?? "")
          let rows = detailReadable ? (detail[siret] ?? []) : []
          used.insert(siret)
          var diagnostics = problems
          for row in rows { diagnostics += detailProblems[row.line] ?? [] }
          let raw = RawReport(record: record, detail: rows, endLine: record.line, diagnostics: diagnostics)
          // A report with its detail: the fast checker first, as for XML (typed from its slots
          // when someone keeps the reports), the reference validator for what it does not take.
          if fast?.isClean(bytes: raw) == true {
            if let onReport, let typed = fast?.typed(raw) { onReport(typed) }
            return
          }
          let report = validator!.validate(raw)
          if !report.diagnostics.isEmpty { remark(ValidatedReportSummary(report)) }
          onReport?(report)
        }
      }
    }
    var diagnostics = outcome.diagnostics
    var readable = outcome.isReadable
    if let table = outcome.table, table != "rapport" {
      readable = false
      diagnostics.append(
        Diagnostic(
          .error, code: "csv.detail-without-report",
          message:
            "Ce fichier est un détail par mesure : il doit s'appeler <nom>-mesures.csv et accompagner le fichier de rapports <nom>.csv.",
          location: .init(file: name, line: 1)))
    }
    if let detailOutcome {
      diagnostics += detailOutcome.diagnostics
      if !detailOutcome.isReadable { readable = false }
      for (siret, line) in firstLine.sorted(by: { $0.value < $1.value }) where !used.contains(siret) {
        diagnostics.append(
          Diagnostic(
            .error, code: "validate.orphan-detail",
            message:
              "Des mesures du SIRET \(siret) n'ont pas de rapport dans \((name as NSString).lastPathComponent).",
            location: .init(file: detailName, line: line), report: siret, variable: "siret"))
      }
    }
    if readable, outcome.table == "rapport", outcome.rowCount + outcome.filteredRowCount == 0 {
      readable = false
      diagnostics.append(.fileWithoutReport(name))
    }
    var verdict = FileVerdict(
      file: name, companion: detailOutcome == nil ? nil : detailName, format: .csv, survey: outcome.survey,
      diagnostics: diagnostics, reportCount: outcome.rowCount + outcome.filteredRowCount,
      reports: remarks.kept,
      isReadable: readable)
    remarks.account(in: &verdict)
    return verdict
  }
}
