import EnqueteCore

/// The aggregation stage: from a campaign's current accepted reports to ``Aggregation`` (the
/// value, in `EnqueteCore`, that the secrecy stage reads).
extension Aggregation {
  /// Why a report cannot be aggregated.
  public enum Problem: Error, Hashable, Sendable, CustomStringConvertible {
    /// The report's département is not in the reference geography.
    case unknownDepartement(siret: String, code: String)
    /// Two current reports for one SIRET.
    case duplicateService(siret: String)
    /// A report's categories do not add up to its total (or one of them is missing): the rules
    /// should have refused it.
    case unbalancedBreakdown(siret: String, table: String)

    /// A French message (names the service, never a value).
    public var description: String {
      switch self {
      case .unknownDepartement(let siret, let code): "service \(siret) : département « \(code) » inconnu"
      case .duplicateService(let siret): "service \(siret) : deux rapports courants pour la même année"
      case .unbalancedBreakdown(let siret, let table):
        "service \(siret) : les catégories du tableau \(table) ne s'additionnent pas à leur total"
      }
    }
  }

  /// Aggregates `reports` of `year` under `plan`; `expected` is the campaign's directory (the
  /// services expected to answer), which tells a unit where nobody answered (``isNotAvailable(_:)``)
  /// from one where no service exists. A directory entry outside the reference geography is left
  /// out of the counts.
  /// - Complexity: O(reports × published variables × levels + measures + directory × levels).
  public init(
    plan: PublicationPlan, year: Int, reports: [ReportFigures], expected: [ExpectedRespondent] = [],
    geography: Geography = .reference
  ) throws(Problem) {
    var seen = Set<String>()
    for report in reports {
      guard seen.insert(report.siret).inserted else { throw .duplicateService(siret: report.siret) }
      guard geography.departement(code: report.departementCode) != nil else {
        throw .unknownDepartement(siret: report.siret, code: report.departementCode)
      }
    }
    let units = GeographicUnits(
      levels: Set(plan.levels), geography: geography,
      services: reports.map { ($0.siret, $0.name, $0.departementCode) })
    var levelsByVariable: [String: Set<GeographicLevel>] = [:]
    for table in plan.tables {
      for column in table.columns { levelsByVariable[column.variable, default: []].formUnion(table.levels) }
    }
    var cells: [String: [AggregatedCell]] = [:]
    for variable in levelsByVariable.keys {
      cells[variable] = units.units.indices.map { AggregatedCell(variable: variable, unit: $0) }
    }
    var waits = [[(days: Int, observed: Bool)]](repeating: [], count: units.units.count)
    var reportCounts = [Int](repeating: 0, count: units.units.count)
    var imputedCounts = reportCounts
    let censoredAt = CivilDate(year: year, month: 12, day: 31)!
    for report in reports {
      let reportWaits = report.measures.compactMap { $0.wait(censoredAt: censoredAt) }
      var numbers = Self.withDerived(report.numbers, plan.derivedVariables)
      if let classes = plan.waitClasses, !report.measures.isEmpty {
        numbers.merge(classes.counts(reportWaits)) { first, _ in first }
      }
      try Self.checkBreakdowns(numbers, plan, siret: report.siret)
      let containing = units.units(
        containing: report.departementCode, siret: report.siret, geography: geography)
      for unit in containing {
        reportCounts[unit] += 1
        if report.imputed { imputedCounts[unit] += 1 }
        waits[unit] += reportWaits
      }
      for (variable, levels) in levelsByVariable {
        guard let value = numbers[variable] else { continue }
        for unit in containing where levels.contains(units.units[unit].level) {
          cells[variable]![unit].add(value)
        }
      }
    }
    // Every respondent counts as expected, listed or not; a directory service that did not answer
    // counts under its département's units.
    var expectedCounts = reportCounts
    for service in expected where !seen.contains(service.siret) {
      guard geography.departement(code: service.departementCode) != nil else { continue }
      for unit in units.units(containing: service.departementCode, siret: service.siret, geography: geography)
      {
        expectedCounts[unit] += 1
      }
    }
    self.init(
      plan: plan, year: year, units: units, cells: cells, waits: waits, reportCounts: reportCounts,
      imputedCounts: imputedCounts, expectedCounts: expectedCounts, levelsByVariable: levelsByVariable)
  }

  /// The report's numbers with the plan's derived variables added (absent when a part is).
  static func withDerived(_ numbers: [String: Double], _ derived: [DerivedVariable]) -> [String: Double] {
    var result = numbers
    for variable in derived {
      let parts = variable.sumOf.compactMap { result[$0] }
      if parts.count == variable.sumOf.count { result[variable.name] = parts.reduce(0, +) }
    }
    return result
  }

  /// Checks that the report's categories add up to their total in every breakdown where the
  /// total is reported.
  static func checkBreakdowns(
    _ numbers: [String: Double], _ plan: PublicationPlan, siret: String
  ) throws(Problem) {
    for table in plan.tables {
      guard let total = table.total, let categories = table.categories, let value = numbers[total.variable]
      else {
        continue
      }
      let parts = categories.compactMap { numbers[$0.variable] }
      let sum = parts.reduce(0, +)
      guard parts.count == categories.count, abs(sum - value) <= 1e-6 * max(1, abs(value)) else {
        throw .unbalancedBreakdown(siret: siret, table: table.id)
      }
    }
  }
}
