import EnqueteCore
import GRDB

extension Ledger {
  /// The response rates of a campaign and the services to remind.
  ///
  /// - Throws: `LedgerError.campaignNotFound` when there is no such campaign.
  /// - Complexity: two indexed scans of the campaign's directory and reports.
  public func status(survey: SurveyID, year: Int) throws -> CampaignStatus {
    try database.read { db in
      guard let campaign = try Self.campaign(db, survey: survey.rawValue, year: year) else {
        throw LedgerError.campaignNotFound(survey: survey.rawValue, year: year)
      }
      let directory = try Self.expectedRespondents(db, survey: survey.rawValue, year: year)
      // Every report of the campaign in order of reception: per SIRET, the last file holding
      // one of its reports wins, accepted when one of its reports there was.
      var current = Set<String>()
      var lastFile: [String: (file: Int64, accepted: Bool)] = [:]
      let rows = try Row.fetchCursor(
        db,
        sql: """
          SELECT siret, accepted, is_current, file_id FROM report
          WHERE survey = ? AND year = ? AND siret IS NOT NULL ORDER BY id
          """, arguments: [survey.rawValue, year])
      while let row = try rows.next() {
        let siret: String = row[0]
        let (accepted, file): (Bool, Int64) = (row[1], row[3])
        if let last = lastFile[siret], last.file == file {
          lastFile[siret] = (file, last.accepted || accepted)
        } else {
          lastFile[siret] = (file, accepted)
        }
        if row[2] as Bool { current.insert(siret) }
      }
      let lastAccepted = lastFile.mapValues(\.accepted)
      let fileCount =
        try Int.fetchOne(
          db, sql: "SELECT count(*) FROM submission_file WHERE survey = ? AND year = ?",
          arguments: [survey.rawValue, year]) ?? 0
      return Self.status(
        campaign: campaign, survey: survey, directory: directory, current: current,
        lastAccepted: lastAccepted, fileCount: fileCount)
    }
  }

  static func status(
    campaign: CampaignRecord, survey: SurveyID, directory: [ExpectedRespondent], current: Set<String>,
    lastAccepted: [String: Bool], fileCount: Int
  ) -> CampaignStatus {
    let geography = Geography.reference
    var byDepartement: [String: (Int, Int)] = [:]
    var reminders: [Reminder] = []
    for service in directory {
      let answered = current.contains(service.siret)
      byDepartement[service.departementCode, default: (0, 0)].0 += 1
      if answered { byDepartement[service.departementCode, default: (0, 0)].1 += 1 }
      let reason: Reminder.Reason? =
        switch lastAccepted[service.siret] {
        case nil: .noAnswer
        case false?: .lastFileRefused
        case true?: nil
        }
      if let reason {
        reminders.append(
          Reminder(
            siret: service.siret, name: service.name, departementCode: service.departementCode,
            reason: reason,
            isRespondent: answered))
      }
    }
    func rates(_ units: [(code: String, name: String, departements: [String])]) -> [ResponseRate] {
      units.compactMap { unit in
        let counts = unit.departements.compactMap { byDepartement[$0] }
        let expected = counts.map(\.0).reduce(0, +)
        guard expected > 0 else { return nil }
        return ResponseRate(
          code: unit.code, name: unit.name, expected: expected, respondents: counts.map(\.1).reduce(0, +))
      }
    }
    let expectedSirets = Set(directory.map(\.siret))
    let departementOrder = Dictionary(
      uniqueKeysWithValues: geography.departements.enumerated().map { ($1.code, $0) })
    return CampaignStatus(
      survey: survey.rawValue, year: campaign.year, openedAt: campaign.openedAt, closedAt: campaign.closedAt,
      national: ResponseRate(
        code: "", name: "France", expected: directory.count,
        respondents: directory.count { current.contains($0.siret) }),
      byRegion: rates(
        geography.regions.map { region in
          (region.code, region.name, geography.departements(inRegion: region.code).map(\.code))
        }),
      byDepartement: rates(geography.departements.map { ($0.code, $0.name, [$0.code]) }),
      byCourAppel: survey == .espaceRencontre
        ? rates(
          geography.coursAppel.map { cour in
            (cour.code, cour.name, geography.departements(inCourAppel: cour.code).map(\.code))
          }) : [],
      reminders: reminders.sorted {
        (departementOrder[$0.departementCode] ?? .max, $0.siret)
          < (departementOrder[$1.departementCode] ?? .max, $1.siret)
      },
      unexpectedSirets: current.subtracting(expectedSirets).sorted(),
      fileCount: fileCount)
  }
}
