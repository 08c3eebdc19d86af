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

  /// A decimal number without exponent and without trailing zeros (`12.5`, `3`, `1234.05`),
  /// rounded to six decimals as C's `%.6f` rounds; `separator` is the decimal mark (`,` in French).
  ///
  /// Formatted by `vsnprintf` into a buffer on the stack: `String(format:)` went through
  /// Foundation's format machinery, which made wording warnings the costly part of validating a
  /// large file with many (the same digits: both end in the C library's `%f`).
  public static func canonicalText(of number: Double, separator: Character = ".") -> String {
    if number == number.rounded(), abs(number) < 1e15 { return String(Int(number)) }
    let capacity = 512  // %.6f of any double below 1e300 fits; larger ones take the slow way
    return withUnsafeTemporaryAllocation(of: CChar.self, capacity: capacity) { buffer in
      let count = withVaList([number]) { vsnprintf(buffer.baseAddress!, capacity, "%.6f", $0) }
      guard count > 0, count < capacity else {
        var text = String(format: "%.6f", number)
        while text.hasSuffix("0") { text.removeLast() }
        if text.hasSuffix(".") { text.removeLast() }
        return separator == "." ? text : String(text.map { $0 == "." ? separator : $0 })
      }
      var end = Int(count)
      while buffer[end - 1] == 0x30 { end -= 1 }  // trailing zeros (`%.6f` always has a point)
      if buffer[end - 1] == 0x2E { end -= 1 }
      let mark = separator.asciiValue.map { CChar(bitPattern: $0) }
      if let mark, mark != 0x2E, let point = (0..<end).first(where: { buffer[$0] == 0x2E }) {
        buffer[point] = mark
      }
      let text = String(
        decoding: UnsafeRawBufferPointer(start: buffer.baseAddress, count: end), as: UTF8.self)
      return mark != nil || separator == "." ? text : String(text.map { $0 == "." ? separator : $0 })
    }
  }
}
