import EnqueteCore

/// Where reports with something to say go: kept for the verdict, or handed out as they come (and
/// only counted), so that memory stays flat however many there are.
struct RemarkSink {
  private let onRemarks: ((ValidatedReportSummary) -> Void)?
  /// The reports kept (none when they are handed out).
  private(set) var kept: [ValidatedReportSummary] = []
  private var rejected = 0
  private var warnings = 0

  init(_ onRemarks: ((ValidatedReportSummary) -> Void)?) { self.onRemarks = onRemarks }

  /// Keeps or hands out one report.
  mutating func take(_ summary: ValidatedReportSummary) {
    guard let onRemarks else { return kept.append(summary) }
    onRemarks(summary)
    if !summary.accepted { rejected += 1 }
    warnings += summary.diagnostics.count { $0.severity == .warning }
  }

  /// Records in `verdict` the counts of what was handed out.
  func account(in verdict: inout FileVerdict) {
    verdict.handedOutRejectedCount = rejected
    verdict.handedOutWarningCount = warnings
  }
}
