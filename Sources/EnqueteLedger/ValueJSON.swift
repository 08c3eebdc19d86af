import EnqueteCore

/// Typed values as JSON, keys sorted: how the ledger keeps a report's per-measure detail (one
/// array of objects per report, readable with SQLite's `json_each`).
enum ValueJSON {
  /// `[{…}, {…}]`, one object per row, keys in order.
  static func array(_ rows: [[String: Value]]) -> String {
    var out = "["
    for (index, row) in rows.enumerated() {
      if index > 0 { out += "," }
      object(row, into: &out)
    }
    return out + "]"
  }

  static func object(_ values: [String: Value], into out: inout String) {
    out += "{"
    for (index, key) in values.keys.sorted().enumerated() {
      if index > 0 { out += "," }
      string(key, into: &out)
      out += ":"
      switch values[key]! {
      case .integer(let value): out += String(value)
      case .number(let value): out += Value.canonicalText(of: value)
      case .boolean(let value): out += value ? "true" : "false"
      case .string(let value): string(value, into: &out)
      case .date(let value): string(value.iso, into: &out)
      }
    }
    out += "}"
  }

  static func string(_ text: String, into out: inout String) { out += OrderedJSON.quote(text) }
}
