/// The fields of one CSV row as the fast path reads them (the ingestion stage's `CSVRow` is one).
public protocol CSVFields {
  /// Number of fields.
  var count: Int { get }
  /// Calls `body` with the bytes of field `index`.
  func withField<T>(_ index: Int, _ body: (UnsafeBufferPointer<UInt8>) -> T) -> T
  /// Calls `body` once with all the row's bytes and the end offset of each field.
  func withAllFields<T>(_ body: (UnsafeBufferPointer<UInt8>, UnsafeBufferPointer<Int>) -> T) -> T
}
