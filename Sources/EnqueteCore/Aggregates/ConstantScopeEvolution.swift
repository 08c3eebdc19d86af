/// A key figure's change from the previous year at constant scope: computed over the services that
/// answered both years only, so that a service joining or leaving the survey is not read as a rise
/// or a fall of activity. `EnqueteAggregate` computes it from both years' reports; it holds no
/// confidential value, only the rounded change and how many services it covers.
public struct ConstantScopeEvolution: Sendable, Hashable {
  /// How the figure changed.
  public enum Change: Sendable, Hashable {
    /// A relative change of a count, an amount or a ratio, in percent (one decimal).
    case percent(Double)
    /// The change of a share, in percentage points (one decimal).
    case points(Double)
  }

  /// The key figure's table (or indicator).
  public var table: String
  /// The key figure's variable.
  public var variable: String
  /// The change; nil when it cannot be computed (no base the previous year) or is withheld.
  public var change: Change?
  /// The services that answered both years.
  public var services: Int
  /// Whether the change is withheld because fewer services than the services rule's threshold
  /// joined or left: the change, with both years' published totals, would bound their figures.
  public var withheld: Bool

  /// An evolution.
  public init(table: String, variable: String, change: Change?, services: Int, withheld: Bool) {
    self.table = table
    self.variable = variable
    self.change = change
    self.services = services
    self.withheld = withheld
  }
}
