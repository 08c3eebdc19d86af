import EnqueteCore
import Logging

/// Secondary suppression, always finished by the LP audit.
///
/// By default (``placement`` ``Placement/cuttingPlanes``, tables up to ``cuttingPlaneLimit``
/// cells) the pattern is the cheapest that meets the conditions every protection needs, by integer
/// programming with a cut from the audit for each primary still under-protected
/// (``placeByCuttingPlanes(_:statuses:)``), then pruned (step 4). Otherwise, or should its cuts not
/// settle, on a plain table:
///
/// 1. Start from the primaries (``PrimaryRules``).
/// 2. Close the lines: while some equation has exactly one hidden cell, hide the cheapest
///    publishable cell of that equation (equations in table order).
/// 3. Audit (``ProtectionAudit``). For every primary that fails, hide the cheapest publishable
///    cell nearest to it: first among the cells of its own equations, else one equation further,
///    and so on. Close the lines again and audit again, until the audit passes or nothing is left
///    to hide.
/// 4. Prune (when ``prunes``): try to publish each secondary again, dearest first, together with
///    the secondaries it would leave alone in an equation (they would be recomputable); keep them
///    published when no equation is left with a single hidden cell and every primary is still
///    proved (sparse LP proofs, re-solved only where they used a cell published again: the same
///    verdict as the audit's).
///
/// "Cheapest" is the smallest cost (``TableCell/hidingCost``: the value unless the table gives the
/// cell a cost), then the fewest contributors, then the smallest identifier, so the result is
/// deterministic; pruning tries the dearest secondaries first. Structural zeros are never hidden.
public struct SecondarySuppression: Sendable {
  /// The rules: primaries, thresholds, required protection.
  public var settings: SecrecySettings
  /// Whether to publish again the secondaries that turn out unnecessary.
  public var prunes: Bool
  /// The cost of hiding one more cell, added to its value when comparing patterns: 0 minimises
  /// the hidden value alone, larger values favour fewer cells.
  public var cellWeight: Double
  /// How the first pattern is placed (``Placement``; default ``Placement/cuttingPlanes``).
  public var placement: Placement
  /// The largest table (in cells) whose pruning may prove cells by the LP; larger ones prune by
  /// hypercubes of hidden cells only (a size rule, not a time limit: the result stays deterministic).
  /// The default, 11 000, takes the peers' 3-D table of 10 080 cells (1.7 s); the 13 104-cell
  /// publication-shaped table would take 41 s instead of 5 s, the 27 720-cell one 421 s instead of
  /// 10 s (the LP proofs then solve programs over thousands of hidden cells tied together).
  public var programPruningLimit: Int
  /// The branch-and-bound nodes each integer program of ``Placement/cuttingPlanes`` may open
  /// (a count, not a time, so that the pattern is the same on every machine).
  public var cuttingPlaneNodeLimit: Int = 1_000
  /// The audit rounds of ``Placement/cuttingPlanes`` that may add cuts before the repair rounds
  /// of ``protect(_:)`` take over.
  public var cuttingPlaneRounds: Int = 12
  /// The probe patterns each round of ``Placement/cuttingPlanes`` reads cuts from besides its own
  /// (``cutsLookingAhead(_:_:statuses:failing:hideable:cost:audit:)``); 0 reads none. With 4 (the
  /// default), the sample campaign's largest systems settle within the rounds (médiation
  /// familiale's 3 731 cells in 10 rounds, where 12 rounds without probes leave 26 primaries to the
  /// repair rounds) and their patterns cost 21 % and 2 % less (gaps to the bound 15 % and 9 %,
  /// against 37 % and 16 %; médiation familiale 2024's, 38 % less, gap 12 % against 53 %). On
  /// since every earlier publication is audited with the new one as one system and the
  /// secondaries an earlier folder showed are published again (docs/publication.md): before,
  /// these patterns let a reader of the sample's three successive publications recompute 3 hidden
  /// cells.
  public var cuttingPlaneLookahead: Int = 4
  /// The largest table (in cells) whose rounds look ahead: on larger ones an audit and its cuts
  /// cost too much per probe (the 12 936-cell publication-shaped table: a relaxation of 18 s a
  /// round with the probes' cuts, for no fewer failures; the peers' 27 720-cell table loses the
  /// round that settles nearly every primary). The peers' 10 080-cell table gives the same pattern
  /// either way.
  public var cuttingPlaneLookaheadLimit: Int = 11_000
  /// The rounds of ``Placement/cuttingPlanes`` in a row that may leave no fewer primaries
  /// under-protected than the best round before the repair rounds take over from that round's
  /// pattern (a count, so the pattern is the same on every machine).
  public var cuttingPlaneStallRounds: Int = 2
  /// On a crossed table whose cuts did not settle, the largest share of primaries the best round
  /// may leave under-protected for the repair rounds to finish its pattern; above it each
  /// primary's cheapest protecting change by LP completes it (on the peers' 27 720-cell table the
  /// best round leaves 24 of 3 248 primaries and the repair gives 1 774 cells where the hypercubes
  /// give 3 224; on the 12 936-cell publication-shaped table, 273 of 1 040, where the repair gives
  /// 5 532 cells (value hidden beyond the primaries), the hypercubes 2 143 (47 419) and the LP
  /// completion 2 093 (40 616)).
  public var cuttingPlaneRepairShare: Double = 0.05
  /// The largest table (in cells) that ``Placement/cuttingPlanes`` takes; larger ones are placed
  /// by hypercubes (crossed tables) or the repair rounds. 30 000 takes the peers' 27 720-cell
  /// table (placed, repaired and audited in 33 s here, where 12 rounds of cuts took 93 s before
  /// the best round and the stall rule).
  public var cuttingPlaneLimit: Int = 30_000
  let logger: Logger?

