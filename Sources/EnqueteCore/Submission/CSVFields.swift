/// The fields of one CSV row as the fast path reads them (the ingestion stage's `CSVRow` is one).
public protocol CSVFields {
  /// Number of fields.
  var count: Int { get }
  /// 1-based byte column where field `index` starts on its line.
  func column(_ index: Int) -> Int
  /// Calls `body` with the bytes of field `index`.
  func withField<T>(_ index: Int, _ body: (UnsafeBufferPointer<UInt8>) -> T) -> T
  /// Calls `body` once with the text the fields lie in and the start and end offset of each field.
  func withAllFields<T>(
    _ body: (UnsafePointer<UInt8>, UnsafeBufferPointer<Int>, UnsafeBufferPointer<Int>) -> T
  ) -> T
}
