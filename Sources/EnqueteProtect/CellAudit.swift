import EnqueteCore

/// What the audit proved about one suppressed cell: the interval an attacker can place it in.
///
/// Holds the cell's value: it belongs in the private audit only, never in a published file or a log.
public struct CellAudit: Sendable, Hashable {
  /// The cell's index in its table.
  public var index: Int
  /// The cell's identifier.
  public var id: String
  /// The cell's status (primary or secondary).
  public var status: CellStatus
  /// The cell's true value (confidential).
  public var value: Double
  /// The smallest value the published figures allow.
  public var lower: Double
  /// The largest value the published figures allow; `nil` when unbounded.
  public var upper: Double?
  /// The protection the cell required; `nil` for a secondary, which requires none.
  public var required: RequiredProtection?
  /// Whether the cell is a primary and one of the only two hidden cells of an equation, both
  /// parts and single contributors: each could subtract its own value and learn the other's (the singleton
  /// rule).
  public var exposedBySingleton: Bool
  /// Whether the cell is a whole number, so that a reader rounds its bounds.
  public var integral: Bool

  /// Creates the audit of one cell.
  public init(
    index: Int, id: String, status: CellStatus, value: Double, lower: Double, upper: Double?,
    required: RequiredProtection?, exposedBySingleton: Bool = false, integral: Bool = false
  ) {
    self.integral = integral
    self.index = index
    self.id = id
    self.status = status
    self.value = value
    self.lower = lower
    self.upper = upper
    self.required = required
    self.exposedBySingleton = exposedBySingleton
  }

  /// Whether the interval reaches the required protection and the singleton rule holds (always
  /// true for a secondary).
  public var passes: Bool {
    guard let required, !exposedBySingleton else { return required == nil }
    let tolerance = 1e-6
    let upperReached = upper.map { $0 >= required.upper - tolerance } ?? true
    return lower <= required.lower + tolerance && upperReached
  }

  /// Whether the published figures give the cell's value exactly.
  public var isDisclosedExactly: Bool {
    guard let upper else { return false }
    if integral { return (upper + 1e-6).rounded(.down) <= (lower - 1e-6).rounded(.up) }
    return upper - lower <= 1e-6
  }
}
