import EnqueteCore
import Logging

extension KnowledgeComparison {
  /// Compares the protection of `full` (linked with everything a reader knows, `protections`
  /// under `settings`) with the protection of `plain` (the same aggregation linked with the
  /// equations alone) under `plan`'s rules, that pattern audited against `full`.
  /// - Complexity: one protection of every plain system and one audit of every full one.
  public static func run(
    plan: PublicationPlan, full: LinkedTables, plain: LinkedTables, _ protections: [ProtectionResult],
    _ settings: [SecrecySettings], logger: Logger?
  ) throws -> KnowledgeComparison {
    let plainProtections = try LinkedProtection.protectAll(
      plain.systems.map(\.table), LinkedProtection.settings(plain, plan: plan), logger: logger)
    var hiddenByPlain = Set<String>()
    var plainValue = 0.0
    for (system, result) in zip(plain.systems, plainProtections) {
      for (cell, status) in zip(system.table.cells, result.statuses) where status.isSuppressed {
        hiddenByPlain.insert(cell.id)
        plainValue += cell.value
      }
    }
    var failing = 0
    var recomputable = 0
    var fullValue = 0.0
    for (number, system) in full.systems.enumerated() {
      for (cell, status) in zip(system.table.cells, protections[number].statuses) where status.isSuppressed {
        fullValue += cell.value
      }
      var statuses = PrimaryRules.statuses(of: system.table, settings: settings[number])
      for (index, cell) in system.table.cells.enumerated()
      where hiddenByPlain.contains(cell.id) && !statuses[index].isPrimary {
        statuses[index] = .secondary
      }
      let audit = try ProtectionAudit(settings: settings[number]).audit(system.table, statuses: statuses)
      failing += audit.failures.count
      recomputable += audit.cells.count(where: \.isDisclosedExactly)
    }
    return KnowledgeComparison(
      fullHidden: protections.reduce(0) { $0 + $1.statuses.count(where: \.isSuppressed) },
      fullHiddenValue: fullValue, equationsOnlyHidden: hiddenByPlain.count,
      equationsOnlyHiddenValue: plainValue, equationsOnlyFailingPrimaries: failing,
      equationsOnlyRecomputable: recomputable)
  }
}
