import EnqueteCore

/// A report as the SAX callbacks meet it: its values' bytes in one buffer, with their names and
/// lines, and no string or dictionary yet. Recording it costs the parsing thread a copy; `report()`
/// builds the `RawReport`, on whichever thread consumes it, and only if needed: the fast path reads
/// the bytes (`RawReportBytes`).
public struct ReportDraft: Sendable, RawReportBytes {
  /// One value: a report element's text or a measure's attribute.
  struct Value: Sendable {
    let name: String
    let line: Int
    /// Where its bytes are in `bytes`.
    let start: Int
    let end: Int
  }

  /// One `<mesure>`: its line and its values in `rowValues`.
  struct Row: Sendable {
    let line: Int
    let values: Range<Int>
  }

  /// Line of `<rapport>`.
  public let line: Int
  /// Line of its end tag.
  var endLine: Int
  /// Problems the schema validator found in it.
  var diagnostics: [Diagnostic] = []
  var bytes: [UInt8] = []
  /// The report's own values, in the order met (a repeated element: the last one counts).
  var values: [Value] = []
  var rows: [Row] = []
  var rowValues: [Value] = []

  init(line: Int) {
    self.line = line
    endLine = line
    bytes.reserveCapacity(4096)
  }

  /// Records a `<mesure>` from libxml2's attribute array (five pointers each: local name, prefix,
  /// URI, value start, value end), in one access; returns the value of the attribute `key` (without
  /// namespace) if `check` finds it a valid key.
  mutating func appendRow(
    line: Int, attributes: UnsafePointer<UnsafePointer<UInt8>?>?, count: Int, names: inout InternedNames,
    key: UnsafePointer<UInt8>?, check: DetailKeyCheck?
  ) -> String? {
    let first = rowValues.count
    var keyValue: String?
    for index in 0..<(attributes == nil ? 0 : count) {
      let attributes = attributes!
      guard let name = attributes[5 * index], let start = attributes[5 * index + 3],
        let end = attributes[5 * index + 4]
      else { continue }
      let value = UnsafeBufferPointer(start: start, count: end - start)
      let from = bytes.count
      bytes.append(contentsOf: value)
      rowValues.append(Value(name: names.string(name), line: line, start: from, end: bytes.count))
      if name == key, attributes[5 * index + 2] == nil, let check { keyValue = check.validKey(value) }
    }
    rows.append(Row(line: line, values: first..<rowValues.count))
    return keyValue
  }

  /// The SIRET as written, to name the report in messages.
  var siret: String? {
    values.last { $0.name == "siret" }.map(text)
  }

  /// Whether the schema validator found problems in it.
  public var hasDiagnostics: Bool { !diagnostics.isEmpty }

  /// Number of `<mesure>`.
  public var rowCount: Int { rows.count }

  /// Calls `body` with each value of the report (`row` nil) or of a measure, in document order.
  public func forEachValue(row: Int?, _ body: (String, UnsafeBufferPointer<UInt8>) -> Bool) -> Bool {
    bytes.withUnsafeBufferPointer { all in
      for value in row.map({ rowValues[rows[$0].values] }) ?? values[...] {
        guard body(value.name, UnsafeBufferPointer(rebasing: all[value.start..<value.end])) else {
          return false
        }
      }
      return true
    }
  }

  /// The report, with its strings and dictionaries.
  ///
  /// - Complexity: O(values + bytes).
  public func report() -> RawReport {
    bytes.withUnsafeBufferPointer { all in
      func text(_ value: Value) -> String {
        String(decoding: UnsafeBufferPointer(rebasing: all[value.start..<value.end]), as: UTF8.self)
      }
      var record = RawRecord(line: line)
      record.values.reserveCapacity(values.count)
      for value in values { record.values[value.name] = RawValue(text: text(value), line: value.line) }
      var detail: [RawRecord] = []
      detail.reserveCapacity(rows.count)
      for row in rows {
        var measure = RawRecord(line: row.line)
        measure.values.reserveCapacity(row.values.count)
        for value in rowValues[row.values] {
          measure.values[value.name] = RawValue(text: text(value), line: value.line)
        }
        detail.append(measure)
      }
      return RawReport(record: record, detail: detail, endLine: endLine, diagnostics: diagnostics)
    }
  }

  private func text(_ value: Value) -> String {
    String(decoding: bytes[value.start..<value.end], as: UTF8.self)
  }
}
