import EnqueteCore

/// One row of a CSV, as bytes: fields are undecoded and unquoted (`""` made `"`), in order.
///
/// A row is a view into the reader's buffer, handed to a callback: it is valid only during that
/// call (copy out what you keep).
public struct CSVRow: CSVFields {
  private let base: UnsafePointer<UInt8>
  private let starts: UnsafePointer<Int>
  private let ends: UnsafePointer<Int>
  private let columnList: UnsafePointer<Int>
  private let quotedList: UnsafePointer<Bool>
  /// Number of fields.
  public let count: Int
  /// 1-based line where the row starts.
  public let line: Int

  init(
    base: UnsafePointer<UInt8>, starts: UnsafePointer<Int>, ends: UnsafePointer<Int>,
    columnList: UnsafePointer<Int>, quotedList: UnsafePointer<Bool>, count: Int, line: Int
  ) {
    self.base = base
    self.starts = starts
    self.ends = ends
    self.columnList = columnList
    self.quotedList = quotedList
    self.count = count
    self.line = line
  }

  /// The bytes of field `index`.
  public subscript(index: Int) -> UnsafeBufferPointer<UInt8> {
    UnsafeBufferPointer(start: base + starts[index], count: ends[index] - starts[index])
  }

  /// Field `index` decoded as UTF-8 (for tests and headers; the validator decodes per encoding).
  public func string(_ index: Int) -> String { String(decoding: self[index], as: UTF8.self) }

  /// 1-based byte column where field `index` starts on its line (its opening quote, if quoted).
  public func column(_ index: Int) -> Int { columnList[index] }

  /// The column of every field.
  public var columns: [Int] { Array(UnsafeBufferPointer(start: columnList, count: count)) }

  /// Whether field `index` was quoted in the file.
  public func isQuoted(_ index: Int) -> Bool { quotedList[index] }

  /// Calls `body` with the bytes of field `index`.
  public func withField<T>(_ index: Int, _ body: (UnsafeBufferPointer<UInt8>) -> T) -> T { body(self[index]) }

  /// Calls `body` once with the text the fields lie in and the start and end offset of each field.
  public func withAllFields<T>(
    _ body: (UnsafePointer<UInt8>, UnsafeBufferPointer<Int>, UnsafeBufferPointer<Int>) -> T
  ) -> T {
    body(
      base, UnsafeBufferPointer(start: starts, count: count), UnsafeBufferPointer(start: ends, count: count))
  }

  /// Whether the row is one empty unquoted field: a blank line.
  public var isBlank: Bool { count == 1 && ends[0] == starts[0] && !quotedList[0] }
}
