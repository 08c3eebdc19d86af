/// A SIRET, the 14-digit identifier of an establishment in the French business register.
///
/// The last digit is a Luhn check key over the 14 digits (as for the 9-digit SIREN it starts with).
/// La Poste's establishments use another key, but none of them runs a mediation service or an
/// espace de rencontre, so enquete applies Luhn to every SIRET.
public struct Siret: Hashable, Comparable, Sendable, CustomStringConvertible {
  /// The 14 digits.
  public let digits: String

  /// A SIRET when `text` is 14 ASCII digits with a valid Luhn key; nil otherwise.
  public init?(_ text: some StringProtocol) {
    guard Siret.hasFourteenDigits(text), Siret.luhnIsValid(text) else { return nil }
    self.digits = String(text)
  }

  /// The 14 digits.
  public var description: String { digits }

  /// Numeric order of the digits (they have the same length).
  public static func < (lhs: Siret, rhs: Siret) -> Bool { lhs.digits < rhs.digits }

  /// Whether `text` is exactly 14 ASCII digits.
  public static func hasFourteenDigits(_ text: some StringProtocol) -> Bool {
    text.utf8.count == 14 && text.utf8.allSatisfy { $0 >= UInt8(ascii: "0") && $0 <= UInt8(ascii: "9") }
  }

  /// Whether the digits of `text` pass the Luhn check (non-digits make it fail).
  public static func luhnIsValid(_ text: some StringProtocol) -> Bool {
    var sum = 0
    for (index, byte) in text.utf8.reversed().enumerated() {
      guard byte >= UInt8(ascii: "0"), byte <= UInt8(ascii: "9") else { return false }
      var digit = Int(byte - UInt8(ascii: "0"))
      if index % 2 == 1 {
        digit *= 2
        if digit > 9 { digit -= 9 }
      }
      sum += digit
    }
    return sum % 10 == 0
  }

  /// The check digit that makes `prefix` followed by it pass the Luhn check.
  public static func luhnCheckDigit(for prefix: some StringProtocol) -> Character {
    for candidate in 0...9 where luhnIsValid(prefix + String(candidate)) {
      return Character(String(candidate))
    }
    preconditionFailure("Luhn always has a check digit")
  }
}
