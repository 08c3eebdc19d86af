import Foundation
import GRDB

/// One version (or refused report) of a service, as `history` lists it.
public struct ReportVersion: Sendable, Hashable {
  /// Row id.
  public var id: Int64
  /// The survey.
  public var survey: String?
  /// The survey year.
  public var year: Int?
  /// Line in its file.
  public var line: Int
  /// Whether it was accepted.
  public var accepted: Bool
  /// Version number among accepted reports; nil when refused.
  public var version: Int?
  /// Whether it is the current version.
  public var isCurrent: Bool
  /// The version that replaced it, and the file it came in.
  public var supersededBy: Successor?
  /// Errors found in it.
  public var errorCount: Int
  /// Warnings found in it.
  public var warningCount: Int

  /// The version that replaced a report.
  public struct Successor: Sendable, Hashable {
    /// Its version number.
    public var version: Int
    /// The file it came in.
    public var fileID: Int64
  }
}

/// A file received from a service, with the reports of that service it held.
public struct HistoryEntry: Sendable, Hashable {
  /// The file.
  public var file: StoredFile
  /// Its reports for this SIRET, in file order.
  public var reports: [ReportVersion]
}

extension Ledger {
  /// Every file received with a report of `siret` and every version, in order of reception.
  ///
  /// - Complexity: one indexed lookup by SIRET, then one per file.
  public func history(siret: String) throws -> [HistoryEntry] {
    try database.read { db in
      let rows = try Row.fetchAll(
        db,
        sql: """
          SELECT r.id, r.file_id, r.survey, r.year, r.line, r.accepted, r.version, r.is_current,
            s.version AS next_version, s.file_id AS next_file,
            (SELECT count(*) FROM diagnostic d WHERE d.report_id = r.id AND d.severity = 'error') AS errors,
            (SELECT count(*) FROM diagnostic d WHERE d.report_id = r.id AND d.severity = 'warning') AS warnings
          FROM report r LEFT JOIN report s ON s.id = r.superseded_by
          WHERE r.siret = ? ORDER BY r.id
          """, arguments: [siret])
      var entries: [HistoryEntry] = []
      for row in rows {
        let fileID: Int64 = row["file_id"]
        let next: Int? = row["next_version"]
        let version = ReportVersion(
          id: row["id"], survey: row["survey"], year: row["year"], line: row["line"],
          accepted: row["accepted"],
          version: row["version"], isCurrent: row["is_current"],
          supersededBy: next.map { ReportVersion.Successor(version: $0, fileID: row["next_file"]) },
          errorCount: row["errors"],
          warningCount: row["warnings"])
        if entries.last?.file.id == fileID {
          entries[entries.count - 1].reports.append(version)
          continue
        }
        guard
          let fileRow = try Row.fetchOne(
            db,
            sql: """
              SELECT id, name, sha256, received_at, verdict, report_count, accepted_count FROM submission_file
              WHERE id = ?
              """, arguments: [fileID])
        else { continue }
        entries.append(HistoryEntry(file: Self.storedFile(row: fileRow), reports: [version]))
      }
      return entries
    }
  }
}
