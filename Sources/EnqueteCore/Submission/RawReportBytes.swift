/// A report whose values are still bytes, as the XML reader records them: what the fast path of
/// validation reads without building a string or a dictionary (a `RawReport` is built only for
/// the reports it does not accept).
public protocol RawReportBytes {
  /// 1-based line where the report starts.
  var line: Int { get }
  /// Whether reading found problems in it (it then goes to the full validator).
  var hasDiagnostics: Bool { get }
  /// Number of detail rows (`<mesure>`).
  var rowCount: Int { get }
  /// Calls `body` with the name and bytes of each value of the report (`row` nil) or of one of its
  /// detail rows, in the order read, until it returns false; returns false if it did.
  func forEachValue(row: Int?, _ body: (String, UnsafeBufferPointer<UInt8>) -> Bool) -> Bool
}
