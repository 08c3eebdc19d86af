import EnqueteCore

/// A report read from CSV (its values already text) seen as bytes, so that the fast checker
/// takes a CSV report with its per-measure detail (`-mesures.csv`) as it takes an XML report.
extension RawReport: RawReportBytes {
  /// 1-based line where the report starts.
  public var line: Int { record.line }
  /// Whether reading found problems in the report or its detail rows.
  public var hasDiagnostics: Bool { !diagnostics.isEmpty }
  /// Number of detail rows.
  public var rowCount: Int { detail.count }

  /// Calls `body` with the name and UTF-8 bytes of each value of the report (`row` nil) or of
  /// one of its detail rows, until it returns false; returns false if it did.
  public func forEachValue(row: Int?, _ body: (String, UnsafeBufferPointer<UInt8>) -> Bool) -> Bool {
    let record = row.map { detail[$0] } ?? self.record
    for (name, value) in record.values {
      var text = value.text
      guard text.withUTF8({ body(name, $0) }) else { return false }
    }
    return true
  }
}
