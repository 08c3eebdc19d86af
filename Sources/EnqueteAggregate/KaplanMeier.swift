/// The Kaplan–Meier estimator of a waiting-time distribution where some waits are censored
/// (measures still waiting at 31 December, or ended before a first visit).
public enum KaplanMeier {
  /// The median wait: the smallest time at which the estimated share still waiting falls to one
  /// half or below; nil when it never does (more than half the waits censored early).
  /// - Complexity: O(n log n).
  public static func median(_ waits: [(days: Int, observed: Bool)]) -> Double? {
    quantile(0.5, waits)
  }

  /// The `p`-quantile of the wait (0 < p < 1), as ``median(_:)``.
  /// - Complexity: O(n log n).
  public static func quantile(_ p: Double, _ waits: [(days: Int, observed: Bool)]) -> Double? {
    precondition(p > 0 && p < 1, "a quantile is strictly between 0 and 1")
    // At equal times, events come before censorings (the usual convention).
    let sorted = waits.sorted { $0.days != $1.days ? $0.days < $1.days : $0.observed && !$1.observed }
    var atRisk = sorted.count
    var survival = 1.0
    var index = 0
    while index < sorted.count {
      let time = sorted[index].days
      var events = 0
      var leaving = 0
      while index < sorted.count && sorted[index].days == time {
        if sorted[index].observed { events += 1 }
        leaving += 1
        index += 1
      }
      if events > 0 {
        survival *= 1 - Double(events) / Double(atRisk)
        if survival <= 1 - p + 1e-12 { return Double(time) }
      }
      atRisk -= leaving
    }
    return nil
  }
}
