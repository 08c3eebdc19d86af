import EnqueteCore
import Foundation
import GRDB

extension Ledger {
  /// The figures of every current accepted report of a campaign, in SIRET order: what the
  /// aggregation stage reads. The per-measure detail is reduced to the dates waiting times need.
  ///
  /// - Throws: `LedgerError.campaignNotFound` when there is no such campaign.
  /// - Complexity: one indexed scan of the campaign's current reports, each report's values
  ///   read from its JSON object by SQLite (the view `report_value`, flattened into the query).
  public func currentReports(survey: SurveyID, year: Int) throws -> [ReportFigures] {
    try database.read { db in
      guard try Self.campaign(db, survey: survey.rawValue, year: year) != nil else {
        throw LedgerError.campaignNotFound(survey: survey.rawValue, year: year)
      }
      return try Self.figures(
        db, survey: survey, where: "r.survey = ? AND r.year = ? AND r.is_current",
        arguments: [survey.rawValue, year])
    }
  }

  /// The ledger ids of a campaign's current accepted reports, in increasing order (what
  /// ``recordPublication(survey:year:at:planVersion:toolVersion:cells:)`` records).
  public func currentReportIDs(survey: SurveyID, year: Int) throws -> [Int64] {
    try database.read { db in
      try Int64.fetchAll(
        db, sql: "SELECT id FROM report WHERE survey = ? AND year = ? AND is_current ORDER BY id",
        arguments: [survey.rawValue, year])
    }
  }

  /// The figures of the reports with these ledger ids (current or not: a publication's reports
  /// stay readable after a correction replaced them), in SIRET order, read as
  /// ``currentReports(survey:year:)`` reads them.
  public func reports(survey: SurveyID, ids: [Int64]) throws -> [ReportFigures] {
    guard !ids.isEmpty else { return [] }
    return try database.read { db in
      try Self.figures(
        db, survey: survey, where: "r.id IN (SELECT value FROM json_each(?))",
        arguments: ["[" + ids.map(String.init).joined(separator: ",") + "]"])
    }
  }

  /// The figures of the reports `condition` selects (a condition on `report r`).
  private static func figures(
    _ db: Database, survey: SurveyID, where condition: String, arguments: StatementArguments
  ) throws -> [ReportFigures] {
    let nameVariable = survey == .espaceRencontre ? "nom_er" : "nom_service"
    var reports: [Int64: ReportFigures] = [:]
    var order: [Int64] = []
    let rows = try Row.fetchCursor(
      db,
      sql: """
        SELECT r.id, r.siret, r.departement_code, v.variable, v.number, v.text
        FROM report r JOIN report_value v ON v.report_id = r.id
        WHERE \(condition)
        ORDER BY r.siret, r.id
        """, arguments: arguments)
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
    // Each report's detail is one JSON table, read here in one pass for its three dates
    // (SQLite 3.40 would parse a measure's JSON again for each value taken from it). The
    // order of a report's measures does not matter: waits are counted and sorted.
    let details = try Row.fetchCursor(
      db,
      sql: """
        SELECT d.report_id, d.measures
        FROM report_detail d JOIN report r ON r.id = d.report_id
        WHERE \(condition)
        """, arguments: arguments)
    while let row = try details.next() {
      let id: Int64 = row[0]
      guard reports[id] != nil else { continue }
      var measures: [MeasureDates] = []
      let readable = ValueJSONTableReader.forEachRow(
        in: row[1], columns: ["date_reception", "date_premier_rdv", "date_fin"]
      ) { dates in
        measures.append(
          MeasureDates(
            reception: Self.isoDate(dates[0]), firstVisit: Self.isoDate(dates[1]),
            end: Self.isoDate(dates[2])))
      }
      guard readable else {
        throw DatabaseError(
          resultCode: .SQLITE_CORRUPT, message: "report \(id): its detail is not a JSON table")
      }
      reports[id]!.measures += measures
    }
    return order.map { reports[$0]! }
  }

