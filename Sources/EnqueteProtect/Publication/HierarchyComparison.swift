import EnqueteCore
import Logging

extension HierarchyComparison {
  /// Compares the joint protection (`protections` of `joint`) with the protections of
  /// `regionsOnly` and `coursOnly` (the same aggregation linked without the cours d'appel, then
  /// without the régions; systems in the same order, `settings` for each).
  /// - Complexity: two protections of every system, and one audit of each joint system.
  public static func run(
    joint: LinkedTables, regionsOnly: LinkedTables, coursOnly: LinkedTables,
    _ protections: [ProtectionResult],
    _ settings: [SecrecySettings], logger: Logger?
  ) throws -> HierarchyComparison {
    // Systems keep their order when a level is left out (same variables, fewer units).
    let regionProtections = try LinkedProtection.protectAll(
      regionsOnly.systems.map(\.table), settings, logger: logger)
    let courProtections = try LinkedProtection.protectAll(
      coursOnly.systems.map(\.table), settings, logger: logger)
    var hiddenInUnion = Set<String>()
    for (tables, results) in [(regionsOnly, regionProtections), (coursOnly, courProtections)] {
      for (system, result) in zip(tables.systems, results) {
        for (cell, status) in zip(system.table.cells, result.statuses) where status.isSuppressed {
          hiddenInUnion.insert(cell.id)
        }
      }
    }
    var unionFailures = 0
    var unionHidden = 0
    for (number, system) in joint.systems.enumerated() {
      var statuses = PrimaryRules.statuses(of: system.table, settings: settings[number])
      for (index, cell) in system.table.cells.enumerated()
      where hiddenInUnion.contains(cell.id) && !statuses[index].isPrimary {
        statuses[index] = .secondary
      }
      unionHidden += statuses.count(where: \.isSuppressed)
      unionFailures += try ProtectionAudit(settings: settings[number]).audit(system.table, statuses: statuses)
        .failures.count
    }
    func hidden(_ results: [ProtectionResult]) -> Int {
      results.reduce(0) { $0 + $1.statuses.count(where: \.isSuppressed) }
    }
    return HierarchyComparison(
      jointHidden: hidden(protections), regionsAloneHidden: hidden(regionProtections),
      coursAloneHidden: hidden(courProtections), unionHidden: unionHidden,
      unionFailingPrimaries: unionFailures)
  }
}
