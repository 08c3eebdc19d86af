import EnqueteCore

/// The derived indicators of an aggregation, once the secrecy stage has said which cells are
/// published (``IndicatorCell``, a value of `EnqueteCore`).
extension IndicatorCell {
  /// Computes `indicator` at every unit of its levels. `isPublished(variable, unit)` says whether
  /// a cell is published (publishable or structural zero); `threshold` is the fewest measures a
  /// waiting time needs.
  /// - Complexity: O(units × dependencies), plus O(n log n) per unit for medians.
  public static func compute(
    _ indicator: IndicatorDefinition, _ aggregation: Aggregation, threshold: Int,
    isPublished: (String, Int) -> Bool
  ) -> [IndicatorCell] {
    let units = aggregation.units.units
    return units.indices.filter { indicator.levels.contains(units[$0].level) }.map { unit in
      func cell(_ value: Double?, _ status: CellStatus) -> IndicatorCell {
        IndicatorCell(indicator: indicator.id, unit: unit, value: value, status: status)
      }
      switch indicator.kind {
      case .services:
        // Nobody answered where services are expected: 0 respondents is a fact, shown as such.
        return cell(
          Double(aggregation.respondents(unit)),
          aggregation.expectedCounts[unit] == 0 ? .structuralZero : .publishable)
      case .imputedServices:
        return cell(
          Double(aggregation.imputedCounts[unit]),
          aggregation.expectedCounts[unit] == 0 ? .structuralZero : .publishable)
      case .expectedServices:
        return cell(
          Double(aggregation.expectedCounts[unit]),
          aggregation.expectedCounts[unit] == 0 ? .structuralZero : .publishable)
      case _ where aggregation.isNotAvailable(unit):
        return cell(nil, .notAvailable)
      case .share, .ratio:
        guard indicator.dependencies.allSatisfy({ isPublished($0, unit) }) else {
          return cell(nil, .secondary)
        }
        let numerator = indicator.numerator!.reduce(0) { $0 + (aggregation.cell($1, unit)?.value ?? 0) }
        let denominator = aggregation.cell(indicator.denominator!, unit)?.value ?? 0
        guard denominator > 0 else { return cell(nil, .structuralZero) }
        return cell((indicator.kind == .share ? 100 : 1) * numerator / denominator, .publishable)
      case .waitMean, .waitMedian:
        // Published only where every waiting class is: the classes are its base, and a waiting
        // time beside a hidden class bounds it (docs/protection.md).
        if let classes = aggregation.plan.waitClasses,
          !classes.variables.allSatisfy({ isPublished($0, unit) })
        {
          return cell(nil, .secondary)
        }
        let waits = aggregation.waits[unit]
        if waits.isEmpty { return cell(nil, .structuralZero) }
        if waits.count < threshold { return cell(nil, .primaryFrequency) }
        if indicator.kind == .waitMedian {
          guard let median = KaplanMeier.median(waits) else { return cell(nil, .structuralZero) }
          return cell(median, .publishable)
        }
        let started = waits.filter(\.observed)
        if started.count < threshold { return cell(nil, .primaryFrequency) }
        return cell(Double(started.reduce(0) { $0 + $1.days }) / Double(started.count), .publishable)
      }
    }
  }
}
