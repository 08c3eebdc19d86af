import EnqueteCore
import Foundation

/// Reads a field's text as a typed value, the way French offices write it: `1 234,5` (space,
/// no-break or narrow no-break space between thousands; comma or point as decimal mark),
/// `05/03/2024` or `2024-03-05`, `oui/non`, `O/N`, `1/0`, `true/false`, `vrai/faux`.
public enum FrenchValueParser {
  /// The integer in `text`, or nil.
  public static func integer(_ text: String) -> Int? {
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
