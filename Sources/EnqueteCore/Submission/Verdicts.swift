/// A report once validated: typed values, typed detail, every diagnostic, and the verdict.
public struct ValidatedReport: Sendable {
  /// The SIRET as read (normalised when it could be), to name the report.
  public var siret: String?
  /// 1-based line where the report starts.
  public var line: Int
  /// Typed values of the report, derived variables included; a value that failed its checks is absent.
  public var values: [String: Value]
  /// Typed detail rows (empty when ``encodedDetail`` holds them).
  public var detail: [[String: Value]]
  /// The detail rows already as the ledger keeps them (``ValueJSON``): the intake's fast path
  /// writes them from its slots, without a dictionary per row; nil when `detail` holds them.
  public var encodedDetail: EncodedDetail?
  /// Everything found, in line order.
  public var diagnostics: [Diagnostic]

  /// A validated report.
  public init(
    siret: String?, line: Int, values: [String: Value], detail: [[String: Value]],
    encodedDetail: EncodedDetail? = nil, diagnostics: [Diagnostic]
  ) {
    self.siret = siret
    self.line = line
    self.values = values
    self.detail = detail
    self.encodedDetail = encodedDetail
    self.diagnostics = diagnostics
  }

  /// The number of detail rows, however they are held.
  public var detailCount: Int { encodedDetail?.count ?? detail.count }

  /// The detail rows as the ledger keeps them (``ValueJSON/table(_:)``), nil when there are none.
  public var detailJSON: String? {
    if let encodedDetail { return encodedDetail.count == 0 ? nil : encodedDetail.json }
    return detail.isEmpty ? nil : ValueJSON.table(detail)
  }

  /// Accepted when nothing found is an error.
  public var isAccepted: Bool { !diagnostics.contains { $0.severity == .error } }
  /// Number of warnings.
  public var warningCount: Int { diagnostics.count { $0.severity == .warning } }
}

/// A report's detail rows written as the ledger's JSON table (``ValueJSON/table(_:)``), with their
/// count.
public struct EncodedDetail: Sendable, Hashable {
  /// The number of rows.
  public var count: Int
  /// `{"columns":[…],"rows":[[…],…]}`, columns sorted.
  public var json: String

  /// Rows already written.
  public init(count: Int, json: String) {
    self.count = count
    self.json = json
  }
}

/// What validation says of one submitted file (or a report file with its `-mesures.csv`).
public struct FileVerdict: Sendable {
  /// The file as named to the user.
  public var file: String
  /// Its per-measure companion, when one was read with it.
  public var companion: String?
  /// XML or CSV.
  public var format: SubmissionFormat
  /// The survey it answers, when known.
  public var survey: SurveyID?
  /// Problems with the file as a whole, and notes on what was detected.
  public var diagnostics: [Diagnostic]
  /// Reports read in the file (with or without something to say).
  public var reportCount: Int
  /// The reports that have something to say (refused, or accepted with warnings): SIRET, line,
  /// verdict, diagnostics. Reports accepted without a remark are only counted, so memory stays flat.
  public var reports: [ValidatedReportSummary]
  /// False when the file is refused as a whole.
  public var isReadable: Bool
  /// Reports refused among those handed out while reading rather than kept in `reports` (see
  /// `SubmissionChecker.check(path:name:onReport:onRemarks:)`).
  public var handedOutRejectedCount = 0
  /// Warnings of the reports handed out while reading.
  public var handedOutWarningCount = 0

  /// A verdict.
  public init(
    file: String, companion: String? = nil, format: SubmissionFormat, survey: SurveyID?,
    diagnostics: [Diagnostic],
    reportCount: Int, reports: [ValidatedReportSummary], isReadable: Bool
  ) {
    self.reportCount = reportCount
    self.file = file
    self.companion = companion
    self.format = format
    self.survey = survey
    self.diagnostics = diagnostics
    self.reports = reports
    self.isReadable = isReadable
  }

  /// Reports accepted (none when the file is refused as a whole).
  public var acceptedCount: Int {
    isReadable ? reportCount - reports.count(where: { !$0.accepted }) - handedOutRejectedCount : 0
  }
  /// Reports refused.
  public var rejectedCount: Int { reportCount - acceptedCount }
  /// Warnings, file and reports together.
  public var warningCount: Int {
    diagnostics.count { $0.severity == .warning } + handedOutWarningCount
      + reports.map { $0.diagnostics.count { $0.severity == .warning } }.reduce(0, +)
  }
  /// Whether everything in it is accepted.
  public var isValid: Bool {
    isReadable && !diagnostics.contains { $0.severity == .error } && rejectedCount == 0
  }
  /// The same verdict and counts with the reports' details dropped (to keep many verdicts).
  public func withoutReports() -> FileVerdict {
    var lighter = self
    lighter.handedOutRejectedCount += reports.count { !$0.accepted }
    lighter.handedOutWarningCount += reports.map { $0.diagnostics.count { $0.severity == .warning } }.reduce(
      0, +)
    lighter.reports = []
    return lighter
  }

  /// Every diagnostic, file first then reports, in line order within each.
  public var allDiagnostics: [Diagnostic] { diagnostics + reports.flatMap(\.diagnostics) }
}

/// The verdict on one report, without its values (what a file verdict keeps for large files).
public struct ValidatedReportSummary: Sendable {
  /// SIRET as read.
  public var siret: String?
  /// Line where it starts.
  public var line: Int
  /// Whether it is accepted.
  public var accepted: Bool
  /// Its diagnostics.
  public var diagnostics: [Diagnostic]

  /// A summary.
  public init(siret: String?, line: Int, accepted: Bool, diagnostics: [Diagnostic]) {
    self.siret = siret
    self.line = line
    self.accepted = accepted
    self.diagnostics = diagnostics
  }

  /// The summary of a validated report.
  public init(_ report: ValidatedReport) {
    siret = report.siret
    line = report.line
    accepted = report.isAccepted
    diagnostics = report.diagnostics
  }
}
