import EnqueteCore
import GRDB

/// Writes one file's reports inside the storing transaction, through prepared statements (a
/// campaign at scale is millions of value rows): the report row, its versioning, its values, its
/// detail as one JSON array, and its diagnostics.
struct ReportWriter {
  let db: Database
  let fileID: Int64
  private let insertReport: Statement
  private let insertValue: Statement
  private let insertDetail: Statement
  private let insertDiagnostic: Statement
  private let findCurrent: Statement
  private let retire: Statement
  private let link: Statement

  init(db: Database, fileID: Int64) throws {
    self.db = db
    self.fileID = fileID
    insertReport = try db.cachedStatement(
      sql: """
        INSERT INTO report (file_id, line, survey, year, siret, departement_code, region_code,
          cour_appel_code, accepted, version, is_current) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
        """)
    insertValue = try db.cachedStatement(
      sql: "INSERT INTO report_value (report_id, variable, number, text) VALUES (?, ?, ?, ?)")
    insertDetail = try db.cachedStatement(
      sql: "INSERT INTO report_detail (report_id, measure_count, measures) VALUES (?, ?, ?)")
    insertDiagnostic = try db.cachedStatement(
      sql: """
        INSERT INTO diagnostic (file_id, report_id, severity, code, message, location_file, line, "column",
          report, variable, rule) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
        """)
    findCurrent = try db.cachedStatement(
      sql: "SELECT id, version FROM report WHERE survey = ? AND year = ? AND siret = ? AND is_current")
    retire = try db.cachedStatement(sql: "UPDATE report SET is_current = 0 WHERE id = ?")
    link = try db.cachedStatement(sql: "UPDATE report SET superseded_by = ? WHERE id = ?")
  }

  /// Writes a report; returns whether it superseded a current one.
  func insert(_ report: ValidatedReport, survey: String?, year: Int?, accepted: Bool) throws -> Bool {
    var departement: Departement?
    if case .string(let code)? = report.values["departement_code"] {
      departement = Geography.reference.departement(code: code)
    }
    var version: Int?
    var previous: Int64?
    // Only a report whose campaign key is complete can be versioned (an accepted one always is).
    let versioned = accepted && survey != nil && year != nil && report.siret != nil
    if versioned {
      let row = try Row.fetchOne(findCurrent, arguments: [survey, year, report.siret])
      previous = row?["id"]
      version = (row?["version"] as Int? ?? 0) + 1
      if let previous { try retire.execute(arguments: [previous]) }
    }
    try insertReport.execute(arguments: [
      fileID, report.line, survey, year, report.siret, departement?.code, departement?.regionCode,
      departement?.courAppelCode, versioned, version, versioned,
    ])
    let reportID = db.lastInsertedRowID
    if let previous { try link.execute(arguments: [reportID, previous]) }
    for (variable, value) in report.values.sorted(by: { $0.key < $1.key }) {
      let (number, text) = Self.columns(value)
      try insertValue.execute(arguments: [reportID, variable, number, text])
    }
    if !report.detail.isEmpty {
      try insertDetail.execute(arguments: [reportID, report.detail.count, ValueJSON.array(report.detail)])
    }
    for diagnostic in report.diagnostics { try insert(diagnostic, reportID: reportID) }
    return previous != nil
  }

  func insert(_ diagnostic: Diagnostic, reportID: Int64?) throws {
    try insertDiagnostic.execute(arguments: [
      fileID, reportID, diagnostic.severity.rawValue, diagnostic.code, diagnostic.message,
      diagnostic.location.file, diagnostic.location.line, diagnostic.location.column, diagnostic.report,
      diagnostic.variable, diagnostic.rule,
    ])
  }

  /// How a value is kept: numbers (and booleans as 1/0) in `number`, text and ISO dates in `text`.
  static func columns(_ value: Value) -> (Double?, String?) {
    switch value {
    case .integer(let integer): (Double(integer), nil)
    case .number(let number): (number, nil)
    case .boolean(let flag): (flag ? 1 : 0, nil)
    case .string(let text): (nil, text)
    case .date(let date): (nil, date.iso)
    }
  }
}
