import EnqueteCore
import EnqueteIntake
import Foundation

/// `enquete validate` composed: the intake stage on each file, nothing stored. Files are checked
/// on the machine's cores and handed back in the order given, as ``Ingestion`` checks them before
/// storing them (the same entry point, ``Intake/check(_:keeping:path:onRemarks:)``).
public struct Validation: Sendable {
  /// The campaign year; nil takes it from a folder named after a year in each file's path.
  public var campaignYear: Int?

  /// A validation for the campaign `campaignYear`.
  public init(campaignYear: Int? = nil) { self.campaignYear = campaignYear }

  /// Expands folders (recursively, in name order) into the files to check: `.xml` and `.csv`, a
  /// `-mesures.csv` left out when its report file is there (it is checked with it).
  public static func files(in paths: [String]) -> [String] { Intake.files(in: paths) }

  /// Files this large are checked alone, their remarks handed to `onRemarks` as they are read
  /// (memory stays flat however many there are); smaller ones several at once, each file's
  /// remarks handed over when its turn comes.
  static let streamedBytes = 32 << 20

  /// Checks `paths` (files, not folders), and hands each verdict to `onVerdict` in the order
  /// given, after that file's reports with remarks went to `onRemarks` (when given; otherwise
  /// the verdict keeps them). When `onVerdict` returns `false`, no further file is checked.
  /// - Complexity: the checks spread over the cores.
  public func check(
    paths: [String], onRemarks: ((ValidatedReportSummary) -> Void)? = nil,
    onVerdict: (String, FileVerdict) -> Bool
  ) {
    let intake = Intake(campaignYear: campaignYear)
    let streamed = paths.map { Self.size($0) >= Self.streamedBytes }
    var start = 0
    while start < paths.count {
      if streamed[start] {
        guard onVerdict(paths[start], intake.check(path: paths[start], onRemarks: onRemarks)) else { return }
        start += 1
        continue
      }
      var end = start
      while end < paths.count, !streamed[end] { end += 1 }
      let batch = Array(paths[start..<end])
      var stopped = false
      InOrder.run(count: batch.count) { index in
        intake.check(path: batch[index])
      } consume: { index, verdict in
        var verdict = verdict
        if let onRemarks {
          verdict.reports.forEach(onRemarks)
          verdict = verdict.withoutReports()
        }
        stopped = !onVerdict(batch[index], verdict)
        return !stopped
      }
      if stopped { return }
      start = end
    }
  }

  private static func size(_ path: String) -> Int {
    (try? FileManager.default.attributesOfItem(atPath: path)[.size] as? Int) ?? 0
  }
}
