import EnqueteCore

extension SecondarySuppression {
  /// Step 1 by linear programming (``CheapestProtection``): for each target of `state` in `order`,
  /// hides the cells of its cheapest protecting change (hidden cells are free, so later targets
  /// reuse earlier changes, along cycles of any length) and records the change as its proof.
  /// Targets of `afresh` are solved from the slack basis (``CheapestProtection/cheapestChange(of:by:afresh:)``).
  /// Returns how many targets found no protection.
  /// - Complexity: one or two simplex solves per target.
  func placeByProgram(_ state: inout PatternState, order: [Int], afresh: Set<Int> = []) -> Int {
    let program = CheapestProtection(state.table, cost: state.cellCost)
    var unproved = 0
    for target in order {
      let need = state.need(target)
      let fresh = afresh.contains(target)
      guard let rise = program.cheapestChange(of: target, by: need.up, afresh: fresh) else {
        unproved += 1
        continue
      }
      var proof = ProtectionCertificate(up: rise)
      hide(rise.keys, &state, program)
      // The same change reversed lowers the cell, as far as the cells it raises allow.
      let scale = need.up > 0 ? need.down / need.up : 0
      if need.up > 0, rise.allSatisfy({ $0.value <= 0 || state.values[$0.key] >= scale * $0.value - 1e-9 }) {
        proof.down = rise.mapValues { -scale * $0 }
      } else if let fall = program.cheapestChange(of: target, by: -need.down, afresh: fresh) {
        proof.down = fall
        hide(fall.keys, &state, program)
      } else {
        unproved += 1
        continue
      }
      state.certify(target, proof)
    }
    return unproved
  }

  private func hide(
    _ cells: Dictionary<Int, Double>.Keys, _ state: inout PatternState, _ program: CheapestProtection
  ) {
    for cell in cells where state.cellCost[cell] != 0 {
      state.hide(cell)
      program.setCost(cell, 0)
    }
  }
}