  /// A date as the ledger stores it (`YYYY-MM-DD`), read without Foundation; nil otherwise.
  static func isoDate(_ text: String?) -> CivilDate? {
    guard var text else { return nil }
    return text.withUTF8 { bytes -> CivilDate? in
      guard bytes.count == 10, bytes[4] == UInt8(ascii: "-"), bytes[7] == UInt8(ascii: "-") else {
        return nil
      }
      func number(_ range: Range<Int>) -> Int? {
        var value = 0
        for index in range {
          let digit = Int(bytes[index]) - 48
          guard (0...9).contains(digit) else { return nil }
          value = value * 10 + digit
        }
        return value
      }
      guard let year = number(0..<4), let month = number(5..<7), let day = number(8..<10) else { return nil }
      return CivilDate(year: year, month: month, day: day)
    }
  }
}

/// A publication recorded in the ledger: when, with which plan and tool, from which reports, and
/// the long CSV it published.
public struct StoredPublication: Sendable, Hashable {
  /// Its number in the ledger.
  public var id: Int64
  /// When it was published.
  public var publishedAt: Date
  /// The publication plan's version.
  public var planVersion: String
  /// The long CSV (`tableaux.csv`) as published.
  public var cells: [UInt8]
  /// The ledger ids of the reports it was made from, in increasing order.
  public var reportIDs: [Int64] = []
}

extension Ledger {
  /// Records a publication of a campaign: the plan and tool versions, the current reports it was
  /// made from (their ledger ids), and the long CSV published. Returns its number.
  public func recordPublication(
    survey: SurveyID, year: Int, at date: Date, planVersion: String, toolVersion: String, cells: [UInt8]
  ) throws -> Int64 {
    try database.write { db in
      let ids = try Int64.fetchAll(
        db, sql: "SELECT id FROM report WHERE survey = ? AND year = ? AND is_current ORDER BY id",
        arguments: [survey.rawValue, year])
      try db.execute(
        sql: """
          INSERT INTO publication (survey, year, published_at, plan_version, tool_version, report_ids,
            cells_sha256, cells) VALUES (?, ?, ?, ?, ?, ?, ?, ?)
          """,
        arguments: [
          survey.rawValue, year, date, planVersion, toolVersion,
          "[" + ids.map(String.init).joined(separator: ",") + "]", SHA256.hex(cells), Data(cells),
        ])
      return db.lastInsertedRowID
    }
  }

  /// The latest publication recorded for a campaign, if any.
  public func lastPublication(survey: SurveyID, year: Int) throws -> StoredPublication? {
    try publication(survey: survey, year: year, before: nil)
  }

  /// The latest publication of a campaign recorded before the publication number `id` (`nil`:
  /// the latest of all), if any: the one a publication replaced.
  public func publication(survey: SurveyID, year: Int, before id: Int64?) throws -> StoredPublication? {
    try database.read { db in
      try Row.fetchOne(
        db,
        sql: """
          SELECT id, published_at, plan_version, cells, report_ids FROM publication
          WHERE survey = ? AND year = ? AND id < ? ORDER BY id DESC LIMIT 1
          """, arguments: [survey.rawValue, year, id ?? Int64.max]
      ).map { row in
        let id: Int64 = row[0]
        // The ids the publication was made from: a new publication is protected with them, so a
        // list that does not read is corruption, never "no report".
        guard let text: String = row[4],
          let ids = try? JSONDecoder().decode([Int64].self, from: Data(text.utf8))
        else {
          throw DatabaseError(
            resultCode: .SQLITE_CORRUPT, message: "publication \(id): its report ids are not a JSON array")
        }
        return StoredPublication(
          id: id, publishedAt: row[1], planVersion: row[2], cells: [UInt8]((row[3] as Data)), reportIDs: ids)
      }
    }
  }
}
