/// Data rows as the tokenizer is about to read them, for a filter that takes plain rows whole
/// (`CSVRowFilter.accepts(lines:encoding:)`) without their being tokenized first: as many in a
/// row as it can, in one call.
///
/// The first row starts at `text[start]`; the text held ends at `count`. A row taken whole ends
/// with its line break within `reach` bytes of its start (so that it cannot break the
/// tokenizer's limits on field and line lengths) and before `count`.
public struct CSVPendingLines {
  /// The buffer the rows lie in.
  public let text: UnsafePointer<UInt8>
  /// Offset of the first row's first byte.
  public let start: Int
  /// Offset of the end of the text held.
  public let count: Int
  /// Longest a row taken whole may be, its line break included.
  public let reach: Int
  /// 1-based line where the first row starts.
  public let line: Int
  /// The field separator.
  public let delimiter: UInt8

  /// Pending rows.
  public init(text: UnsafePointer<UInt8>, start: Int, count: Int, reach: Int, line: Int, delimiter: UInt8) {
    self.text = text
    self.start = start
    self.count = count
    self.reach = reach
    self.line = line
    self.delimiter = delimiter
  }
}

/// The rows a filter took whole, one physical line each, from the start of `CSVPendingLines`.
public struct CSVLinesTaken: Sendable, Hashable {
  /// Offset just past the last row taken (the start when none was).
  public let end: Int
  /// Rows taken.
  public let rows: Int

  /// What was taken.
  public init(end: Int, rows: Int) {
    self.end = end
    self.rows = rows
  }

  /// Nothing taken from `lines`.
  public static func none(_ lines: CSVPendingLines) -> CSVLinesTaken {
    CSVLinesTaken(end: lines.start, rows: 0)
  }
}

extension CSVRowFilter {
  /// Takes no row whole: every row is tokenized and handed to `accepts(_:decoder:)`.
  public func accepts(lines: CSVPendingLines, encoding: TextEncoding?) -> CSVLinesTaken { .none(lines) }
}
