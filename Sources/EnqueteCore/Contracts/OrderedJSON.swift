/// A JSON value whose objects keep their keys in the order written, for generated files that people
/// read (Table Schemas, reports metadata) and that must be byte-identical from run to run.
public indirect enum OrderedJSON: Hashable, Sendable {
  /// `null`.
  case null
  /// `true` / `false`.
  case bool(Bool)
  /// A number, written without exponent.
  case number(Double)
  /// A string.
  case string(String)
  /// An array.
  case array([OrderedJSON])
  /// An object with keys in this order.
  case object([(String, OrderedJSON)])

  /// Two-space indented text with a final newline.
  public func rendered() -> String {
    var out = ""
    write(into: &out, indent: 0)
    return out + "\n"
  }

  private func write(into out: inout String, indent: Int) {
    let pad = String(repeating: "  ", count: indent + 1)
    let closing = String(repeating: "  ", count: indent)
    switch self {
    case .null: out += "null"
    case .bool(let value): out += value ? "true" : "false"
    case .number(let value): out += Value.canonicalText(of: value)
    case .string(let value): out += OrderedJSON.quote(value)
    case .array(let items):
      if items.isEmpty { out += "[]"; return }
      if items.allSatisfy({ if case .string = $0 { true } else if case .number = $0 { true } else { false } })
      {
        out += "[" + items.map { $0.rendered().dropLast() }.joined(separator: ", ") + "]"
        return
      }
      out += "[\n"
      for (index, item) in items.enumerated() {
        out += pad
        item.write(into: &out, indent: indent + 1)
        out += index + 1 < items.count ? ",\n" : "\n"
      }
      out += closing + "]"
    case .object(let members):
      if members.isEmpty { out += "{}"; return }
      out += "{\n"
      for (index, (key, value)) in members.enumerated() {
        out += pad + OrderedJSON.quote(key) + ": "
        value.write(into: &out, indent: indent + 1)
        out += index + 1 < members.count ? ",\n" : "\n"
      }
      out += closing + "}"
    }
  }

  /// A JSON string literal; `/` is not escaped, non-ASCII is kept as UTF-8.
  public static func quote(_ text: String) -> String {
    var out = "\""
    for scalar in text.unicodeScalars {
      switch scalar {
      case "\"": out += "\\\""
      case "\\": out += "\\\\"
      case "\n": out += "\\n"
      case "\r": out += "\\r"
      case "\t": out += "\\t"
      case _ where scalar.value < 0x20:
        let hex = String(scalar.value, radix: 16)
        out += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
      default: out.unicodeScalars.append(scalar)
      }
    }
    return out + "\""
  }

  /// Equality of the rendered text.
  public static func == (lhs: OrderedJSON, rhs: OrderedJSON) -> Bool { lhs.rendered() == rhs.rendered() }

  /// Hashes the rendered text.
  public func hash(into hasher: inout Hasher) { hasher.combine(rendered()) }
}
