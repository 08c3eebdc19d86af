import EnqueteCore
import GRDB

/// What a campaign received: files by verdict, messages sent by rule, and the files behind its
/// current reports (the inputs a publication's provenance names).
public struct CampaignQuality: Sendable {
  /// Files received for the campaign, by verdict (`accepted`, `partial`, `refused`).
  public var filesByVerdict: [String: Int]
  /// Current accepted reports.
  public var currentReports: Int
  /// Messages (errors and warnings) by code and severity, most frequent first.
  public var messages: [(code: String, severity: String, count: Int)]
  /// The files holding the current reports: name and SHA-256, by name.
  public var inputs: [(name: String, sha256: String)]
}

extension Ledger {
  /// The quality figures of a campaign (for the report's annex and provenance).
  /// - Complexity: indexed scans of the campaign's files, reports and diagnostics.
  public func quality(survey: SurveyID, year: Int) throws -> CampaignQuality {
    try database.read { db in
      let arguments: StatementArguments = [survey.rawValue, year]
      var verdicts: [String: Int] = [:]
      for row in try Row.fetchAll(
        db,
        sql: "SELECT verdict, count(*) FROM submission_file WHERE survey = ? AND year = ? GROUP BY verdict",
        arguments: arguments)
      {
        verdicts[row[0]] = row[1]
      }
      let current =
        try Int.fetchOne(
          db, sql: "SELECT count(*) FROM report WHERE survey = ? AND year = ? AND is_current",
          arguments: arguments) ?? 0
      let messages = try Row.fetchAll(
        db,
        sql: """
          SELECT d.code, d.severity, count(*) FROM diagnostic d JOIN submission_file f ON f.id = d.file_id
          WHERE f.survey = ? AND f.year = ? AND d.severity IN ('error', 'warning')
          GROUP BY d.code, d.severity ORDER BY count(*) DESC, d.code, d.severity
          """, arguments: arguments
      ).map { (code: $0[0] as String, severity: $0[1] as String, count: $0[2] as Int) }
      let inputs = try Row.fetchAll(
        db,
        sql: """
          SELECT name, sha256 FROM submission_file WHERE id IN
            (SELECT file_id FROM report WHERE survey = ? AND year = ? AND is_current)
          ORDER BY name, sha256
          """, arguments: arguments
      ).map { (name: $0[0] as String, sha256: $0[1] as String) }
      return CampaignQuality(
        filesByVerdict: verdicts, currentReports: current, messages: messages, inputs: inputs)
    }
  }
}
