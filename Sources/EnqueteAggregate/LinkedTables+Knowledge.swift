import EnqueteCore

extension LinkedTables {
  /// The variable of a cell identifier `variable|niveau|code`.
  static func variable(ofCellID id: String) -> String {
    String(id[..<(id.firstIndex(of: "|") ?? id.endIndex)])
  }

  /// The facts a reader will know of this publication, as the secrecy stage must assume them
  /// before it knows which cells it hides: structural zeros published (a zero is never hidden),
  /// waiting times as they will be shown (their publication depends on counts of measures, not on
  /// the pattern). Shares and ratios are shown only where every cell they use is published, so
  /// they say nothing of a hidden cell and are left out here.
  /// - Complexity: O(units × (rules + indicators + variables)).
  static func facts(
    _ knowledge: AttackerKnowledge, _ aggregation: Aggregation, _ excluded: Set<GeographicLevel>
  ) -> [AttackerKnowledge.Fact] {
    let plan = aggregation.plan
    let units = aggregation.units.units
    let included = units.indices.filter { !excluded.contains(units[$0].level) }
    let readerUnits = included.map { unit in
      AttackerKnowledge.Unit(
        level: units[unit].level, code: units[unit].code, services: aggregation.reportCounts[unit])
    }
    var cells: [String: AggregatedCell] = [:]
    for (variable, levels) in aggregation.levelsByVariable {
      for unit in included where levels.contains(units[unit].level) {
        cells[cellID(variable, units[unit])] = aggregation.cell(variable, unit)
      }
    }
    let ruleByVariable = plan.ruleByVariable
    func isZero(_ id: String) -> Bool {
      guard let cell = cells[id], let rule = ruleByVariable[cell.variable].flatMap({ plan.rules[$0] }) else {
        return false
      }
      return rule.basis == .value ? cell.value == 0 : cell.services == 0
    }
    var shown: [String: [Int: AttackerKnowledge.Shown]] = [:]
    for indicator in plan.indicators where indicator.kind == .waitMean || indicator.kind == .waitMedian {
      let computed = IndicatorCell.compute(
        indicator, aggregation, threshold: plan.rules["effectifs"]?.threshold ?? 5
      ) { _, _ in true }
      for cell in computed {
        switch cell.status {
        case .publishable:
          shown[indicator.id, default: [:]][cell.unit] = .value(roundedIndicator(cell.value ?? 0))
        case .structuralZero: break
        default: shown[indicator.id, default: [:]][cell.unit] = .secret
        }
      }
    }
    let reading = AttackerKnowledge.Reading(
      units: readerUnits, exists: { cells[$0] != nil }, published: { isZero($0) ? 0 : nil },
      indicator: { id, position in shown[id]?[included[position]] ?? .absent })
    return knowledge.facts(reading)
  }

  /// An indicator as the open data gives it (``AttackerKnowledge/indicatorDecimals`` decimals).
  public static func roundedIndicator(_ value: Double) -> Double {
    var scale = 1.0
    for _ in 0..<AttackerKnowledge.indicatorDecimals { scale *= 10 }
    return (value * scale).rounded() / scale
  }
}

extension TableCell {
  /// Narrows what a reader knows of the cell by a fact on it alone (`lower ≤ coefficient × cell ≤
  /// upper`): a bound, not a constraint.
  public mutating func bound(by fact: AttackerKnowledge.Fact) {
    guard fact.terms.count == 1, fact.terms[0].coefficient != 0 else { return }
    let coefficient = fact.terms[0].coefficient
    var low = fact.lower.map { $0 / coefficient }
    var high = fact.upper.map { $0 / coefficient }
    if coefficient < 0 { (low, high) = (high, low) }
    if let low { knownLowerBound = max(knownLowerBound ?? 0, low) }
    if let high { knownUpperBound = min(knownUpperBound ?? .infinity, high) }
  }
}
