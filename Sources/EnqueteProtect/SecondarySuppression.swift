import EnqueteCore
import Logging

/// A first secondary-suppression heuristic, always finished by the LP audit.
///
/// 1. Start from the primaries (``PrimaryRules``).
/// 2. Close the lines: while some equation has exactly one hidden cell, hide the cheapest
///    publishable cell of that equation (equations in table order).
/// 3. Audit (``ProtectionAudit``). For every primary that fails, hide the cheapest publishable
///    cell nearest to it: first among the cells of its own equations, else one equation further,
///    and so on. Close the lines again and audit again, until the audit passes or nothing is left
///    to hide.
///
/// "Cheapest" is the smallest value, then the fewest contributors, then the smallest identifier,
/// so the result is deterministic. Structural zeros are never hidden.
public struct SecondarySuppression {
  /// The rules: primaries, thresholds, required protection.
  public var settings: SecrecySettings
  private let logger: Logger?

  /// Creates the heuristic; `logger` receives counts only, never a cell value.
  public init(settings: SecrecySettings = SecrecySettings(), logger: Logger? = nil) {
    self.settings = settings
    self.logger = logger
  }

  /// Protects `table`: its statuses after primary and secondary suppression, and their audit.
  /// - Complexity: one audit per round; a round adds at least one suppression per failing primary.
  public func protect(_ table: AdditiveTable) throws(ProtectionAudit.Problem) -> ProtectionResult {
    var statuses = PrimaryRules.statuses(of: table, settings: settings)
    let equationsByCell = table.equationsByCell()
    let audit = ProtectionAudit(settings: settings, logger: logger)
    var rounds = 0
    while true {
      rounds += 1
      closeLines(table, &statuses)
      let report = try audit.audit(table, statuses: statuses)
      logger?.debug(
        "secondary suppression round",
        metadata: ["round": "\(rounds)", "failures": "\(report.failures.count)"])
      var added = false
      for failure in report.failures {
        // An earlier addition of this round may already have covered this cell: hide anyway,
        // the next audit decides.
        if let cell = nearestCandidate(to: failure.index, table, statuses, equationsByCell) {
          statuses[cell] = .secondary
          added = true
        }
      }
      if !added { return ProtectionResult(statuses: statuses, audit: report, rounds: rounds) }
    }
  }

  /// Hides cells until no equation has exactly one hidden cell.
  func closeLines(_ table: AdditiveTable, _ statuses: inout [CellStatus]) {
    var changed = true
    while changed {
      changed = false
      for equation in table.equations {
        let cells = equation.cells
        guard cells.count(where: { statuses[$0].isSuppressed }) == 1 else { continue }
        if let cell = cheapest(cells.filter { statuses[$0] == .publishable }, table) {
          statuses[cell] = .secondary
          changed = true
        }
      }
    }
  }

  /// The cheapest publishable cell in the equations of `cell`, else of their cells, and so on.
  private func nearestCandidate(
    to cell: Int, _ table: AdditiveTable, _ statuses: [CellStatus], _ equationsByCell: [[Int]]
  ) -> Int? {
    var seenCells: Set<Int> = [cell]
    var seenEquations = Set<Int>()
    var frontier = [cell]
    while !frontier.isEmpty {
      var next: [Int] = []
      for member in frontier {
        for number in equationsByCell[member] where seenEquations.insert(number).inserted {
          for other in table.equations[number].cells where seenCells.insert(other).inserted {
            next.append(other)
          }
        }
      }
      if let best = cheapest(next.filter { statuses[$0] == .publishable }, table) { return best }
      frontier = next
    }
    return nil
  }

  /// The cell of smallest value, then fewest contributors, then smallest identifier.
  private func cheapest(_ candidates: [Int], _ table: AdditiveTable) -> Int? {
    candidates.min { left, right in
      let a = table.cells[left]
      let b = table.cells[right]
      if a.value != b.value { return a.value < b.value }
      if a.contributors != b.contributors { return a.contributors < b.contributors }
      return a.id < b.id
    }
  }
}
