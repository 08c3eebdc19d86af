import Foundation
import GRDB

/// A file as received: its original bytes and SHA-256 (with its per-measure companion's), what was
/// detected, when it came, and the verdict. Kept whatever the verdict: a refused file is quarantined
/// here with its diagnostics.
public struct SubmissionFileRecord: Codable, Sendable, Hashable, FetchableRecord, MutablePersistableRecord {
  /// Table `submission_file`.
  public static let databaseTableName = "submission_file"

  /// The file's verdict as a whole.
  public enum Verdict: String, Codable, Sendable, Hashable, DatabaseValueConvertible {
    /// Every report accepted.
    case accepted
    /// Some reports accepted, some refused.
    case partial
    /// Nothing accepted: refused as a whole, or every report refused.
    case refused
  }

  /// The columns.
  public enum Columns {
    /// Row id, in the order files were received.
    public static let id = Column(CodingKeys.id)
    /// SHA-256 of the bytes.
    public static let sha256 = Column(CodingKeys.sha256)
    /// SHA-256 of the companion's bytes.
    public static let companionSha256 = Column(CodingKeys.companionSha256)
    /// When it was received.
    public static let receivedAt = Column(CodingKeys.receivedAt)
    /// The verdict.
    public static let verdict = Column(CodingKeys.verdict)
  }

  /// Row id (nil before insertion); increases with the order of reception.
  public var id: Int64?
  /// SHA-256 of `bytes`, lowercase hexadecimal.
  public var sha256: String
  /// The name the file was given.
  public var name: String
  /// Its size in bytes.
  public var size: Int
  /// The original bytes.
  public var bytes: Data
  /// The per-measure companion's name, when one came with it.
  public var companionName: String?
  /// SHA-256 of the companion's bytes.
  public var companionSha256: String?
  /// The companion's original bytes.
  public var companionBytes: Data?
  /// `xml` or `csv`.
  public var format: String
  /// The encoding detected.
  public var encoding: String?
  /// The survey it answers, when known.
  public var survey: String?
  /// The campaign year it was read for, when known.
  public var year: Int?
  /// When it was received.
  public var receivedAt: Date
  /// The verdict.
  public var verdict: Verdict
  /// Reports read.
  public var reportCount: Int
  /// Reports accepted.
  public var acceptedCount: Int
  /// Warnings, file and reports.
  public var warningCount: Int

  enum CodingKeys: String, CodingKey {
    case id, sha256, name, size, bytes, format, encoding, survey, year, verdict
    case companionName = "companion_name"
    case companionSha256 = "companion_sha256"
    case companionBytes = "companion_bytes"
    case receivedAt = "received_at"
    case reportCount = "report_count"
    case acceptedCount = "accepted_count"
    case warningCount = "warning_count"
  }

  /// The first twelve digits of the SHA-256, enough to name a file to a person.
  public var shortSha256: String { String(sha256.prefix(12)) }

  /// Keeps the id SQLite gave.
  public mutating func didInsert(_ inserted: InsertionSuccess) { id = inserted.rowID }
}
