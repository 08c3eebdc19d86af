import EnqueteCore
import Foundation
import GRDB

/// A file of a campaign that was refused as a whole (no report accepted), as the follow-up page
/// lists it: name, date and counts, never a value.
public struct RefusedFile: Sendable, Hashable {
  /// Ledger id of the file.
  public var id: Int64
  /// The name it was received under.
  public var name: String
  /// When it was received.
  public var receivedAt: Date
  /// Reports read in it.
  public var reportCount: Int
  /// Errors found in it (file and reports).
  public var errorCount: Int
}

/// A publication of a campaign, as listed (without its cells).
public struct PublicationSummary: Sendable, Hashable {
  /// Its number in the ledger.
  public var id: Int64
  /// When it was published.
  public var publishedAt: Date
  /// The publication plan's version.
  public var planVersion: String
  /// SHA-256 of the long CSV it published.
  public var cellsSha256: String
}

extension Ledger {
  /// The campaign's files refused as a whole, most recent first (at most `limit`).
  /// - Complexity: a scan of the campaign's files and their error diagnostics.
  public func refusedFiles(survey: SurveyID, year: Int, limit: Int = 500) throws -> [RefusedFile] {
    try database.read { db in
      try Row.fetchAll(
        db,
        sql: """
          SELECT f.id, f.name, f.received_at, f.report_count,
            (SELECT count(*) FROM diagnostic d WHERE d.file_id = f.id AND d.severity = 'error') AS errors
          FROM submission_file f WHERE f.survey = ? AND f.year = ? AND f.verdict = 'refused'
          ORDER BY f.id DESC LIMIT ?
          """, arguments: [survey.rawValue, year, limit]
      ).map {
        RefusedFile(
          id: $0["id"], name: $0["name"], receivedAt: $0["received_at"], reportCount: $0["report_count"],
          errorCount: $0["errors"])
      }
    }
  }

  /// Every publication recorded for a campaign, most recent first.
  public func publications(survey: SurveyID, year: Int) throws -> [PublicationSummary] {
    try database.read { db in
      try Row.fetchAll(
        db,
        sql: """
          SELECT id, published_at, plan_version, cells_sha256 FROM publication
          WHERE survey = ? AND year = ? ORDER BY id DESC
          """, arguments: [survey.rawValue, year]
      ).map {
        PublicationSummary(
          id: $0["id"], publishedAt: $0["published_at"], planVersion: $0["plan_version"],
          cellsSha256: $0["cells_sha256"])
      }
    }
  }

  /// Whether the campaign of `survey` and `year` exists and is open (files may enter it).
  public func isOpen(survey: SurveyID, year: Int) throws -> Bool {
    try database.read { db in
      try Self.campaign(db, survey: survey.rawValue, year: year).map { $0.closedAt == nil } ?? false
    }
  }
}
