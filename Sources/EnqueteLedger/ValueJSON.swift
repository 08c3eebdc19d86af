import EnqueteCore

/// Typed values as JSON, keys sorted: how the ledger keeps a report's per-measure detail (one
/// array of objects per report, readable with SQLite's `json_each`). Written as UTF-8 bytes:
/// a campaign at scale has millions of measures.
enum ValueJSON {
  /// `[{…}, {…}]`, one object per row, keys in order.
  ///
  /// - Complexity: O(total size of the values).
  static func array(_ rows: [[String: Value]]) -> String {
    var out: [UInt8] = [UInt8(ascii: "[")]
    out.reserveCapacity(rows.count * 200)
    let keys = rows.first.map { $0.keys.sorted() } ?? []
    for (index, row) in rows.enumerated() {
      if index > 0 { out.append(UInt8(ascii: ",")) }
      // Rows of one table mostly share their keys: sort them once.
      object(
        row, keys: row.count == keys.count && keys.allSatisfy { row[$0] != nil } ? keys : row.keys.sorted(),
        into: &out)
    }
    out.append(UInt8(ascii: "]"))
    return String(decoding: out, as: UTF8.self)
  }

  static func object(_ values: [String: Value], keys: [String], into out: inout [UInt8]) {
    out.append(UInt8(ascii: "{"))
    for (index, key) in keys.enumerated() {
      if index > 0 { out.append(UInt8(ascii: ",")) }
      string(key, into: &out)
      out.append(UInt8(ascii: ":"))
      switch values[key]! {
      case .integer(let value): out += String(value).utf8
      case .number(let value): out += Value.canonicalText(of: value).utf8
      case .boolean(let value): out += (value ? "true" : "false").utf8
      case .string(let value): string(value, into: &out)
      case .date(let value): string(value.iso, into: &out)
      }
    }
    out.append(UInt8(ascii: "}"))
  }

  /// A JSON string literal: `"` and `\` escaped, control characters as `\u00XX`, the rest as is.
  static func string(_ text: String, into out: inout [UInt8]) {
    out.append(UInt8(ascii: "\""))
    for byte in text.utf8 {
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
