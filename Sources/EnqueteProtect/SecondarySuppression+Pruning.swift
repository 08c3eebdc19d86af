import EnqueteCore

extension SecondarySuppression {
  /// Publishes again, largest value first (then largest identifier), every secondary that is no
  /// longer needed: no equation is left with one hidden cell or two hidden singletons, and every
  /// protected cell whose proof used it is proved again — by `reprove` (a cheap search among the
  /// hidden cells), else, when `byProgram`, by the LP (its maximum and minimum with the cell
  /// published).
  ///
  /// Every protected cell of `state` must have a proof on entry; each keeps one on exit.
  /// - Complexity: per secondary, one `reprove` per proof that used it, and two simplex solves
  ///   (warm-started, over one program for the whole pruning) per proof `reprove` cannot replace.
  func pruneWithProofs(
    _ state: inout PatternState, byProgram: Bool = true,
    reprove: (_ cell: Int, _ state: inout PatternState) -> ProtectionCertificate?
  ) throws(ProtectionAudit.Problem) {
    let table = state.table
    let (program, hidden) = try ProtectionAudit(settings: settings, logger: logger).program(
      table, state.statuses)
    var column = [Int](repeating: -1, count: table.cells.count)
    for (position, cell) in hidden.enumerated() { column[cell] = position }
    let secondaries = hidden.filter { state.statuses[$0] == .secondary }.sorted { left, right in
      let a = table.cells[left]
      let b = table.cells[right]
      return a.value != b.value ? a.value > b.value : a.id > b.id
    }
    var pruned = 0
    var solved = 0
    for cell in secondaries where state.targets[cell] == nil && state.canPublish(cell) {
      let affected = state.users[cell].sorted()
      state.publish(cell)
      program.fix(column[cell], at: state.values[cell])
      var proofs: [(cell: Int, proof: ProtectionCertificate)] = []
      for target in affected {
        if let proof = reprove(target, &state)
          ?? (byProgram ? proofByProgram(target, state, program, hidden, column) : nil)
        {
          proofs.append((target, proof))
        } else {
          break
        }
        solved += 1
      }
      guard proofs.count == affected.count else {
        program.release(column[cell])
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
    let (program, hidden) = try ProtectionAudit(settings: settings, logger: logger).program(
      state.table, state.statuses)
    var column = [Int](repeating: -1, count: state.table.cells.count)
    for (position, cell) in hidden.enumerated() { column[cell] = position }
    for target in state.targets.keys.sorted() {
      guard let proof = proofByProgram(target, state, program, hidden, column) else { return false }
      state.certify(target, proof)
    }
    return true
  }

  /// The LP proof of `target` in `program` (columns `hidden`), or `nil` when it does not reach its
  /// required interval (an unbounded side gives no point, so no proof either).
  private func proofByProgram(
    _ target: Int, _ state: PatternState, _ program: LinearProgram, _ hidden: [Int], _ column: [Int]
  ) -> ProtectionCertificate? {
    guard let required = state.targets[target], column[target] >= 0 else { return nil }
    let tolerance = 1e-6
    guard case .finite(let upper) = program.maximum(of: column[target]), upper >= required.upper - tolerance
    else { return nil }
    let raised = program.solution()
    guard case .finite(let lower) = program.minimum(of: column[target]), lower <= required.lower + tolerance
    else { return nil }
    return ProtectionCertificate(
      raised: raised, lowered: program.solution(), hidden: hidden, values: state.values)
  }
}
