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

  /// Creates the audit of one cell.
  public init(
    index: Int, id: String, status: CellStatus, value: Double, lower: Double, upper: Double?,
    required: RequiredProtection?
  ) {
    self.index = index
    self.id = id
    self.status = status
    self.value = value
    self.lower = lower
    self.upper = upper
    self.required = required
  }

  /// Whether the interval reaches the required protection (always true for a secondary).
  public var passes: Bool {
    guard let required else { return true }
    let tolerance = 1e-6
    let upperReached = upper.map { $0 >= required.upper - tolerance } ?? true
    return lower <= required.lower + tolerance && upperReached
  }

  /// Whether the published figures give the cell's value exactly.
  public var isDisclosedExactly: Bool {
    guard let upper else { return false }
    return upper - lower <= 1e-6
  }
}

/// The interval a primary cell's proved interval must cover: `lower` must be reached from above
/// (the proved minimum at most `lower`) and `upper` from below (the proved maximum at least `upper`).
public struct RequiredProtection: Sendable, Hashable {
  /// The proved minimum must be at most this.
  public var lower: Double
  /// The proved maximum must be at least this.
  public var upper: Double

  /// Creates a required protection.
  public init(lower: Double, upper: Double) {
    self.lower = lower
    self.upper = upper
  }

  /// The protection a primary with this status and value requires under `settings`.
  ///
  /// - Every primary: the interval must cover `[v × (1 − r), v × (1 + r)]`, r the protection ratio
  ///   (INSEE's `MAN(10)` for r = 0.10).
  /// - A frequency primary (`A`) also needs its maximum to reach the threshold: the attacker must
  ///   not be able to tell a small count from a publishable one.
  ///
  /// Returns `nil` for a status that requires no protection.
  public static func of(
    status: CellStatus, value: Double, settings: SecrecySettings
  )
    -> RequiredProtection?
  {
    guard status.isPrimary else { return nil }
    let ratio = settings.protectionRatio
    var upper = value * (1 + ratio)
    if status == .primaryFrequency { upper = max(upper, Double(settings.frequencyThreshold)) }
    return RequiredProtection(lower: value * (1 - ratio), upper: upper)
  }
}