  /// How the first pattern is placed: on a crossed table, by one of these; on a plain table
  /// (``protect(_:)``), by cutting planes, or by line closing and audit rounds for any other value.
  public enum Placement: String, Sendable, Hashable, CaseIterable {
    /// The cheapest hypercube through each primary (fast; fewer cells).
    case hypercubes
    /// The cheapest protecting change by LP through each primary (slower; less value on 2-D tables).
    case linearProgram
    /// The cheapest pattern that meets the conditions every protection needs, by integer
    /// programming, with a cut for each primary the audit still finds under-protected
    /// (``placeByCuttingPlanes(_:statuses:)``): the fewest, smallest cells.
    case cuttingPlanes
  }

  /// Creates the heuristic; `logger` receives counts only, never a cell value.
  public init(
    settings: SecrecySettings = SecrecySettings(), prunes: Bool = true, cellWeight: Double = 1,
    placement: Placement = .cuttingPlanes, programPruningLimit: Int = 11_000, logger: Logger? = nil
  ) {
    self.placement = placement
    self.programPruningLimit = programPruningLimit
    self.settings = settings
    self.prunes = prunes
    self.cellWeight = cellWeight
    self.logger = logger
  }

  /// Protects `table`: its statuses after primary and secondary suppression, and their audit.
  /// - Complexity: one audit per round; a round adds at least one suppression per failing primary.
  public func protect(_ table: AdditiveTable) throws(ProtectionAudit.Problem) -> ProtectionResult {
    try protect(table, statuses: PrimaryRules.statuses(of: table, settings: settings))
  }

