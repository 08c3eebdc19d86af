import EnqueteCore

extension SecondarySuppression {
  /// Step 1 by integer programming with cutting planes (`placement` ``Placement/cuttingPlanes``):
  /// the cheapest pattern that meets ``SuppressionConditions``, then, while the audit finds a
  /// primary under-protected, the same program again with that primary's ``ProtectionCut``.
  ///
  /// Each round solves the linear relaxation over the whole table (``RelaxedPlacement``, warm-
  /// started from the last round's basis), hides every cell the relaxation uses (a pattern that
  /// meets every row), then solves the integer program over those cells only, the others published
  /// (relax and fix: the relaxation of these conditions is nearly integral, a few hundred of
  /// 10 000 cells fractional). The integer program stops after ``cuttingPlaneNodeLimit``
  /// branch-and-bound nodes, so the pattern is the same on every machine.
  ///
  /// Returns the statuses, how many audit rounds ran, and whether the last audit passed (it may
  /// still fail after ``cuttingPlaneRounds`` rounds, or when no cut separates the pattern).
  /// - Complexity: per round, one warm-started dual simplex over the table's conditions, one
  ///   branch and bound over the cells the relaxation uses, and one audit.
  func placeByCuttingPlanes(
    _ table: AdditiveTable, statuses given: [CellStatus]
  ) throws(ProtectionAudit.Problem) -> (statuses: [CellStatus], rounds: Int, passes: Bool) {
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
    while rounds < cuttingPlaneRounds, let relaxed = relaxation.solve() {
      rounds += 1
      let used = table.cells.indices.filter { hideable[$0] && relaxed[$0] > 1e-6 }
      program.hideOnly(used)
      program.solve(used, conditions)
      for cell in table.cells.indices where hideable[cell] {
        statuses[cell] = program.hidden[cell] ? .secondary : .publishable
      }
      var failures = try audit.failingPrimaries(table, statuses: statuses)
      failures += audit.singletonFailures(table, statuses: statuses).filter { !failures.contains($0) }
      logger?.debug(
        "placement program round",
        metadata: ["round": "\(rounds)", "candidates": "\(used.count)", "failures": "\(failures.count)"])
      guard !failures.isEmpty else {
        relaxation.export()
        return (statuses, rounds, true)
      }
      let cuts = try ProtectionCut.cuts(
        for: failures, table, statuses: statuses, hideable: hideable, settings: settings)
      guard !cuts.isEmpty else { break }
      for cut in cuts {
        conditions.add(cut)
        relaxation.add(cut)
      }
    }
    relaxation.export()
    return (statuses, rounds, false)
  }
}
