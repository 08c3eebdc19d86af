import Dispatch
import EnqueteCore

extension SecondarySuppression {
  /// Step 1 by integer programming with cutting planes (`placement` ``Placement/cuttingPlanes``):
  /// the cheapest pattern that meets ``SuppressionConditions``, then, while the audit finds a
  /// primary under-protected, the same program again with that primary's ``ProtectionCut`` (and
  /// those of the probe patterns the round looks ahead to, on tables of at most
  /// ``cuttingPlaneLookaheadLimit`` cells: ``cutsLookingAhead(_:_:statuses:failing:hideable:cost:audit:)``).
  ///
  /// Each round solves the linear relaxation over the whole table (``RelaxedPlacement``, warm-
  /// started from the last round's basis), hides every cell the relaxation uses (a pattern that
  /// meets every row), then solves the integer program over those cells only, the others published
  /// (relax and fix: the relaxation of these conditions is nearly integral, a few hundred of
  /// 10 000 cells fractional). The integer program stops after ``cuttingPlaneNodeLimit``
  /// branch-and-bound nodes, so the pattern is the same on every machine.
  ///
  /// Returns the statuses, how many audit rounds ran, whether the audit passed, and the last
  /// relaxation's cost: a lower bound on the cost (``TableCell/hidingCost`` + ``cellWeight`` per
  /// cell hidden besides the primaries) of every pattern that protects the table, since the
  /// conditions and cuts are all necessary. When no round passes (after ``cuttingPlaneRounds``
  /// rounds, or no cut to add), the statuses are the last round's; `stoppingAfterStalls` also
  /// stops after ``cuttingPlaneStallRounds`` rounds without fewer failures than the best round, and
  /// gives that round's statuses.
  /// - Complexity: per round, one warm-started dual simplex over the table's conditions, one
  ///   branch and bound over the cells the relaxation uses, and one audit.
  func placeByCuttingPlanes(
    _ table: AdditiveTable, statuses given: [CellStatus], stoppingAfterStalls: Bool = false
  ) throws(ProtectionAudit.Problem) -> CuttingPlanePlacement {
    let hideable = table.cells.indices.map { given[$0] == .publishable && table.cells[$0].value > 0 }
    var conditions = SuppressionConditions(table, statuses: given, hideable: hideable, settings: settings)
    let cost = table.cells.map { $0.hidingCost + cellWeight }
    let relaxation = RelaxedPlacement(
      cost: cost,
      fixed: given.indices.map { given[$0].isSuppressed ? 1 : (hideable[$0] ? nil : 0) },
      conditions: conditions)
    var program = PlacementProgram(
      hidden: given.map(\.isSuppressed), hideable: hideable, cost: cost, nodeLimit: cuttingPlaneNodeLimit)
    let audit = ProtectionAudit(settings: settings, logger: logger)
    var statuses = given
    var rounds = 0
    // The pattern of the round that left the fewest primaries under-protected, and how many
    // rounds since it did not improve: a node-limited branch and bound may land, with more cuts,
    // on a pattern that fails more (the cuts so far say nothing of its region).
    var best: (statuses: [CellStatus], failing: [Int])?
    var stalled = 0
    var bound: Double?
    // `nil` until a round is audited: with no round, no primary is known protected.
    var lastFailing: [Int]?
    func seconds(since start: UInt64) -> String {
      "\(Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9)"
    }
    var start = DispatchTime.now().uptimeNanoseconds
    while rounds < cuttingPlaneRounds, let relaxed = relaxation.solve() {
      rounds += 1
      let relaxing = seconds(since: start)
      bound = relaxation.objective
      start = DispatchTime.now().uptimeNanoseconds
      let used = table.cells.indices.filter { hideable[$0] && relaxed[$0] > 1e-6 }
      program.hideOnly(used)
      program.solve(used, conditions)
      for cell in table.cells.indices where hideable[cell] {
        statuses[cell] = program.hidden[cell] ? .secondary : .publishable
      }
      let branching = seconds(since: start)
      start = DispatchTime.now().uptimeNanoseconds
      let failures = try audit.failures(table, statuses: statuses)
      // Counts and seconds only: the bound is a sum of cell values (confidential), for the outputs.
      logger?.debug(
        "placement program round",
        metadata: [
          "round": "\(rounds)", "candidates": "\(used.count)", "failures": "\(failures.count)",
          "relaxation_s": "\(relaxing)", "branch_and_bound_s": "\(branching)",
          "audit_s": "\(seconds(since: start))",
        ])
      start = DispatchTime.now().uptimeNanoseconds
      lastFailing = failures
      guard !failures.isEmpty else {
        relaxation.export()
        return CuttingPlanePlacement(statuses: statuses, rounds: rounds, failing: [], bound: bound)
      }
      if stoppingAfterStalls {
        if best == nil || failures.count < best!.failing.count {
          best = (statuses, failures)
          stalled = 0
        } else {
          stalled += 1
          if stalled >= cuttingPlaneStallRounds { break }
        }
      }
      let cuts = try cutsLookingAhead(
        ProtectionCut.cuts(for: failures, table, statuses: statuses, hideable: hideable, settings: settings),
        table, statuses: statuses, failing: failures, hideable: hideable, cost: cost, audit: audit)
      logger?.debug(
        "placement cuts",
        metadata: ["round": "\(rounds)", "cuts": "\(cuts.count)", "cuts_s": "\(seconds(since: start))"])
      start = DispatchTime.now().uptimeNanoseconds
      guard !cuts.isEmpty else { break }
      for cut in cuts {
        conditions.add(cut)
        relaxation.add(cut)
      }
    }
    relaxation.export()
    return CuttingPlanePlacement(
      statuses: best?.statuses ?? statuses, rounds: rounds,
      failing: best?.failing ?? lastFailing ?? given.indices.filter { given[$0].isPrimary },
      bound: bound)
  }
}

/// What ``SecondarySuppression/placeByCuttingPlanes(_:statuses:)`` found.
struct CuttingPlanePlacement {
  /// The pattern: the round's that passed, else the round's that left the fewest primaries
  /// under-protected.
  var statuses: [CellStatus]
  /// How many rounds ran.
  var rounds: Int
  /// The primaries (and singleton cells) that pattern leaves under-protected, in the audit's
  /// order (none: it passes the audit).
  var failing: [Int]
  /// How many cells that pattern leaves under-protected (0: it passes the audit).
  var failures: Int { failing.count }
  /// The last relaxation's cost: a lower bound on the cost of every protecting pattern.
  var bound: Double?

  /// Whether the pattern passes the audit.
  var passes: Bool { failures == 0 }
}
