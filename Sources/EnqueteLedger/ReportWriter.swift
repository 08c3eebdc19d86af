import EnqueteCore
import GRDB

// Internal: SQLite's C calls are an implementation detail of this file, not of the module's
// interface (clients need not see GRDB's SQLite module).
#if canImport(GRDBSQLite)
  internal import GRDBSQLite
#else
  internal import SQLite3
#endif

/// Writes one file's reports inside the storing transaction, through prepared statements (a
/// campaign at scale is tens of thousands of reports and millions of values): the report row, its
/// versioning, its values as one JSON object, its detail as one JSON table, and its diagnostics.
struct ReportWriter {
  let db: Database
  let fileID: Int64
  private let insertReport: Statement
  private let insertFigures: Statement
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
    insertFigures = try db.cachedStatement(
      sql: "INSERT INTO report_figures (report_id, figures) VALUES (?, ?)")
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
    try insertFigures(reportID: reportID, json: ValueJSON.object(report.values))
    if let json = report.detailJSON {
      try insertDetail.execute(arguments: [reportID, report.detailCount, json])
    }
    for diagnostic in report.diagnostics { try insert(diagnostic, reportID: reportID) }
    return previous != nil
  }

  /// Inserts a report's values, bound through SQLite's own calls (no `String` made of the JSON).
  /// (The statement is used only here, always with its two parameters bound.)
  private func insertFigures(reportID: Int64, json: [UInt8]) throws {
    let statement = insertFigures.sqliteStatement
    sqlite3_bind_int64(statement, 1, reportID)
    json.withUnsafeBufferPointer { bytes in
      bytes.withMemoryRebound(to: CChar.self) { characters in
        _ = sqlite3_bind_text(statement, 2, characters.baseAddress, Int32(characters.count), Self.transient)
      }
    }
    let code = sqlite3_step(statement)
    guard code == SQLITE_DONE else {
      let message = String(cString: sqlite3_errmsg(db.sqliteConnection))
      sqlite3_reset(statement)
      throw DatabaseError(resultCode: ResultCode(rawValue: code), message: message, sql: insertFigures.sql)
    }
    sqlite3_reset(statement)
  }

  /// SQLite copies the bytes bound (`SQLITE_TRANSIENT`).
  private static let transient = unsafeBitCast(-1, to: sqlite3_destructor_type.self)

  func insert(_ diagnostic: Diagnostic, reportID: Int64?) throws {
    try insertDiagnostic.execute(arguments: [
      fileID, reportID, diagnostic.severity.rawValue, diagnostic.code, diagnostic.message,
      diagnostic.location.file, diagnostic.location.line, diagnostic.location.column, diagnostic.report,
      diagnostic.variable, diagnostic.rule,
    ])
  }
}
