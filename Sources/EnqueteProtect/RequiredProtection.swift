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

  /// The protection `cell` requires with `status`: ``of(status:value:settings:)``, widened for a
  /// p% primary (`F`) to τ-Argus's p% protection level: `p % × x₁ − (v − x₁ − x₂)` on each side,
  /// so that the second largest contributor cannot estimate the largest within p %.
  public static func of(cell: TableCell, status: CellStatus, settings: SecrecySettings) -> RequiredProtection?
  {
    var own = settings
    if let threshold = cell.frequencyThreshold { own.frequencyThreshold = threshold }
    guard var result = of(status: status, value: cell.value, settings: own) else { return nil }
    if cell.integral == true {
      // A reader rounds a count's bounds to whole numbers: the interval must reach the whole
      // numbers beyond the required ones.
      result.lower = (result.lower + 1e-9).rounded(.down)
      result.upper = (result.upper - 1e-9).rounded(.up)
    }
    // No hidden cell can go below what a reader knows of every hidden cell (a hidden count is at
    // least 1, zeros being published): the interval need not reach further down.
    result.lower = max(result.lower, min(cell.value, cell.hiddenLowerBound))
    // Where every zero is published, a reader knows a hidden count is at least the number of its
    // nonzero parts: what a small count must keep secret is that it is small, so its protection
    // is the upper side reaching the threshold.
    // (A count of persons: the frequency rule counts the value itself.)
    if status == .primaryFrequency, cell.knownLowerBound != nil, cell.countsItsValue {
      result.lower = cell.value
    }
    if status == .primaryPPercent, let p = settings.pPercent, let largest = cell.largestContributions,
      let first = largest.first
    {
      let second = largest.count > 1 ? largest[1] : 0
      let margin = p / 100 * first - (cell.value - first - second)
      result.upper = max(result.upper, cell.value + margin)
      result.lower = min(result.lower, cell.value - margin)
    }
    return result
  }
}
