import EnqueteCore

/// A generated report: the service and the values of its variables (absent = left empty).
public struct SampleReport: Sendable {
  /// Who sends it.
  public let service: SampleService
  /// Campaign year.
  public let year: Int
  /// Values by variable name.
  public var values: [String: Value]

  /// The value of a count, 0 when absent.
  func count(_ name: String) -> Int {
    if case .integer(let value) = values[name] { return value }
    return 0
  }
}

/// Helpers to fill report values.
extension Dictionary where Key == String, Value == EnqueteCore.Value {
  mutating func set(_ names: [String], _ counts: [Int]) {
    for (name, count) in zip(names, counts) { self[name] = .integer(count) }
  }

  mutating func euros(_ name: String, cents: Int) { self[name] = .number(Double(cents) / 100) }

  func cents(_ name: String) -> Int {
    if case .number(let value) = self[name] { return Int((value * 100).rounded()) }
    return 0
  }
}

/// Money amounts in cents, so that totals add up exactly once written with two decimals.
enum Money {
  static func cents(_ euros: Double) -> Int { Int((euros * 100).rounded()) }
  static func roundedEuros(_ euros: Double, random: inout RandomSource) -> Int {
    // Half of the services declare whole euros, as their accounts are kept.
    random.chance(0.5) ? Int(euros.rounded()) * 100 : cents(euros)
  }
}
