import EnqueteCore
import Logging

/// The audit of a suppression pattern by linear programming: the acceptance criterion of secrecy.
///
/// For every suppressed cell, the audit computes the minimum and the maximum the cell can take
/// given everything a reader knows: every published cell at its value (structural zeros are
/// published), every equation of the table, every constraint (rules, minima, indicators), every
/// hidden cell within what a reader knows of it (≥ 0, ≥ 1 for a count where zeros are published). A pattern passes when every primary
/// cell's interval covers its ``RequiredProtection``:
///
/// - proved minimum ≤ v × (1 − r) and proved maximum ≥ v × (1 + r) (r = 0.10 by default);
/// - for a frequency primary (`A`), proved maximum ≥ the frequency threshold as well.
///
/// Bounds are those of the continuous relaxation (the attacker is not assumed to use integrality).
/// Secondary cells are reported with their interval but require no protection. With the singleton
/// rule (``SecrecySettings/singletonRule``), a primary also fails when it and another single
/// contributor are the only hidden cells of an equation. A p% primary requires τ-Argus's p%
/// protection level (``RequiredProtection/of(cell:status:settings:)``).
public struct ProtectionAudit {
  /// The rules whose required protection is checked.
  public var settings: SecrecySettings
  let logger: Logger?

  /// Why the audit could not run.
  public enum Problem: Error, Hashable, Sendable {
    /// The statuses do not match the table's cells.
    case statusCountMismatch(cells: Int, statuses: Int)
    /// The values contradict the equations: the table is not additive.
    case inconsistentTable
  }

  /// Creates an audit with these settings; `logger` receives counts only, never a cell value.
  public init(settings: SecrecySettings = SecrecySettings(), logger: Logger? = nil) {
    self.settings = settings
    self.logger = logger
  }

  /// Audits `statuses` (one per cell; suppressed where ``CellStatus/isSuppressed``) over `table`.
  /// - Complexity: two simplex solves per suppressed cell over the equations that involve a
  ///   suppressed cell, warm-started one from the other.
  public func audit(_ table: AdditiveTable, statuses: [CellStatus]) throws(Problem) -> AuditReport {
    let (program, hidden) = try self.program(table, statuses)
    let exposed = Set(singletonFailures(table, statuses: statuses))
    var cells: [CellAudit] = []
    cells.reserveCapacity(hidden.count)
    for (position, index) in hidden.enumerated() {
      guard case .finite(let lower) = program.minimum(of: position) else {
        logger?.error("no feasible value for a hidden cell", metadata: ["cell": "\(table.cells[index].id)"])
        throw .inconsistentTable
      }
      let upper: Double?
      switch program.maximum(of: position) {
      case .finite(let value): upper = value
      case .unbounded: upper = nil
      case .infeasible: throw .inconsistentTable
      }
      let cell = table.cells[index]
      cells.append(
        CellAudit(
          index: index, id: cell.id, status: statuses[index], value: cell.value, lower: lower,
          upper: upper,
          required: RequiredProtection.of(cell: cell, status: statuses[index], settings: settings),
          exposedBySingleton: exposed.contains(index), integral: cell.integral == true))
    }
    let report = AuditReport(cells: cells)
    logger?.debug("protection audit done", metadata: ["failures": "\(report.failures.count)"])
    return report
  }

  /// The program of a pattern: one column per suppressed cell (in table order, returned), one row
  /// per equation that involves one, published cells moved to the right-hand side.
  func program(
    _ table: AdditiveTable, _ statuses: [CellStatus]
  ) throws(Problem) -> (
    BlockProgram, [Int]
  ) {
    guard statuses.count == table.cells.count else {
      throw .statusCountMismatch(cells: table.cells.count, statuses: statuses.count)
    }
    // Once a cell is hidden, a wrong value can no longer contradict the published ones: check first.
    let unbalanced = table.unbalancedEquations()
    guard unbalanced.isEmpty else {
      // Names the total cell, never a value.
      logger?.error(
        "equation does not add up",
        metadata: [
          "total": "\(table.cells[table.equations[unbalanced[0]].total].id)", "count": "\(unbalanced.count)",
        ])
      throw .inconsistentTable
    }
    let hidden = statuses.indices.filter { statuses[$0].isSuppressed }
    var column = [Int](repeating: -1, count: table.cells.count)
    for (position, cell) in hidden.enumerated() { column[cell] = position }

    let (rows, published) = AuditRows.build(table, column: column)
    // Relative to the total: published sums of amounts carry rounding of their own magnitude.
    for (number, gap) in published
    where abs(gap) > 1e-10 * max(1, abs(table.cells[table.equations[number].total].value)) {
      throw .inconsistentTable
    }
    logger?.debug(
      "protection audit",
      metadata: ["suppressed": "\(hidden.count)", "rows": "\(rows.count)", "cells": "\(table.cells.count)"])

    return (
      BlockProgram(
        columnCount: hidden.count, rows: rows, bounds: AuditRows.columnBounds(table, hidden: hidden)),
      hidden
    )
  }

  /// The primaries (in table order) that break the singleton rule: one of the only two hidden
  /// cells of an equation, both parts and single contributors (a hidden total with its one hidden
  /// part is no leak: they share their only contributor). Empty when the rule is off.
  /// - Complexity: O(total number of equation terms).
  public func singletonFailures(_ table: AdditiveTable, statuses: [CellStatus]) -> [Int] {
    guard settings.singletonRule else { return [] }
    var result = Set<Int>()
    for equation in table.equations {
      let hidden = equation.cells.filter { statuses[$0].isSuppressed }
      guard hidden.count == 2, !hidden.contains(equation.total),
        hidden.allSatisfy({ table.cells[$0].contributors == 1 })
      else { continue }
      for cell in hidden where statuses[cell].isPrimary { result.insert(cell) }
    }
    return result.sorted()
  }
}
