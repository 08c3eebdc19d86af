/// One derived indicator at one unit, after the secrecy stage: a value only where every cell it
/// depends on is published.
public struct IndicatorCell: Sendable, Hashable {
  /// The indicator's identifier.
  public var indicator: String
  /// The unit's index.
  public var unit: Int
  /// The value, nil when not published.
  public var value: Double?
  /// `V` published; `D` hidden because a cell it depends on is secret (for a waiting time, a
  /// waiting class); `A` too few measures behind a waiting time; `Z` nothing to compute (no base).
  public var status: CellStatus

  /// An indicator's value at a unit.
  public init(indicator: String, unit: Int, value: Double?, status: CellStatus) {
    self.indicator = indicator
    self.unit = unit
    self.value = value
    self.status = status
  }
}