  /// Protects `table` whose primaries (and any secondary already chosen) are given in `statuses`.
  ///
  /// With ``placement`` ``Placement/cuttingPlanes`` (the default) and at most
  /// ``cuttingPlaneLimit`` cells, steps 2 and 3 are replaced by the integer program with the
  /// audit's cuts (``placeByCuttingPlanes(_:statuses:)``); should its cuts not settle every
  /// primary, steps 2 and 3 run from the placed pattern. Pruning follows either way.
  /// - Complexity: see ``protect(_:)``.
  public func protect(
    _ table: AdditiveTable, statuses given: [CellStatus]
  ) throws(ProtectionAudit.Problem) -> ProtectionResult {
    guard given.count == table.cells.count else {
      throw .statusCountMismatch(cells: table.cells.count, statuses: given.count)
    }
    var statuses: [CellStatus]
    var rounds: Int
    var bound: Double?
    if placement == .cuttingPlanes, table.cells.count <= cuttingPlaneLimit {
      let placed = try placeByCuttingPlanes(table, statuses: given)
      bound = placed.bound
      if placed.passes {
        (statuses, rounds) = (placed.statuses, placed.rounds)
      } else {
        // The cuts did not settle every primary: the repair rounds go on from the best round's
        // pattern, which protects most of them already (pruning then publishes what proves unneeded).
        let repaired = try repair(table, placed.statuses)
        (statuses, rounds) = (repaired.statuses, placed.rounds + repaired.rounds)
      }
    } else {
      (statuses, rounds) = try repair(table, given)
    }
    return try pruneAndFinish(table, statuses, rounds: rounds, bound: bound)
  }

  /// Step 4 and the full audit: prunes `statuses` (when ``prunes``, on tables of at most
  /// ``programPruningLimit`` cells), audits, repairs should the audit still fail, and records the
  /// placement's lower bound.
  func pruneAndFinish(
    _ table: AdditiveTable, _ placed: [CellStatus], rounds: Int, bound: Double?
  ) throws(ProtectionAudit.Problem) -> ProtectionResult {
    var statuses = placed
    // Pruning proves every primary by the LP and re-proves those a published cell served: on
    // tables over ``programPruningLimit`` cells those programs tie thousands of hidden cells
    // together (minutes on the 27 720-cell table), and the integer program's pattern has little
    // to give back.
    if prunes, table.cells.count <= programPruningLimit {
      var state = PatternState(table: table, statuses: statuses, settings: settings, cellWeight: cellWeight)
      if try proveByProgram(&state) {
        try pruneWithProofs(&state, determined: true) { _, _ in nil }
        statuses = state.statuses
      }
    }
    // The proofs decide as the audit does; should they not (a constraint the pruning could not
    // use), the repair rounds go on from the pruned pattern.
    var result = try finish(table, statuses, rounds: rounds)
    result.lowerBound = bound
    return result
  }

  /// `statuses` completed over `table` by the repair rounds (lines closed, the nearest cheapest
  /// cell added to each primary that fails), then audited: the pattern kept, completed, for a
  /// table that learnt more about its cells since it was placed, or a pattern given more cells.
  /// - Complexity: as ``protect(_:)``'s repair rounds, and one audit.
  public func reinforce(
    _ table: AdditiveTable, statuses: [CellStatus]
  ) throws(ProtectionAudit.Problem) -> ProtectionResult {
    let (repaired, rounds) = try repair(table, statuses)
    return ProtectionResult(
      statuses: repaired,
      audit: try ProtectionAudit(settings: settings, logger: logger).audit(table, statuses: repaired),
      rounds: rounds)
  }

  /// The full audit of `statuses`; where it fails, ``repair(_:_:)`` goes on from them.
  func finish(
    _ table: AdditiveTable, _ statuses: [CellStatus], rounds: Int
  ) throws(ProtectionAudit.Problem) -> ProtectionResult {
    let audit = ProtectionAudit(settings: settings, logger: logger)
    let report = try audit.audit(table, statuses: statuses)
    if report.passes { return ProtectionResult(statuses: statuses, audit: report, rounds: rounds) }
    logger?.debug("pattern repaired by rounds", metadata: ["failures": "\(report.failures.count)"])
    let (repaired, more) = try repair(table, statuses)
    return ProtectionResult(
      statuses: repaired, audit: try audit.audit(table, statuses: repaired), rounds: rounds + more)
  }

