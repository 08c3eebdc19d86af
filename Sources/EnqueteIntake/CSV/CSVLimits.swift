/// Bounds that keep a hostile or broken CSV from exhausting memory or time.
public struct CSVLimits: Sendable, Hashable {
  /// Largest field, in bytes (a quoted field left open would otherwise swallow the file).
  public var maximumFieldBytes: Int
  /// Most fields in one row.
  public var maximumFieldsPerRow: Int
  /// Longest physical line outside quoted fields, in bytes.
  public var maximumLineBytes: Int

  /// A set of limits.
  public init(maximumFieldBytes: Int, maximumFieldsPerRow: Int, maximumLineBytes: Int) {
    self.maximumFieldBytes = maximumFieldBytes
    self.maximumFieldsPerRow = maximumFieldsPerRow
    self.maximumLineBytes = maximumLineBytes
  }

  /// Generous for any real report (a report has about 60 fields of a few bytes).
  public static let standard = CSVLimits(
    maximumFieldBytes: 64 * 1024, maximumFieldsPerRow: 1024, maximumLineBytes: 1024 * 1024)
}

/// Why a CSV cannot be read on: the file is then refused as a whole.
public struct CSVSyntaxError: Error, Hashable, Sendable {
  /// What went wrong.
  public enum Kind: String, Sendable, Hashable {
    /// A quoted field is still open at the end of the file.
    case unterminatedQuote = "csv.unterminated-quote"
    /// A field is longer than the limit.
    case fieldTooLong = "csv.field-too-long"
    /// A row has more fields than the limit.
    case tooManyFields = "csv.too-many-fields"
    /// A line is longer than the limit.
    case lineTooLong = "csv.line-too-long"
  }

  /// What went wrong; its raw value is the diagnostic code.
  public let kind: Kind
  /// 1-based line where the problem starts (the opening quote, the long field…).
  public let line: Int
  /// 1-based byte column on that line.
  public let column: Int

  /// An error of `kind` at a place.
  public init(kind: Kind, line: Int, column: Int) {
    self.kind = kind
    self.line = line
    self.column = column
  }
}
