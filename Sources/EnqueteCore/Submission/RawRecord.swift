/// A value as the file wrote it, before typing, with where it was.
public struct RawValue: Sendable, Hashable {
  /// The text (decoded, unquoted, not trimmed).
  public var text: String
  /// 1-based line.
  public var line: Int
  /// 1-based column, when the format gives one (CSV).
  public var column: Int?

  /// A raw value.
  public init(text: String, line: Int, column: Int? = nil) {
    self.text = text
    self.line = line
    self.column = column
  }
}

/// One row of a table as read: a report, or a per-measure row.
public struct RawRecord: Sendable, Hashable {
  /// 1-based line where it starts.
  public var line: Int
  /// Values by canonical variable name; a variable the file left out or empty is absent.
  public var values: [String: RawValue]

  /// A record starting at `line`.
  public init(line: Int, values: [String: RawValue] = [:]) {
    self.line = line
    self.values = values
  }
}

/// A report as the ingestion stage hands it to validation: its values, its per-measure detail,
/// and the problems reading found inside it (XSD violations, a row with too many fields…).
public struct RawReport: Sendable {
  /// The report's own values.
  public var record: RawRecord
  /// Its per-measure detail rows, if it came with some.
  public var detail: [RawRecord]
  /// Last line of the report in its file.
  public var endLine: Int
  /// Problems found while reading it; an error among them rejects the report.
  public var diagnostics: [Diagnostic]

  /// A report.
  public init(record: RawRecord, detail: [RawRecord] = [], endLine: Int, diagnostics: [Diagnostic] = []) {
    self.record = record
    self.detail = detail
    self.endLine = endLine
    self.diagnostics = diagnostics
  }

  /// The SIRET as written, to name the report in messages.
  public var siret: String? { record.values["siret"]?.text }
}

/// The formats submissions come in.
public enum SubmissionFormat: String, Sendable, Hashable, Codable {
  /// XML against the survey's XSD.
  case xml
  /// CSV against the survey's Table Schema.
  case csv
}
