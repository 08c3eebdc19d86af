import Foundation
import GRDB

/// One line of the portal's audit log: who (a token id, never the token), did what, to what, when,
/// and how it ended. It names files and campaigns, never a value from a report.
public struct AuditEvent: Sendable, Hashable {
  /// Row id, increasing with time; nil before it is written.
  public var id: Int64?
  /// When.
  public var at: Date
  /// The token the request bore, when it bore a known one.
  public var tokenID: Int64?
  /// `upload`, `download`, `login`, `refusal`…
  public var action: String
  /// What it was about: the request's method and path.
  public var target: String
  /// How it ended, in a word (`accepted`, `refused`, `forbidden`, `not-found`…).
  public var outcome: String
  /// The HTTP status sent.
  public var httpStatus: Int
  /// The stored file, for an upload that reached the ledger.
  public var fileID: Int64?
  /// SHA-256 of the bytes received or sent, when there were any.
  public var sha256: String?

  /// An event.
  public init(
    at: Date, tokenID: Int64?, action: String, target: String, outcome: String, httpStatus: Int,
    fileID: Int64? = nil, sha256: String? = nil
  ) {
    self.at = at
    self.tokenID = tokenID
    self.action = action
    self.target = target
    self.outcome = outcome
    self.httpStatus = httpStatus
    self.fileID = fileID
    self.sha256 = sha256
  }
}

extension Ledger {
  /// Appends `event` to the audit log (which is append-only: triggers refuse any change).
  public func recordAudit(_ event: AuditEvent) throws {
    try database.write { db in try Self.insert(event, db) }
  }

  static func insert(_ event: AuditEvent, _ db: Database) throws {
    try db.execute(
      sql: """
        INSERT INTO audit_event (at, token_id, action, target, outcome, http_status, file_id, sha256)
        VALUES (?, ?, ?, ?, ?, ?, ?, ?)
        """,
      arguments: [
        event.at, event.tokenID, event.action, event.target, event.outcome, event.httpStatus, event.fileID,
        event.sha256,
      ])
  }

  /// The last `limit` events of the audit log, oldest first.
  public func auditEvents(limit: Int = 1000) throws -> [AuditEvent] {
    try database.read { db in
      try Row.fetchAll(
        db, sql: "SELECT * FROM (SELECT * FROM audit_event ORDER BY id DESC LIMIT ?) ORDER BY id",
        arguments: [limit]
      ).map { row in
        var event = AuditEvent(
          at: row["at"], tokenID: row["token_id"], action: row["action"], target: row["target"],
          outcome: row["outcome"], httpStatus: row["http_status"], fileID: row["file_id"],
          sha256: row["sha256"])
        event.id = row["id"]
        return event
      }
    }
  }
}
