import EnqueteCore
import Foundation
import GRDB

extension Ledger {
  /// The figures of every current accepted report of a campaign, in SIRET order: what the
  /// aggregation stage reads. The per-measure detail is reduced to the dates waiting times need.
  ///
  /// - Throws: `LedgerError.campaignNotFound` when there is no such campaign.
  /// - Complexity: one indexed scan of the campaign's current reports and their values.
  public func currentReports(survey: SurveyID, year: Int) throws -> [ReportFigures] {
    try database.read { db in
      guard try Self.campaign(db, survey: survey.rawValue, year: year) != nil else {
        throw LedgerError.campaignNotFound(survey: survey.rawValue, year: year)
      }
      let nameVariable = survey == .espaceRencontre ? "nom_er" : "nom_service"
      var reports: [Int64: ReportFigures] = [:]
      var order: [Int64] = []
      let rows = try Row.fetchCursor(
        db,
        sql: """
          SELECT r.id, r.siret, r.departement_code, v.variable, v.number, v.text
          FROM report r JOIN report_value v ON v.report_id = r.id
          WHERE r.survey = ? AND r.year = ? AND r.is_current
          ORDER BY r.siret, v.variable
          """, arguments: [survey.rawValue, year])
      while let row = try rows.next() {
        let id: Int64 = row[0]
        if reports[id] == nil {
          order.append(id)
          reports[id] = ReportFigures(siret: row[1], name: "", departementCode: row[2] ?? "", numbers: [:])
        }
        let variable: String = row[3]
        if let number: Double = row[4] {
          reports[id]!.numbers[variable] = number
        } else if variable == nameVariable, let text: String = row[5] {
          reports[id]!.name = text
        }
      }
      let details = try Row.fetchCursor(
        db,
        sql: """
          SELECT d.report_id, d.measures FROM report_detail d JOIN report r ON r.id = d.report_id
          WHERE r.survey = ? AND r.year = ? AND r.is_current
          """, arguments: [survey.rawValue, year])
      while let row = try details.next() {
        let id: Int64 = row[0]
        let json: String = row[1]
        reports[id]?.measures = Self.measureDates(json)
      }
      return order.map { reports[$0]! }
    }
  }

  /// The waiting-time dates of a stored detail (a JSON array of objects with ISO dates).
  static func measureDates(_ json: String) -> [MeasureDates] {
    guard let rows = try? JSONSerialization.jsonObject(with: Data(json.utf8)) as? [[String: Any]] else {
      return []
    }
    func date(_ row: [String: Any], _ key: String) -> CivilDate? {
      (row[key] as? String).flatMap { CivilDate(parsing: $0) }
    }
    return rows.map {
      MeasureDates(
        reception: date($0, "date_reception"), firstVisit: date($0, "date_premier_rdv"),
        end: date($0, "date_fin"))
    }
  }
}
