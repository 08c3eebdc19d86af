import EnqueteCore

extension SecondarySuppression {
  /// Protects a crossed table, always finished by the full LP audit.
  ///
  /// With ``placement`` ``Placement/cuttingPlanes`` (the default) and at most
  /// ``cuttingPlaneLimit`` cells, the pattern is the integer program's
  /// (``placeByCuttingPlanes(_:statuses:)``), pruned as in step 3 below; should its cuts not settle
  /// every primary, the repair rounds of ``protect(_:)`` finish its best round's pattern when it
  /// leaves at most ``cuttingPlaneRepairShare`` of the primaries under-protected; further from it,
  /// every primary's cheapest protecting change by LP completes that pattern
  /// (``completeByProgram(_:_:failing:)``), and steps 2 to 4 below follow. On a larger table, or
  /// with another ``placement``, step 1 below places the pattern:
  ///
  /// 1. Primaries in table order: hide the hypercube through the primary of least
  ///    cost (value of the cells it newly hides, plus ``cellWeight`` each) per share of the required
  ///    protection it gives, until the primary can rise to its required maximum and fall to its
  ///    required minimum (a few cubes when one is not enough); or hide its cheapest protecting
  ///    change by LP (``CheapestProtection``). Hidden cells cost nothing, so protections share
  ///    cells. Each is a proof: two points the published figures allow (``ProtectionCertificate``).
  /// 2. Singleton rule: where an equation's only hidden cells are two single contributors, hide
  ///    the cheapest third cell of the equation and protect it the same way.
  /// 3. Prune (when ``prunes``): publish again each secondary, largest value first, together with
  ///    the secondaries its publication would leave alone in an equation (they would be
  ///    recomputable: two cells hidden only for each other go together), when every protected
  ///    cell whose proof uses one of them finds another proof — a hypercube of hidden cells, else
  ///    the LP (two solves; only for tables of at most ``programPruningLimit`` cells) — and no
  ///    equation is left with one hidden cell or two singletons.
  /// 4. The full audit (``ProtectionAudit``); should a primary still fail, the round-based repair of
  ///    ``protect(_:)`` takes over from this pattern.
  ///
  /// `statuses`: the primaries to protect (default: ``PrimaryRules``). Deterministic.
  /// - Complexity: per primary, O(Σ moves + combinations × cube size) for the search; pruning adds
  ///   a search per proof that used the published cell, and two simplex solves where it fails.
  public func protect(
    _ crossed: CrossedTable, statuses given: [CellStatus]? = nil
  ) throws(ProtectionAudit.Problem) -> ProtectionResult {
    let table = crossed.table
    let statuses = given ?? PrimaryRules.statuses(of: table, settings: settings)
    guard statuses.count == table.cells.count else {
      throw .statusCountMismatch(cells: table.cells.count, statuses: statuses.count)
    }
    var bound: Double?
    var state: PatternState
    var search = HypercubeSearch(crossed)
    var unproved = 0
    var rounds = 1
    if placement == .cuttingPlanes, table.cells.count <= cuttingPlaneLimit {
      let placed = try placeByCuttingPlanes(table, statuses: statuses, stoppingAfterStalls: true)
      bound = placed.bound
      if placed.passes {
        return try pruneAndFinish(table, placed.statuses, rounds: placed.rounds, bound: bound)
      }
      // The cuts settled nearly every primary: the repair rounds finish the best round's pattern.
      if Double(placed.failures) <= cuttingPlaneRepairShare * Double(statuses.count(where: \.isPrimary)) {
        let repaired = try repair(table, placed.statuses)
        return try pruneAndFinish(
          table, repaired.statuses, rounds: placed.rounds + repaired.rounds, bound: bound)
      }
      // Far from it, each primary's cheapest protecting change by LP completes that pattern (the
      // repair rounds' nearest cells, or the hypercubes from scratch, hide more on the tables
      // measured).
      logger?.debug(
        "cutting planes left primaries unprotected",
        metadata: ["rounds": "\(placed.rounds)", "failures": "\(placed.failures)"])
      state = PatternState(
        table: table, statuses: placed.statuses, settings: settings, cellWeight: cellWeight)
      unproved = completeByProgram(&state, &search, failing: placed.failing)
      rounds = placed.rounds + 1
    } else {
      state = PatternState(table: table, statuses: statuses, settings: settings, cellWeight: cellWeight)
      let order = table.cells.indices.filter { statuses[$0].isPrimary }
      switch placement {
      case .linearProgram: unproved = placeByProgram(&state, order: order)
      case .hypercubes, .cuttingPlanes:
        for primary in order {
          let proof = prove(primary, &state, &search, hiddenOnly: false)
          state.certify(primary, proof)
          if proof == nil { unproved += 1 }
        }
      }
    }
    if settings.singletonRule { applySingletonRule(&state, &search) }
    logger?.debug(
      "secondary cells placed",
      metadata: ["secondaries": "\(state.statuses.count { $0 == .secondary })", "unproved": "\(unproved)"])
    if prunes && unproved == 0 {
      let programAllowed = table.cells.count <= programPruningLimit
      try pruneWithProofs(&state, byProgram: programAllowed, determined: true) { cell, state in
        prove(cell, &state, &search, hiddenOnly: true)
      }
    }
    var result = try finish(table, state.statuses, rounds: rounds)
    result.lowerBound = bound
    return result
  }

  /// Hypercubes through `cell` until it reaches its required interval; the proof, or `nil` when
  /// none is found (with `hiddenOnly`, only among cells already hidden, and nothing is hidden).
  func prove(
    _ cell: Int, _ state: inout PatternState, _ search: inout HypercubeSearch, hiddenOnly: Bool
  ) -> ProtectionCertificate? {
    var proof = ProtectionCertificate()
    var remaining = state.need(cell)
    let tolerance = 1e-9
    for _ in 0..<6 {
      if remaining.up <= tolerance && remaining.down <= tolerance { return proof }
      let values = state.values
      guard
        let cube = search.cheapest(
          through: cell, need: remaining, cellCost: state.cellCost, hiddenOnly: hiddenOnly,
          residual: { proof.residual(of: $0, value: values[$0], up: $1) })
      else { return nil }
      let rise = min(cube.upCapacity, remaining.up)
      let fall = min(cube.downCapacity, remaining.down)
      if !hiddenOnly { for member in cube.cells { state.hide(member) } }
      proof.add(cube, up: rise, down: fall)
      remaining = (remaining.up - rise, remaining.down - fall)
    }
    return remaining.up <= tolerance && remaining.down <= tolerance ? proof : nil
  }

  /// Hides a third cell in every equation whose only hidden cells are two single contributors,
  /// and protects it (it must be able to move by one unit either way, else it would not hide).
  private func applySingletonRule(_ state: inout PatternState, _ search: inout HypercubeSearch) {
    for number in state.table.equations.indices where state.singletonsOnlyProtectEachOther(in: number) {
      let candidates = state.table.equations[number].cells.filter {
        state.statuses[$0] == .publishable && state.cellCost[$0].isFinite
      }
      guard let third = candidates.min(by: { state.cellCost[$0] < state.cellCost[$1] }) else { continue }
      state.hide(third)
      let value = state.values[third]
      state.targets[third] = RequiredProtection(lower: value - min(1, value), upper: value + 1)
      state.certify(third, prove(third, &state, &search, hiddenOnly: false))
    }
  }
}
