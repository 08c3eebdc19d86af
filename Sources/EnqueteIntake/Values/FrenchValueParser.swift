import EnqueteCore
import Foundation

/// Reads a field's text as a typed value, the way French offices write it: `1 234,5` (space,
/// no-break or narrow no-break space between thousands; comma or point as decimal mark),
/// `05/03/2024` or `2024-03-05`, `oui/non`, `O/N`, `1/0`, `true/false`, `vrai/faux`.
public enum FrenchValueParser {
  /// The integer in `text`, or nil.
  public static func integer(_ text: String) -> Int? {
    if let plain = plainInteger(text) { return plain }
    let digits = stripGroups(text)
    guard !digits.isEmpty, digits.count <= 18 else { return nil }
    var body = Substring(digits)
    let negative = body.first == "-"
    if body.first == "-" || body.first == "+" { body = body.dropFirst() }
    guard !body.isEmpty, body.allSatisfy({ $0.isASCII && $0.isNumber }), let value = Int(body) else {
      return nil
    }
    return negative ? -value : value
  }

  /// The decimal number in `text`, or nil.
  public static func number(_ text: String) -> Double? {
    if isPlainNumber(text) { return Double(text) }
    let compact = stripGroups(text)
    guard !compact.isEmpty, compact.count <= 30 else { return nil }
    let separators = compact.filter { $0 == "," || $0 == "." }
    guard separators.count <= 1 else { return nil }
    let normalised = String(compact.map { $0 == "," ? "." : $0 })
    var body = Substring(normalised)
    if body.first == "-" || body.first == "+" { body = body.dropFirst() }
    guard !body.isEmpty, body != ".", body.allSatisfy({ ($0.isASCII && $0.isNumber) || $0 == "." }) else {
      return nil
    }
    return Double(normalised)
  }

  /// `integer` of the usual spelling, ASCII digits after an optional sign, read without the
  /// general path's string copies (every step of which is then the identity); nil for any other
  /// text, which the general path reads.
  private static func plainInteger(_ text: String) -> Int? {
    guard let (negative, body) = signed(text, atMost: 18) else { return nil }
    var value = 0
    var digits = 0
    for byte in body {
      let digit = byte &- UInt8(ascii: "0")
      guard digit < 10 else { return nil }
      value = value * 10 + Int(digit)
      digits += 1
    }
    guard digits > 0 else { return nil }
    return negative ? -value : value
  }

  /// Whether `text` is a number of the usual spelling — ASCII digits, at most one point, an
  /// optional sign — that `number` accepts as it stands (its general path would strip nothing and
  /// convert nothing).
  private static func isPlainNumber(_ text: String) -> Bool {
    guard let (_, body) = signed(text, atMost: 30) else { return false }
    var points = 0
    var digits = 0
    for byte in body {
      if byte == UInt8(ascii: ".") {
        points += 1
      } else if byte &- UInt8(ascii: "0") < 10 {
        digits += 1
      } else {
        return false
      }
    }
    return points <= 1 && digits > 0
  }

  /// Whether `text` (at most `limit` bytes, not empty) starts with a minus sign, and its bytes
  /// after a `+` or `-` sign if any.
  private static func signed(_ text: String, atMost limit: Int) -> (negative: Bool, body: Substring.UTF8View)?
  {
    let utf8 = text.utf8
    guard let first = utf8.first, utf8.count <= limit else { return nil }
    let sign = first == UInt8(ascii: "-") || first == UInt8(ascii: "+")
    return (first == UInt8(ascii: "-"), utf8.dropFirst(sign ? 1 : 0))
  }

  /// The date in `text` (`dd/mm/yyyy` or ISO), or nil when it is not a date or does not exist.
  public static func date(_ text: String) -> CivilDate? {
    CivilDate(parsing: Trim.whitespace(text))
  }

  /// The yes/no in `text`, or nil.
  public static func boolean(_ text: String) -> Bool? {
    switch Trim.whitespace(text).lowercased() {
    case "oui", "o", "1", "true", "vrai", "yes", "y": true
    case "non", "n", "0", "false", "faux", "no": false
    default: nil
    }
  }

  /// `text` without surrounding spaces and without the spaces that group thousands.
  /// `text` without surrounding spaces and the spaces that group digits (`123 456 789` → `123456789`).
  public static func stripGroups(_ text: String) -> String {
    String(text.unicodeScalars.filter { !($0 == " " || $0 == "\u{00A0}" || $0 == "\u{202F}" || $0 == "\t") })
  }
}
