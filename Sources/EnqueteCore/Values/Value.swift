import Foundation

/// A typed value of a variable, once read from XML or CSV.
public enum Value: Hashable, Sendable, CustomStringConvertible {
  /// A whole number (counts, years).
  case integer(Int)
  /// A decimal number (FTE, euros, hours, mean days).
  case number(Double)
  /// Text (names, codes, enumerated categories).
  case string(String)
  /// A calendar date.
  case date(CivilDate)
  /// A yes/no answer.
  case boolean(Bool)

  /// The value as a number for arithmetic: integers and numbers; nil otherwise.
  public var numeric: Double? {
    switch self {
    case .integer(let value): Double(value)
    case .number(let value): value
    default: nil
    }
  }

  /// The canonical text of the value: what an open-data CSV or an XML file writes.
  ///
  /// Numbers use a point and no exponent; dates are ISO; booleans `true`/`false`.
  public var canonicalText: String {
    switch self {
    case .integer(let value): String(value)
    case .number(let value): Value.canonicalText(of: value)
    case .string(let value): value
    case .date(let value): value.iso
    case .boolean(let value): value ? "true" : "false"
    }
  }

  /// The canonical text.
  public var description: String { canonicalText }

  /// A decimal number without exponent and without trailing zeros (`12.5`, `3`, `1234.05`).
  public static func canonicalText(of number: Double) -> String {
    if number == number.rounded(), abs(number) < 1e15 { return String(Int(number)) }
    var text = String(format: "%.6f", number)
    while text.hasSuffix("0") { text.removeLast() }
    if text.hasSuffix(".") { text.removeLast() }
    return text
  }
}
