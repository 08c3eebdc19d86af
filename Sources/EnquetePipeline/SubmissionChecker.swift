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
  /// diagnostics name it. `onReport`, when given, sees every validated report with its typed
  /// values; without it, reports that are clean are only counted (the fast path). `onRemarks`, when
  /// given, receives each report that has something to say as soon as it is read, instead of the
  /// verdict keeping it (memory stays flat however many there are).
  public func check(
    path: String, name: String? = nil, onReport: ((ValidatedReport) -> Void)? = nil,
    onRemarks: ((ValidatedReportSummary) -> Void)? = nil
  ) -> FileVerdict {
    let name = name ?? path
    let year = campaignYear ?? Self.yearInPath(path)
    if SubmissionKind.of(path: path) == .xml {
      return checkXML(path: path, name: name, year: year, onReport: onReport, onRemarks: onRemarks)
    }
    return CSVSubmissionCheck(path: path, name: name, year: year).run(
      onReport: onReport, onRemarks: onRemarks)
  }

  private func checkXML(
    path: String, name: String, year: Int?, onReport: ((ValidatedReport) -> Void)?,
    onRemarks: ((ValidatedReportSummary) -> Void)?
  ) -> FileVerdict {
    var intake = XMLReportIntake(name: name, year: year, collects: false, onRemarks: onRemarks)
    var survey: SurveyID?
    if let handle = FileHandle(forReadingAtPath: path), let head = try? handle.read(upToCount: 64 * 1024) {
      try? handle.close()
      if case .root(let namespace?, _) = XMLPrologue.scan(head) {
        survey = XMLPrologue.survey(forNamespace: namespace)
      }
    }
    let outcome = XMLSubmissionReader().readDraftsConcurrently(path: path, name: name) { draft in
      intake.take(draft, survey: survey, onReport: onReport)
    }
    return intake.verdict(outcome)
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
      let found = Self.relativePaths(under: path)
        .filter {
          SubmissionKind.of(path: $0) != nil && !$0.split(separator: "/").contains { $0.hasPrefix(".") }
        }
        .sorted()
        .map { (path as NSString).appendingPathComponent($0) }
      files += found
    }
    // A per-measure file is checked with its report file: listed on its own only when its report
    // file is not listed too (a folder, or both named, as a shell's `*` names them); and each
    // file once.
    let listed = Set(files)
    var seen: Set<String> = []
    return files.filter {
      !(CSVSubmissionCheck.isDetailFile($0) && listed.contains(CSVSubmissionCheck.reportFile(of: $0)))
        && seen.insert($0).inserted
    }
  }
}

extension SubmissionChecker {
  /// Every file below `folder`, as paths relative to it (`FileManager`'s enumerator is not safe to
  /// use from several threads at once on Linux; this walk is).
  static func relativePaths(under folder: String) -> [String] {
    let manager = FileManager.default
    var result: [String] = []
    var pending = [""]
    while let relative = pending.popLast() {
      let absolute = relative.isEmpty ? folder : (folder as NSString).appendingPathComponent(relative)
      for name in (try? manager.contentsOfDirectory(atPath: absolute)) ?? [] {
        let child = relative.isEmpty ? name : (relative as NSString).appendingPathComponent(name)
        var isDirectory: ObjCBool = false
        if manager.fileExists(
          atPath: (folder as NSString).appendingPathComponent(child), isDirectory: &isDirectory),
          isDirectory.boolValue
        {
          pending.append(child)
        } else {
          result.append(child)
        }
      }
    }
    return result
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
