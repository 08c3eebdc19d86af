import EnqueteCore

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
