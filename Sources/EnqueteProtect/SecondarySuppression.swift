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
/// 4. Prune (when ``prunes``): try to publish each secondary again, largest value first; keep it
///    published when no equation is left with a single hidden cell and the audit still passes.
///
/// "Cheapest" is the smallest value, then the fewest contributors, then the smallest identifier,
/// so the result is deterministic. Structural zeros are never hidden.
public struct SecondarySuppression {
  /// The rules: primaries, thresholds, required protection.
  public var settings: SecrecySettings
  /// Whether to publish again the secondaries the audit shows unnecessary (one audit each).
  public var prunes: Bool
  private let logger: Logger?

  /// Creates the heuristic; `logger` receives counts only, never a cell value.
  public init(settings: SecrecySettings = SecrecySettings(), prunes: Bool = true, logger: Logger? = nil) {
    self.settings = settings
    self.prunes = prunes
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
      closeLines(table, &statuses, equationsByCell)
      let failures = try audit.failingPrimaries(table, statuses: statuses)
      logger?.debug(
        "secondary suppression round", metadata: ["round": "\(rounds)", "failures": "\(failures.count)"])
      var added = false
      for failure in failures {
        // An earlier addition of this round may already have covered this cell: hide anyway,
        // the next audit decides.
        if let cell = nearestCandidate(to: failure, table, statuses, equationsByCell) {
          statuses[cell] = .secondary
          added = true
        }
      }
      guard !added else { continue }
      if prunes && failures.isEmpty {
        try prune(table, &statuses, equationsByCell, audit)
      }
      return ProtectionResult(
        statuses: statuses, audit: try audit.audit(table, statuses: statuses), rounds: rounds)
    }
  }

  /// Hides cells until no equation has exactly one hidden cell.
  ///
  /// Equations are taken in table order; each one left with a single hidden cell gets the
  /// publishable cell of least value per line it closes (itself and any other equation that has a
  /// single hidden cell), then fewest contributors, then smallest identifier.
  func closeLines(_ table: AdditiveTable, _ statuses: inout [CellStatus], _ equationsByCell: [[Int]]) {
    var hiddenCount = table.equations.map { $0.cells.count { statuses[$0].isSuppressed } }
    var changed = true
    while changed {
      changed = false
      for (number, equation) in table.equations.enumerated() where hiddenCount[number] == 1 {
        let candidates = equation.cells.filter { statuses[$0] == .publishable }
        let closes = candidates.map { cell in equationsByCell[cell].count { hiddenCount[$0] == 1 } }
        let best = candidates.indices.min { left, right in
          let a = table.cells[candidates[left]]
          let b = table.cells[candidates[right]]
          let costA = a.value / Double(closes[left])
          let costB = b.value / Double(closes[right])
          if costA != costB { return costA < costB }
          if a.contributors != b.contributors { return a.contributors < b.contributors }
          return a.id < b.id
        }
        guard let best else { continue }
        statuses[candidates[best]] = .secondary
        for other in equationsByCell[candidates[best]] { hiddenCount[other] += 1 }
        changed = true
      }
    }
  }

  /// Publishes again, largest value first (then largest identifier), every secondary without which
  /// no equation has a single hidden cell and the audit still passes.
  /// - Complexity: one audit (stopping at the first failing primary) per secondary that passes the
  ///   line check.
  private func prune(
    _ table: AdditiveTable, _ statuses: inout [CellStatus], _ equationsByCell: [[Int]],
    _ audit: ProtectionAudit
  ) throws(ProtectionAudit.Problem) {
    let secondaries = statuses.indices.filter { statuses[$0] == .secondary }.sorted { left, right in
      let a = table.cells[left]
      let b = table.cells[right]
      return a.value != b.value ? a.value > b.value : a.id > b.id
    }
    // One program for the whole pruning: publishing a cell again fixes its column at its value.
    let (program, hidden) = try audit.program(table, statuses)
    var column: [Int: Int] = [:]
    for (position, cell) in hidden.enumerated() { column[cell] = position }
    var pruned = 0
    for cell in secondaries {
      statuses[cell] = .publishable
      let linesClosed = equationsByCell[cell].allSatisfy { number in
        table.equations[number].cells.count { statuses[$0].isSuppressed } != 1
      }
      if linesClosed, let position = column[cell] {
        program.fix(position, at: table.cells[cell].value)
        if try audit.failingPrimaries(program, hidden: hidden, table, statuses, stoppingAtFirst: true).isEmpty
        {
          pruned += 1
          continue
        }
        program.release(position)
      }
      statuses[cell] = .secondary
    }
    logger?.debug("secondary suppression pruned", metadata: ["published again": "\(pruned)"])
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
