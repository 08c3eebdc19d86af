/// One variable at one geographic unit: its value and what the secrecy rules need about it.
///
/// The value and the contributions are confidential until the secrecy stage has passed them.
public struct AggregatedCell: Sendable, Hashable {
  /// The variable.
  public var variable: String
  /// The unit's index in ``GeographicUnits/units``.
  public var unit: Int
  /// The sum over the services of the unit that reported the variable.
  public var value: Double
  /// How many services reported the variable.
  public var services: Int
  /// The two largest contributions, largest first (dominance and p% rules).
  public var largest: [Double]

  /// An empty cell.
  public init(variable: String, unit: Int) {
    self.variable = variable
    self.unit = unit
    value = 0
    services = 0
    largest = []
  }

  /// Adds one service's value.
  package mutating func add(_ contribution: Double) {
    value += contribution
    services += 1
    if largest.count < 2 {
      largest.append(contribution)
      largest.sort(by: >)
    } else if contribution > largest[1] {
      largest[1] = contribution
      largest.sort(by: >)
    }
  }
}
