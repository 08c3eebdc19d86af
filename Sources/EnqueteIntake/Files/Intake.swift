import EnqueteCore
import Foundation

/// The intake stage: a submitted file's bytes → its checked reports and diagnostics. The one entry
/// point that `enquete validate`, `enquete ingest` and the portal's uploads call
/// (``check(_:keeping:onRemarks:)``).
///
/// Each report goes first to the fast checker (`FastReportChecker`: plain spellings, bounds, the
/// compiled rules, without building a string); what it does not accept cleanly goes to the
/// reference validator (`ReportValidator`), the oracle that finds and words every problem. With
/// ``Keeping/reports`` the fast checker also hands over the typed values of the reports it
/// accepts (`FastTypedReport`), so that the ledger receives every report typed without the
/// reference validator running on clean ones.
public struct Intake: Sendable {
  /// What a check keeps of the reports it reads.
  public enum Keeping: Sendable {
    /// Only the reports with something to say (`FileVerdict.reports`, or `onRemarks`): what
    /// `enquete validate` needs, in flat memory.
    case remarks
    /// Every report with its typed values (``CheckedFile/reports``): what the ledger stores.
    case reports
  }

  /// The campaign year; nil takes it from a folder named after a year in the file's path.
  public var campaignYear: Int?

  /// An intake for the campaign `campaignYear` (nil: the year a folder of the path names, else
  /// each report's own).
  public init(campaignYear: Int? = nil) { self.campaignYear = campaignYear }

  /// The year the file's path names (`…/2025/file.csv`), if any.
  public static func yearInPath(_ path: String) -> Int? {
    path.split(separator: "/").dropLast().reversed().lazy.compactMap { Int($0) }.first {
      (2000...2100).contains($0)
    }
  }

  /// Checks one submitted file (a CSV report file with its per-measure companion): its verdict
  /// and, with `keeping: .reports`, every report typed. `onRemarks`, when given, receives each
  /// report that has something to say as soon as it is read, instead of the verdict keeping it
  /// (memory stays flat however many there are). `path`, when the file was read from one, gives
  /// the campaign year a folder names.
  ///
  /// - Complexity: O(file size + rule operations); the reference validator only for reports the
  ///   fast checker does not accept.
  public func check(
    _ file: SubmittedFile, keeping: Keeping = .remarks, path: String? = nil,
    onRemarks: ((ValidatedReportSummary) -> Void)? = nil
  ) -> CheckedFile {
    check(file, keeping: keeping, path: path, onRemarks: onRemarks, fastPath: true)
  }

  /// ``check(_:keeping:path:onRemarks:)``, with the fast checker or without it (`fastPath` false:
  /// every report through the reference validator, which tests hold the fast path to, and
  /// benchmarks measure it against).
  public func check(
    _ file: SubmittedFile, keeping: Keeping, path: String?, onRemarks: ((ValidatedReportSummary) -> Void)?,
    fastPath: Bool
  ) -> CheckedFile {
    let year = campaignYear ?? Self.yearInPath(path ?? file.name)
    var reports: [ValidatedReport] = []
    let onReport: ((ValidatedReport) -> Void)? = keeping == .reports ? { reports.append($0) } : nil
    let verdict: FileVerdict
    if file.format == .xml {
      verdict = checkXML(file, year: year, fastPath: fastPath, onReport: onReport, onRemarks: onRemarks)
    } else {
      var check = CSVSubmissionCheck(
        content: file.content, name: file.name, year: year, companion: file.companion)
      check.isLoneDetail = file.isLoneDetail
      verdict = check.run(onReport: onReport, onRemarks: onRemarks)
    }
    return CheckedFile(
      file: file, verdict: verdict, reports: reports, campaignYear: year,
      encoding: file.bytes.map { DetectedEncoding.of($0, format: verdict.format) })
  }

  /// ``check(_:keeping:path:onRemarks:)`` of the file at `path`, streamed from disk (nothing kept
  /// but the reports with something to say): what `enquete validate` runs.
  public func check(
    path: String, name: String? = nil, onRemarks: ((ValidatedReportSummary) -> Void)? = nil
  ) -> FileVerdict {
    check(.onDisk(path: path, name: name), path: path, onRemarks: onRemarks).verdict
  }

  /// XML files this large are parsed on one thread while their reports are checked on another.
  static let concurrentXMLBytes = 1 << 20

  private func checkXML(
    _ file: SubmittedFile, year: Int?, fastPath: Bool, onReport: ((ValidatedReport) -> Void)?,
    onRemarks: ((ValidatedReportSummary) -> Void)?
  ) -> FileVerdict {
    var intake = XMLReportIntake(
      name: file.name, year: year, collects: false, fastPath: fastPath, onRemarks: onRemarks)
    let survey = file.declaredSurvey
    let take = { (draft: ReportDraft) in intake.take(draft, survey: survey, onReport: onReport) }
    let outcome: XMLReadOutcome
    switch file.content {
    case .inMemory(let bytes):
      outcome = XMLSubmissionReader().readDrafts(bytes: bytes, name: file.name, onDraft: take)
    case .onDisk(let path):
      let size = (try? FileManager.default.attributesOfItem(atPath: path)[.size] as? Int) ?? 0
      outcome =
        size >= Self.concurrentXMLBytes
        ? XMLSubmissionReader().readDraftsConcurrently(path: path, name: file.name, onDraft: take)
        : XMLSubmissionReader().read(path: path, name: file.name, onDraft: take)
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

extension Intake {
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
