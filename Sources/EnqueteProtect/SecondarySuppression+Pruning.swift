import EnqueteCore

extension SecondarySuppression {
  /// Publishes again, largest value first (then largest identifier), every secondary that is no
  /// longer needed: no equation is left with one hidden cell or two hidden singletons, and every
  /// protected cell whose proof used it is proved again — by `reprove` (a cheap search among the
  /// hidden cells), else, when `byProgram`, by the LP (``ProofProgram``: the smallest change of
  /// each side whose proof used the cell). The LP side decides exactly as the audit would, so the
  /// result is the same as re-auditing every candidate; the small changes keep few proofs to redo.
  ///
  /// Every protected cell of `state` must have a proof on entry; each keeps one on exit.
  /// - Complexity: per secondary, one `reprove` per proof that used it, and at most two simplex
  ///   solves (warm-started, over one program for the whole pruning) per proof `reprove` cannot
  ///   replace.
  func pruneWithProofs(
    _ state: inout PatternState, byProgram: Bool = true,
    reprove: (_ cell: Int, _ state: inout PatternState) -> ProtectionCertificate?
  ) throws(ProtectionAudit.Problem) {
    let table = state.table
    guard table.unbalancedEquations().isEmpty else { throw .inconsistentTable }
    let program = byProgram ? ProofProgram(table, state.statuses) : nil
    let secondaries = state.statuses.indices.filter { state.statuses[$0] == .secondary }.sorted { left, right in
      let a = table.cells[left]
      let b = table.cells[right]
      return a.value != b.value ? a.value > b.value : a.id > b.id
    }
    var pruned = 0
    var solved = 0
    for cell in secondaries where state.targets[cell] == nil && state.canPublish(cell) {
      let affected = state.users[cell].sorted()
      state.publish(cell)
      program?.fix(cell)
      var proofs: [(cell: Int, proof: ProtectionCertificate)] = []
      for target in affected {
        if let proof = reprove(target, &state)
          ?? program.flatMap({ reproof(target, without: cell, state, $0, solved: &solved) })
        {
          proofs.append((target, proof))
        } else {
          break
        }
      }
      guard proofs.count == affected.count else {
        program?.release(cell)
        state.hide(cell)
        continue
      }
      for (target, proof) in proofs { state.certify(target, proof) }
      pruned += 1
    }
    logger?.debug(
      "secondary suppression pruned", metadata: ["published again": "\(pruned)", "proofs": "\(solved)"])
  }

  /// Proves every protected cell of `state` by the LP; `false` when one fails (no proof recorded).
  func proveByProgram(_ state: inout PatternState) throws(ProtectionAudit.Problem) -> Bool {
    guard state.table.unbalancedEquations().isEmpty else { throw .inconsistentTable }
    let program = ProofProgram(state.table, state.statuses)
    for target in state.targets.keys.sorted() {
      let need = state.need(target)
      guard let up = program.change(of: target, by: need.up),
        let down = program.change(of: target, by: -need.down)
      else { return false }
      state.certify(target, ProtectionCertificate(up: up, down: down))
    }
    return true
  }

  /// A proof of `target` once `published` is published again: its current proof where a side
  /// does not change `published`, else the smallest change of that side by `program`; `nil` when
  /// a side cannot be proved.
  private func reproof(
    _ target: Int, without published: Int, _ state: PatternState, _ program: ProofProgram, solved: inout Int
  ) -> ProtectionCertificate? {
    let need = state.need(target)
    var proof = state.certificates[target] ?? ProtectionCertificate()
    if state.certificates[target] == nil || proof.up[published] != nil {
      solved += 1
      guard let up = program.change(of: target, by: need.up) else { return nil }
      proof.up = up
    }
    if state.certificates[target] == nil || proof.down[published] != nil {
      solved += 1
      guard let down = program.change(of: target, by: -need.down) else { return nil }
      proof.down = down
    }
    return proof
  }
}
