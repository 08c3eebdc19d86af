import EnqueteCore

/// One row of a CSV, as bytes: fields are undecoded, unquoted (`""` made `"`), in order.
///
/// Rows are handed to a callback and reused for the next row: copy out what you keep.
public struct CSVRow: Sendable, CSVFields {
  /// The fields' bytes, end to end.
  public internal(set) var bytes: [UInt8] = []
  /// End offset in `bytes` of each field.
  public internal(set) var ends: [Int] = []
  /// Whether each field was quoted in the file.
  public internal(set) var quoted: [Bool] = []
  /// 1-based byte column where each field starts on its line.
  public internal(set) var columns: [Int] = []
  /// 1-based line where the row starts.
  public internal(set) var line: Int = 1

  /// Number of fields.
  public var count: Int { ends.count }

  /// The byte range of field `index`.
  public func range(_ index: Int) -> Range<Int> { (index == 0 ? 0 : ends[index - 1])..<ends[index] }

  /// The bytes of field `index`.
  public subscript(index: Int) -> ArraySlice<UInt8> { bytes[range(index)] }

  /// Field `index` decoded as UTF-8 (for tests and headers; the validator decodes per encoding).
  public func string(_ index: Int) -> String { String(decoding: self[index], as: UTF8.self) }

  /// Calls `body` with the bytes of field `index`.
  public func withField<T>(_ index: Int, _ body: (UnsafeBufferPointer<UInt8>) -> T) -> T {
    let range = self.range(index)
    return bytes.withUnsafeBufferPointer { body(UnsafeBufferPointer(rebasing: $0[range])) }
  }

  /// Calls `body` once with all the row's bytes and the end offset of each field.
  public func withAllFields<T>(_ body: (UnsafeBufferPointer<UInt8>, UnsafeBufferPointer<Int>) -> T) -> T {
    bytes.withUnsafeBufferPointer { bytes in ends.withUnsafeBufferPointer { ends in body(bytes, ends) } }
  }

  /// Whether the row is one empty unquoted field: a blank line.
  public var isBlank: Bool { ends == [0] && quoted == [false] }

  mutating func reset(line: Int) {
    bytes.removeAll(keepingCapacity: true)
    ends.removeAll(keepingCapacity: true)
    quoted.removeAll(keepingCapacity: true)
    columns.removeAll(keepingCapacity: true)
    self.line = line
  }
}
