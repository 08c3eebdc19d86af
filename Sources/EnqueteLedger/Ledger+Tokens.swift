import Foundation
import GRDB

/// A portal access token as the ledger keeps it: never the token itself, only its SHA-256.
public struct StoredToken: Sendable, Hashable {
  /// Row id: how the audit log and the administrator name the token.
  public var id: Int64
  /// SHA-256 of the token, lowercase hexadecimal.
  public var sha256: String
  /// `service`, `departement` or `statisticien`.
  public var role: String
  /// What the role reaches: SIRETs, a département code or surveys, comma-separated.
  public var scope: String
  /// Who it was made for, in the administrator's words.
  public var label: String
  /// When it was made.
  public var createdAt: Date
  /// When it was revoked; nil while valid.
  public var revokedAt: Date?

  /// Whether requests bearing it are still let in.
  public var isValid: Bool { revokedAt == nil }

  static func from(_ row: Row) -> StoredToken {
    StoredToken(
      id: row["id"], sha256: row["sha256"], role: row["role"], scope: row["scope"], label: row["label"],
      createdAt: row["created_at"], revokedAt: row["revoked_at"])
  }
}

extension Ledger {
  /// Records a new token by its SHA-256 and returns its id.
  ///
  /// - Throws: a database error when the role is not one of the three (or the hash is taken).
  public func createToken(
    sha256: String, role: String, scope: String, label: String, at date: Date
  ) throws
    -> Int64
  {
    let id = try database.write { db in
      try db.execute(
        sql: "INSERT INTO access_token (sha256, role, scope, label, created_at) VALUES (?, ?, ?, ?, ?)",
        arguments: [sha256, role, scope, label, date])
      return db.lastInsertedRowID
    }
    logger.info("token created", metadata: ["token": "\(id)", "role": "\(role)"])
    return id
  }

  /// The token whose SHA-256 is `sha256`, revoked or not; nil when there is none.
  public func token(sha256: String) throws -> StoredToken? {
    try database.read { db in
      try Row.fetchOne(db, sql: "SELECT * FROM access_token WHERE sha256 = ?", arguments: [sha256])
        .map(StoredToken.from)
    }
  }

  /// Revokes token `id` from `date` on; false when there is no such token or it was already
  /// revoked.
  @discardableResult
  public func revokeToken(id: Int64, at date: Date) throws -> Bool {
    let changed = try database.write { db in
      try db.execute(
        sql: "UPDATE access_token SET revoked_at = ? WHERE id = ? AND revoked_at IS NULL",
        arguments: [date, id])
      return db.changesCount > 0
    }
    if changed { logger.info("token revoked", metadata: ["token": "\(id)"]) }
    return changed
  }

  /// Every token, by id.
  public func tokens() throws -> [StoredToken] {
    try database.read { db in
      try Row.fetchAll(db, sql: "SELECT * FROM access_token ORDER BY id").map(StoredToken.from)
    }
  }
}
