import EnqueteCore
import GRDB

/// A diagnostic as kept, attached to its file and, when it concerns one, to its report.
public struct DiagnosticRecord: Codable, Sendable, Hashable, FetchableRecord, MutablePersistableRecord {
  /// Table `diagnostic`.
  public static let databaseTableName = "diagnostic"

  /// The columns.
  public enum Columns {
    /// The file.
    public static let fileID = Column(CodingKeys.fileID)
    /// The report, nil for the file's own diagnostics.
    public static let reportID = Column(CodingKeys.reportID)
    /// `note`, `warning` or `error`.
    public static let severity = Column(CodingKeys.severity)
    /// The stable code.
    public static let code = Column(CodingKeys.code)
  }

  /// Row id (nil before insertion).
  public var id: Int64?
  /// The `submission_file`.
  public var fileID: Int64
  /// The `report`, nil for a diagnostic on the file as a whole.
  public var reportID: Int64?
  /// `note`, `warning` or `error`.
  public var severity: String
  /// The stable code.
  public var code: String
  /// The French message.
  public var message: String
  /// The file the location names (the report file or its companion).
  public var locationFile: String
  /// 1-based line.
  public var line: Int?
  /// 1-based column.
  public var column: Int?
  /// The report's SIRET as written.
  public var report: String?
  /// The variable.
  public var variable: String?
  /// The rule.
  public var rule: String?

  enum CodingKeys: String, CodingKey {
    case id, severity, code, message, line, column, report, variable, rule
    case fileID = "file_id"
    case reportID = "report_id"
    case locationFile = "location_file"
  }

  /// The record of `diagnostic` found in file `fileID` (and report `reportID`).
  public init(_ diagnostic: Diagnostic, fileID: Int64, reportID: Int64?) {
    self.fileID = fileID
    self.reportID = reportID
    severity = diagnostic.severity.rawValue
    code = diagnostic.code
    message = diagnostic.message
    locationFile = diagnostic.location.file
    line = diagnostic.location.line
    column = diagnostic.location.column
    report = diagnostic.report
    variable = diagnostic.variable
    rule = diagnostic.rule
  }

  /// The diagnostic back.
  public var diagnostic: Diagnostic {
    Diagnostic(
      Diagnostic.Severity(rawValue: severity) ?? .error, code: code, message: message,
      location: SourceLocation(file: locationFile, line: line, column: column), report: report,
      variable: variable, rule: rule)
  }

  /// Keeps the id SQLite gave.
  public mutating func didInsert(_ inserted: InsertionSuccess) { id = inserted.rowID }
}
