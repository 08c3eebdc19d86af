import EnqueteCore

/// A submitted file once checked: what ``Intake/check(_:keeping:path:onRemarks:)`` gives, and what
/// the ledger stores (`ReceivedSubmission`) or `enquete validate` prints.
public struct CheckedFile: Sendable {
  /// The file as submitted (its bytes, when they were read into memory).
  public var file: SubmittedFile
  /// What the check says of it.
  public var verdict: FileVerdict
  /// Every report read, typed, in file order (with ``Intake/Keeping/reports``; empty otherwise).
  public var reports: [ValidatedReport]
  /// The campaign year it was checked for (option or folder), when known.
  public var campaignYear: Int?
  /// The text encoding of its bytes (`UTF-8`, `Windows-1252`…), when they are in memory.
  public var encoding: String?
}
