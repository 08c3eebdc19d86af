import Foundation

/// A file as received and validated, ready to be kept: its original bytes (and those of its
/// per-measure companion), what validation said, and every report with its typed values.
///
/// What the validation stage hands to the ledger.
public struct ReceivedSubmission: Sendable {
  /// The file's name as the user gave it.
  public var name: String
  /// The original bytes, untouched.
  public var bytes: [UInt8]
  /// The per-measure companion (`<name>-mesures.csv`) read with a CSV report file.
  public var companion: (name: String, bytes: [UInt8])?
  /// The SHA-256 of the bytes (and the companion's).
  public var fingerprint: SubmissionFingerprint
  /// The encoding detected (`UTF-8`, `Windows-1252`…), when known.
  public var encoding: String?
  /// The campaign year the file was validated for (option or folder), when known.
  public var campaignYear: Int?
  /// When it was received.
  public var receivedAt: Date
  /// What validation said of the file.
  public var verdict: FileVerdict
  /// Every report read, accepted or refused, in file order.
  public var reports: [ValidatedReport]

  /// A received submission; `fingerprint`, when the caller already computed it, must be that of
  /// `bytes` and `companion` (it is computed otherwise).
  public init(
    name: String, bytes: [UInt8], companion: (name: String, bytes: [UInt8])? = nil,
    fingerprint: SubmissionFingerprint? = nil, encoding: String?, campaignYear: Int?, receivedAt: Date,
    verdict: FileVerdict, reports: [ValidatedReport]
  ) {
    self.name = name
    self.bytes = bytes
    self.companion = companion
    self.fingerprint = fingerprint ?? SubmissionFingerprint(bytes: bytes, companion: companion?.bytes)
    self.encoding = encoding
    self.campaignYear = campaignYear
    self.receivedAt = receivedAt
    self.verdict = verdict
    self.reports = reports
  }

  /// Whether a report is kept as accepted: the file is readable and the report has no error.
  public func isAccepted(_ report: ValidatedReport) -> Bool { verdict.isReadable && report.isAccepted }

  /// The survey year a report belongs to: the campaign's it was sent to when known (validation
  /// refuses a report of another year), else its own `annee`.
  public func year(of report: ValidatedReport) -> Int? {
    if let campaignYear { return campaignYear }
    if case .integer(let year)? = report.values["annee"] { return year }
    return nil
  }
}
