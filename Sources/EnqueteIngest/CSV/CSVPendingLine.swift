/// A data row's text as the tokenizer is about to read it, for a filter that takes plain rows
/// whole (`CSVRowFilter.accepts(line:encoding:)`) without their being tokenized first.
///
/// The row starts at `text[start]`; its line break, if the filter is to take it, lies before
/// `end` (the buffer's end, or sooner so that a row taken whole cannot break the tokenizer's
/// limits on field and line lengths).
public struct CSVPendingLine {
  /// The buffer the row lies in.
  public let text: UnsafePointer<UInt8>
  /// Offset of the row's first byte.
  public let start: Int
  /// Offset the row's line break must come before.
  public let end: Int
  /// 1-based line where the row starts.
  public let line: Int
  /// The field separator.
  public let delimiter: UInt8

  /// A pending row.
  public init(text: UnsafePointer<UInt8>, start: Int, end: Int, line: Int, delimiter: UInt8) {
    self.text = text
    self.start = start
    self.end = end
    self.line = line
    self.delimiter = delimiter
  }
}

extension CSVRowFilter {
  /// Takes no row whole: every row is tokenized and handed to `accepts(_:decoder:)`.
  public func accepts(line: CSVPendingLine, encoding: TextEncoding?) -> Int? { nil }
}
