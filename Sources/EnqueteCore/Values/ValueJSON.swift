/// Typed values as JSON, keys sorted: how the ledger keeps a report's per-measure detail (one
/// array of objects per report, readable with SQLite's `json_each`). Written as UTF-8 bytes:
/// a campaign at scale has millions of measures. The intake's fast path writes the same JSON from
/// its slots with the pieces below (``value(_:into:)``, ``keyLiteral(_:)``), tests hold the two
/// equal.
public enum ValueJSON {
  /// `[{…}, {…}]`, one object per row, keys in order.
  ///
  /// - Complexity: O(total size of the values); each key looked up once per row.
  public static func array(_ rows: [[String: Value]]) -> String {
    var out: [UInt8] = [UInt8(ascii: "[")]
    out.reserveCapacity(rows.count * 200)
    // Rows of one table mostly share their keys: sort them, and write them as JSON, once.
    let keys = rows.first.map { $0.keys.sorted() } ?? []
    let literals = keys.map(keyLiteral)
    for (index, row) in rows.enumerated() {
      if index > 0 { out.append(UInt8(ascii: ",")) }
      if row.count == keys.count {
        let values = keys.map { row[$0] }
        if !values.contains(where: { $0 == nil }) {
          object(values.map { $0! }, literals: literals, into: &out)
          continue
        }
      }
      let own = row.keys.sorted()
      object(own.map { row[$0]! }, literals: own.map(keyLiteral), into: &out)
    }
    out.append(UInt8(ascii: "]"))
    return String(decoding: out, as: UTF8.self)
  }

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

  /// `"key":` as bytes.
  public static func keyLiteral(_ key: String) -> [UInt8] {
    var out: [UInt8] = []
    string(key, into: &out)
    out.append(UInt8(ascii: ":"))
    return out
  }

  /// An object of `values`, each after its key's literal.
  private static func object(_ values: [Value], literals: [[UInt8]], into out: inout [UInt8]) {
    out.append(UInt8(ascii: "{"))
    for (index, value) in values.enumerated() {
      if index > 0 { out.append(UInt8(ascii: ",")) }
      out += literals[index]
      self.value(value, into: &out)
    }
    out.append(UInt8(ascii: "}"))
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
    string(utf8: text.utf8, into: &out)
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