  /// Steps 2 and 3: closes lines and adds the nearest cheapest cell to each failing primary,
  /// round after round, until the audit's verdict passes or nothing is left to hide.
  func repair(
    _ table: AdditiveTable, _ given: [CellStatus]
  ) throws(ProtectionAudit.Problem) -> (statuses: [CellStatus], rounds: Int) {
    var statuses = given
    let equationsByCell = table.equationsByCell()
    let constraintsByCell = table.constraintsByCell()
    let audit = ProtectionAudit(settings: settings, logger: logger)
    var rounds = 0
    // Hiding more cells only widens intervals: after the first round, only the primaries that
    // failed in the last one can still fail.
    var suspects: Set<Int>?
    while true {
      rounds += 1
      closeLines(table, &statuses, equationsByCell)
      let failures = try audit.failures(table, statuses: statuses, among: suspects)
      logger?.debug(
        "secondary suppression round",
        metadata: [
          "round": "\(rounds)", "failures": "\(failures.count)",
          "first": "\(failures.prefix(3).map { table.cells[$0].id })",
        ])
      suspects = Set(failures)
      var added = false
      for failure in failures {
        // An earlier addition of this round may already have covered this cell: hide anyway,
        // the next audit decides.
        if let cell = nearestCandidate(to: failure, table, statuses, equationsByCell, constraintsByCell) {
          statuses[cell] = .secondary
          added = true
        }
      }
      if !added { return (statuses, rounds) }
    }
  }

  /// Hides cells until no equation has exactly one hidden cell (nor, under the singleton rule,
  /// exactly two hidden parts that are single contributors).
  ///
  /// Equations are taken in table order; each one left with a single hidden cell gets the
  /// publishable cell of least value per line it closes (itself and any other equation that has a
  /// single hidden cell), then fewest contributors, then smallest identifier.
  func closeLines(_ table: AdditiveTable, _ statuses: inout [CellStatus], _ equationsByCell: [[Int]]) {
    var hiddenCount = table.equations.map { $0.cells.count { statuses[$0].isSuppressed } }
    var changed = true
    while changed {
      changed = false
      for (number, equation) in table.equations.enumerated()
      where hiddenCount[number] == 1
        || (settings.singletonRule && hiddenCount[number] == 2
          && !statuses[equation.total].isSuppressed
          && equation.parts.allSatisfy { !statuses[$0].isSuppressed || table.cells[$0].contributors == 1 })
      {
        let candidates = equation.cells.filter { statuses[$0] == .publishable }
        let closes = candidates.map { cell in equationsByCell[cell].count { hiddenCount[$0] == 1 } }
        let best = candidates.indices.min { left, right in
          let a = table.cells[candidates[left]]
          let b = table.cells[candidates[right]]
          let costA = a.hidingCost / Double(closes[left])
          let costB = b.hidingCost / Double(closes[right])
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

  /// The cheapest publishable cell in the equations and constraints of `cell`, else of their
  /// cells, and so on.
  private func nearestCandidate(
    to cell: Int, _ table: AdditiveTable, _ statuses: [CellStatus], _ equationsByCell: [[Int]],
    _ constraintsByCell: [[Int]]
  ) -> Int? {
    var seenCells: Set<Int> = [cell]
    var seenEquations = Set<Int>()
    var seenConstraints = Set<Int>()
    var frontier = [cell]
    while !frontier.isEmpty {
      var next: [Int] = []
      for member in frontier {
        for number in equationsByCell[member] where seenEquations.insert(number).inserted {
          for other in table.equations[number].cells where seenCells.insert(other).inserted {
            next.append(other)
          }
        }
        for number in constraintsByCell[member] where seenConstraints.insert(number).inserted {
          for other in table.constraints[number].cells where seenCells.insert(other).inserted {
            next.append(other)
          }
        }
      }
      if let best = cheapest(next.filter { statuses[$0] == .publishable }, table) { return best }
      frontier = next
    }
    return nil
  }

  /// The cell of smallest cost (``TableCell/hidingCost``), then fewest contributors, then
  /// smallest identifier.
  private func cheapest(_ candidates: [Int], _ table: AdditiveTable) -> Int? {
    candidates.min { left, right in
      let a = table.cells[left]
      let b = table.cells[right]
      if a.hidingCost != b.hidingCost { return a.hidingCost < b.hidingCost }
      if a.contributors != b.contributors { return a.contributors < b.contributors }
      return a.id < b.id
    }
  }
}
