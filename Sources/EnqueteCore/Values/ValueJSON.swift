/// Typed values as JSON: how the ledger keeps a report's values (one object, keys sorted) and its
/// per-measure detail (one table: the column names once, then one array per measure), readable
/// with SQLite's JSON functions. Written as UTF-8 bytes: a campaign at scale has millions of
/// measures. The intake's fast path writes the same table from its slots with the pieces below
/// (``tableStart(columns:)``, ``value(_:into:)``), tests hold the two equal.
public enum ValueJSON {
  /// `{"columns":[…],"rows":[[…],…]}`: the rows as one table, its columns the rows' keys sorted,
  /// a value a row does not have written `null`. The keys are written once per table rather than
  /// once per row: they were half the bytes of a campaign's detail.
  ///
  /// - Complexity: O(rows × columns).
  public static func table(_ rows: [[String: Value]]) -> String {
    var names = Set<String>()
    for row in rows { names.formUnion(row.keys) }
    let columns = names.sorted()
    var out = tableStart(columns: columns)
    out.reserveCapacity(out.count + rows.count * 16 * columns.count)
    for (index, row) in rows.enumerated() {
      if index > 0 { out.append(UInt8(ascii: ",")) }
      out.append(UInt8(ascii: "["))
      for (position, column) in columns.enumerated() {
        if position > 0 { out.append(UInt8(ascii: ",")) }
        if let value = row[column] { self.value(value, into: &out) } else { out += null }
      }
      out.append(UInt8(ascii: "]"))
    }
    out += tableEnd
    return String(decoding: out, as: UTF8.self)
  }

  /// `{"columns":["a","b"],"rows":[`: a table's opening, before its first row.
  public static func tableStart(columns: [String]) -> [UInt8] {
    var out = Array(#"{"columns":["#.utf8)
    for (index, column) in columns.enumerated() {
      if index > 0 { out.append(UInt8(ascii: ",")) }
      string(column, into: &out)
    }
    out += Array(#"],"rows":["#.utf8)
    return out
  }

  /// `]}`: a table's end, after its last row.
  public static let tableEnd = Array("]}".utf8)

  /// `null`: a value a row does not have.
  public static let null = Array("null".utf8)

  /// `{"key":value,…}`, keys sorted: how the ledger keeps a report's values (one object per
  /// report, readable with SQLite's `json_each` and `->>`).
  ///
  /// - Complexity: O(k log k) for k values.
  public static func object(_ values: [String: Value]) -> [UInt8] {
    var out: [UInt8] = [UInt8(ascii: "{")]
    out.reserveCapacity(values.count * 40)
    for (index, (key, value)) in values.sorted(by: { $0.key < $1.key }).enumerated() {
      if index > 0 { out.append(UInt8(ascii: ",")) }
      string(key, into: &out)
      out.append(UInt8(ascii: ":"))
      self.value(value, into: &out)
    }
    out.append(UInt8(ascii: "}"))
    return out
  }

  /// One value as JSON: a number, `true`/`false`, or a string (dates as `"yyyy-mm-dd"`).
  public static func value(_ value: Value, into out: inout [UInt8]) {
    switch value {
    case .integer(let value): digits(value, into: &out)
    case .number(let value): out += Value.canonicalText(of: value).utf8
    case .boolean(let value): out += (value ? "true" : "false").utf8
    case .string(let value): string(value, into: &out)
    case .date(let value): date(value, into: &out)
    }
  }

  /// `"yyyy-mm-dd"`, as `CivilDate.iso` spells it, without making the string.
  public static func date(_ value: CivilDate, into out: inout [UInt8]) {
    out.append(UInt8(ascii: "\""))
    padded(value.year, width: 4, into: &out)
    out.append(UInt8(ascii: "-"))
    padded(value.month, width: 2, into: &out)
    out.append(UInt8(ascii: "-"))
    padded(value.day, width: 2, into: &out)
    out.append(UInt8(ascii: "\""))
  }

  /// The decimal digits of `value` (with its sign), as `String(value)` writes them.
  public static func digits(_ value: Int, into out: inout [UInt8]) {
    guard value != 0 else { return out.append(UInt8(ascii: "0")) }
    if value < 0 { out.append(UInt8(ascii: "-")) }
    var magnitude = value.magnitude
    let start = out.count
    while magnitude > 0 {
      out.append(UInt8(ascii: "0") + UInt8(magnitude % 10))
      magnitude /= 10
    }
    out[start...].reverse()
  }

  /// `value` (0…9999) in `width` digits, zeros in front.
  private static func padded(_ value: Int, width: Int, into out: inout [UInt8]) {
    var divisor = 1
    for _ in 1..<width { divisor *= 10 }
    var rest = value
    while divisor > 0 {
      out.append(UInt8(ascii: "0") + UInt8(rest / divisor % 10))
      rest %= divisor
      divisor /= 10
    }
  }

  /// A JSON string literal: `"` and `\` escaped, control characters as `\u00XX`, the rest as is.
  public static func string(_ text: String, into out: inout [UInt8]) {
    var text = text
    text.withUTF8 { bytes in
      // Most keys and values need no escape: their bytes are copied at once.
      if bytes.contains(where: { $0 < 0x20 || $0 == UInt8(ascii: "\"") || $0 == UInt8(ascii: "\\") }) {
        string(utf8: bytes, into: &out)
      } else {
        out.append(UInt8(ascii: "\""))
        out.append(contentsOf: bytes)
        out.append(UInt8(ascii: "\""))
      }
    }
  }

  /// A JSON string literal of UTF-8 bytes, escaped as ``string(_:into:)`` escapes.
  public static func string(utf8 bytes: some Sequence<UInt8>, into out: inout [UInt8]) {
    out.append(UInt8(ascii: "\""))
    for byte in bytes {
      switch byte {
      case UInt8(ascii: "\""), UInt8(ascii: "\\"):
        out.append(UInt8(ascii: "\\"))
        out.append(byte)
      case 0..<0x20:
        let hex = Array("0123456789abcdef".utf8)
        out += Array("\\u00".utf8)
        out.append(hex[Int(byte >> 4)])
        out.append(hex[Int(byte & 0xf)])
      default:
        out.append(byte)
      }
    }
    out.append(UInt8(ascii: "\""))
  }
}
