import EnqueteCore
import Foundation
import GRDB

extension Ledger {
  /// Opens the campaign of `survey` and `year` with its directory of expected respondents (whose
  /// original bytes are kept too).
  ///
  /// - Throws: `LedgerError.campaignExists` when it was already opened (closed or not).
  public func openCampaign(
    survey: SurveyID, year: Int, directory: [ExpectedRespondent], directoryName: String,
    directoryBytes: [UInt8], at date: Date
  ) throws {
    try database.write { db in
      if try Self.campaign(db, survey: survey.rawValue, year: year) != nil {
        throw LedgerError.campaignExists(survey: survey.rawValue, year: year)
      }
      var campaign = CampaignRecord(
        survey: survey.rawValue, year: year, openedAt: date, directoryName: directoryName,
        directorySha256: SHA256.hex(directoryBytes), directoryBytes: Data(directoryBytes))
      try campaign.insert(db)
      for respondent in directory {
        try ExpectedRespondentRecord(
          campaignID: campaign.id!, siret: respondent.siret, name: respondent.name,
          departementCode: respondent.departementCode
        ).insert(db)
      }
    }
    logger.info(
      "campaign opened",
      metadata: ["survey": "\(survey.rawValue)", "year": "\(year)", "expected": "\(directory.count)"])
  }

  /// Closes an open campaign: no file enters it any more.
  public func closeCampaign(survey: SurveyID, year: Int, at date: Date) throws {
    try database.write { db in
      guard var campaign = try Self.campaign(db, survey: survey.rawValue, year: year) else {
        throw LedgerError.campaignNotFound(survey: survey.rawValue, year: year)
      }
      guard campaign.closedAt == nil else {
        throw LedgerError.campaignClosed(survey: survey.rawValue, year: year)
      }
      campaign.closedAt = date
      try campaign.update(db)
    }
    logger.info("campaign closed", metadata: ["survey": "\(survey.rawValue)", "year": "\(year)"])
  }

  /// Every campaign, by survey then year.
  public func campaigns() throws -> [CampaignSummary] {
    try database.read { db in
      let rows = try Row.fetchAll(
        db,
        sql: """
          SELECT c.survey, c.year, c.opened_at, c.closed_at, c.directory_name,
            (SELECT count(*) FROM expected_respondent e WHERE e.campaign_id = c.id) AS expected,
            (SELECT count(*) FROM expected_respondent e JOIN report r
               ON r.survey = c.survey AND r.year = c.year AND r.siret = e.siret AND r.is_current
             WHERE e.campaign_id = c.id) AS respondents
          FROM campaign c ORDER BY c.survey, c.year
          """)
      return rows.map {
        CampaignSummary(
          survey: $0["survey"], year: $0["year"], openedAt: $0["opened_at"], closedAt: $0["closed_at"],
          directoryName: $0["directory_name"], expectedCount: $0["expected"],
          respondentCount: $0["respondents"])
      }
    }
  }

  /// Those of `sirets` that the campaign's directory does not list; nil when there is no such
  /// campaign.
  ///
  /// - Complexity: one primary-key probe per SIRET, in one read.
  public func unexpected(sirets: [String], survey: String, year: Int) throws -> Set<String>? {
    try database.read { db in
      guard let campaign = try Self.campaignState(db, survey: survey, year: year) else { return nil }
      let probe = try db.cachedStatement(
        sql: "SELECT 1 FROM expected_respondent WHERE campaign_id = ? AND siret = ?")
      var unexpected = Set<String>()
      for siret in sirets where try Int.fetchOne(probe, arguments: [campaign.id, siret]) == nil {
        unexpected.insert(siret)
      }
      return unexpected
    }
  }

  /// The directory of a campaign, by SIRET.
  public func expectedRespondents(survey: String, year: Int) throws -> [ExpectedRespondent] {
    try database.read { db in try Self.expectedRespondents(db, survey: survey, year: year) }
  }

  static func expectedRespondents(_ db: Database, survey: String, year: Int) throws -> [ExpectedRespondent] {
    guard let campaign = try campaign(db, survey: survey, year: year) else { return [] }
    return
      try ExpectedRespondentRecord
      .filter(ExpectedRespondentRecord.Columns.campaignID == campaign.id!)
      .order(ExpectedRespondentRecord.Columns.siret)
      .fetchAll(db)
      .map { ExpectedRespondent(siret: $0.siret, name: $0.name, departementCode: $0.departementCode) }
  }

  static func campaign(_ db: Database, survey: String, year: Int) throws -> CampaignRecord? {
    try CampaignRecord
      .filter(CampaignRecord.Columns.survey == survey && CampaignRecord.Columns.year == year)
      .fetchOne(db)
  }

  /// A campaign's id and closing date, without reading its directory's bytes (what every file's
  /// ingestion asks).
  static func campaignState(_ db: Database, survey: String, year: Int) throws -> (id: Int64, closedAt: Date?)?
  {
    try Row.fetchOne(
      db.cachedStatement(sql: "SELECT id, closed_at FROM campaign WHERE survey = ? AND year = ?"),
      arguments: [survey, year]
    ).map { ($0["id"], $0["closed_at"]) }
  }

  /// Throws unless the campaign exists and is open.
  static func requireOpen(_ db: Database, survey: String, year: Int) throws {
    guard let campaign = try campaignState(db, survey: survey, year: year) else {
      throw LedgerError.campaignNotOpen(survey: survey, year: year)
    }
    if campaign.closedAt != nil { throw LedgerError.campaignClosed(survey: survey, year: year) }
  }
}
