import EnqueteCore
import EnqueteIngest
import EnqueteValidate
import Foundation

/// Reads and validates submission files: the first two stages, composed. What `enquete validate`,
/// the ledger's ingestion and the portal's upload all call.
public struct SubmissionChecker: Sendable {
  /// The campaign year; nil takes it from a folder named after a year in the file's path.
  public var campaignYear: Int?

  /// A checker.
  public init(campaignYear: Int? = nil) { self.campaignYear = campaignYear }

  /// The year the file's path names (`…/2025/file.csv`), if any.
  public static func yearInPath(_ path: String) -> Int? {
    path.split(separator: "/").dropLast().reversed().lazy.compactMap { Int($0) }.first {
      (2000...2100).contains($0)
    }
  }

  /// Validates one file (with its `-mesures.csv` companion for a CSV report file); `name` is how
  /// diagnostics name it. `onReport` sees every validated report, typed values included.
  public func check(
    path: String, name: String? = nil, onReport: (ValidatedReport) -> Void = { _ in }
  ) -> FileVerdict {
    let name = name ?? path
    let year = campaignYear ?? Self.yearInPath(path)
    if SubmissionKind.of(path: path) == .xml {
      return checkXML(path: path, name: name, year: year, onReport: onReport)
    }
    return CSVSubmissionCheck(path: path, name: name, year: year).run(onReport: onReport)
  }

  private func checkXML(
    path: String, name: String, year: Int?, onReport: (ValidatedReport) -> Void
  ) -> FileVerdict {
    var validator: ReportValidator?
    var summaries: [ValidatedReportSummary] = []
    var survey: SurveyID?
    if let handle = FileHandle(forReadingAtPath: path), let head = try? handle.read(upToCount: 64 * 1024) {
      try? handle.close()
      if case .root(let namespace?, _) = XMLPrologue.scan(head) {
        survey = XMLPrologue.survey(forNamespace: namespace)
      }
    }
    let outcome = XMLSubmissionReader().read(path: path, name: name) { raw in
      guard let survey else { return }
      if validator == nil { validator = ReportValidator(survey: survey, campaignYear: year, file: name) }
      let report = validator!.validate(raw)
      summaries.append(ValidatedReportSummary(report))
      onReport(report)
    }
    var diagnostics = outcome.diagnostics
    if outcome.isReadable, let survey = outcome.survey {
      diagnostics.insert(
        Diagnostic(
          .note, code: "xml.detected",
          message:
            "Lu comme XML, enquête \(survey.frenchName), schéma \(SurveyDefinition.builtIn(survey).schemaVersion).",
          location: .init(file: name)), at: 0)
    }
    return FileVerdict(
      file: name, format: .xml, survey: outcome.survey, diagnostics: diagnostics, reports: summaries,
      isReadable: outcome.isReadable)
  }

  /// Expands folders (recursively, in name order) into the files to check: `.xml` and `.csv`, a
  /// `-mesures.csv` left out when its report file is there (it is checked with it).
  public static func files(in paths: [String]) -> [String] {
    var files: [String] = []
    let manager = FileManager.default
    for path in paths {
      var isDirectory: ObjCBool = false
      guard manager.fileExists(atPath: path, isDirectory: &isDirectory) else {
        files.append(path)
        continue
      }
      if !isDirectory.boolValue {
        files.append(path)
        continue
      }
      let found = (manager.enumerator(atPath: path)?.allObjects as? [String] ?? [])
        .filter {
          SubmissionKind.of(path: $0) != nil && !$0.split(separator: "/").contains { $0.hasPrefix(".") }
        }
        .sorted()
        .map { (path as NSString).appendingPathComponent($0) }
      let present = Set(found)
      files += found.filter {
        !(CSVSubmissionCheck.isDetailFile($0) && present.contains(CSVSubmissionCheck.reportFile(of: $0)))
      }
    }
    return files
  }
}

/// What a path holds, by its extension.
enum SubmissionKind {
  case xml, csv

  static func of(path: String) -> SubmissionKind? {
    switch (path as NSString).pathExtension.lowercased() {
    case "xml": .xml
    case "csv", "txt", "tsv": .csv
    default: nil
    }
  }
}
