import EnqueteCore

extension LinkedTables {
  /// The variable of a cell identifier `variable|niveau|code`.
  static func variable(ofCellID id: String) -> String {
    String(id[..<(id.firstIndex(of: "|") ?? id.endIndex)])
  }

  /// The facts a reader will know of this publication, as the secrecy stage must assume them
  /// before it knows which cells it hides: structural zeros published (a zero is never hidden).
  /// Indicators are shown only where every cell they use is published (a waiting time, where every
  /// waiting class is), so they say nothing of a hidden cell and are left out here; the reader's
  /// audit includes them all the same.
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
    let reading = AttackerKnowledge.Reading(
      units: readerUnits, exists: { cells[$0] != nil }, published: { isZero($0) ? 0 : nil },
      indicator: { _, _ in .absent })
    return knowledge.facts(reading)
  }

  /// An equation `total = Σ parts` as the terms `{(total, −1), (part, +1)…}`, sorted, sign fixed
  /// by the first cell: two linear equations with the same signature say the same.
  static func signature(_ equation: TableEquation) -> [Double] {
    signature(equation.terms.map { ($0.cell, $0.coefficient) })
  }

  /// The signature of `Σ coefficient × cell = 0`.
  static func signature(_ terms: [(Int, Double)]) -> [Double] {
    let sorted = terms.sorted { $0.0 < $1.0 }
    let sign = (sorted.first?.1 ?? 1) < 0 ? -1.0 : 1.0
    return sorted.flatMap { [Double($0.0), $0.1 * sign] }
  }
}
