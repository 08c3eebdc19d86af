import EnqueteCore
import Foundation

extension SecondarySuppression {
  /// Publishes again, dearest first (``TableCell/hidingCost``, then largest identifier), every
  /// secondary that is no
  /// longer needed: no equation is left with one hidden cell or two hidden singletons, and every
  /// protected cell whose proof used it is proved again — by `reprove` (a cheap search among the
  /// hidden cells), else, when `byProgram`, by the LP (``ProofProgram``: the smallest change of
  /// each side whose proof used the cell). The LP side decides exactly as the audit would, so the
  /// result is the same as re-auditing every candidate; the small changes keep few proofs to redo.
  ///
  /// With `determined`, a secondary whose publication would leave an equation with one hidden
  /// secondary is published together with it (that secondary would be recomputable), and so on:
  /// two categories hidden only for each other (a national cell and its sibling) go together.
  ///
  /// Every protected cell of `state` must have a proof on entry; each keeps one on exit.
  /// - Complexity: per secondary, one `reprove` per proof that used it, and at most two simplex
  ///   solves (warm-started, over one program for the whole pruning) per proof `reprove` cannot
  ///   replace.
  func pruneWithProofs(
    _ state: inout PatternState, byProgram: Bool = true, determined: Bool = false,
    reprove: (_ cell: Int, _ state: inout PatternState) -> ProtectionCertificate?
  ) throws(ProtectionAudit.Problem) {
    let table = state.table
    guard table.unbalancedEquations().isEmpty else { throw .inconsistentTable }
    let program = byProgram ? ProofProgram(table, state.statuses) : nil
    let secondaries = state.statuses.indices.filter { state.statuses[$0] == .secondary }.sorted {
      left, right in
      let a = table.cells[left]
      let b = table.cells[right]
      return a.hidingCost != b.hidingCost ? a.hidingCost > b.hidingCost : a.id > b.id
    }
    var pruned = 0
    var solved = 0
    for cell in secondaries where state.statuses[cell] == .secondary && state.targets[cell] == nil {
      guard let group = publicationGroup(of: cell, &state, determined: determined) else { continue }
      let affected = group.reduce(into: Set<Int>()) { $0.formUnion(state.users[$1]) }.sorted()
      for member in group { program?.fix(member) }
      var proofs: [(cell: Int, proof: ProtectionCertificate)] = []
      for target in affected {
        if let proof = reprove(target, &state)
          ?? program.flatMap({ reproof(target, without: group, state, $0, solved: &solved) })
        {
          proofs.append((target, proof))
        } else {
          break
        }
      }
      guard proofs.count == affected.count else {
        for member in group {
          program?.release(member)
          state.hide(member)
        }
        continue
      }
      for (target, proof) in proofs { state.certify(target, proof) }
      pruned += group.count
    }
    logger?.debug(
      "secondary suppression pruned", metadata: ["published again": "\(pruned)", "proofs": "\(solved)"])
  }

  /// Proves every protected cell of `state` by the LP; `false` when one fails (no proof recorded).
  ///
  /// The cells are proved in `proofChunks` runs of consecutive cells, at once on the machine's
  /// cores, each with its own program (GLPK is not thread-safe) and borrowing only from its own run's
  /// proofs. Which proofs are found does not change the pattern (pruning decides by whether a proof
  /// exists), and the runs are the same on every machine.
  func proveByProgram(_ state: inout PatternState) throws(ProtectionAudit.Problem) -> Bool {
    guard state.table.unbalancedEquations().isEmpty else { throw .inconsistentTable }
    let targets = state.targets.keys.sorted()
    let chunks = targets.count >= 2 * Self.smallestProofChunk ? Self.proofChunks : 1
    let start = state
    // Each run's proofs (`nil` when it met a cell it could not prove) and its simplex solves.
    let runs = RunSlots<(proofs: [(Int, ProtectionCertificate)]?, solved: Int)>(count: chunks)
    DispatchQueue.concurrentPerform(iterations: chunks) { chunk in
      let program = ProofProgram(start.table, start.statuses)
      var local = start
      var solved = 0
      var proofs: [(Int, ProtectionCertificate)] = []
      let range = (targets.count * chunk / chunks)..<(targets.count * (chunk + 1) / chunks)
      for target in targets[range] {
        guard let proof = reproof(target, without: nil, local, program, solved: &solved) else {
          runs.set(chunk, (nil, solved))
          return
        }
        local.certify(target, proof)
        proofs.append((target, proof))
      }
      runs.set(chunk, (proofs, solved))
    }
    let results = runs.all().map { $0! }
    let solved = results.reduce(0) { $0 + $1.solved }
    guard results.allSatisfy({ $0.proofs != nil }) else { return false }
    for (target, proof) in results.flatMap({ $0.proofs! }) { state.certify(target, proof) }
    logger?.debug("protection proved", metadata: ["proofs": "\(solved)", "runs": "\(chunks)"])
    return true
  }

  /// How many runs prove a pattern's cells at once (a constant: the proofs are the same everywhere).
  static let proofChunks = 2
  /// The fewest cells a run proves (below twice that, one run proves them all).
  static let smallestProofChunk = 32

  /// A proof of `target` once the cells `published` are published again: its current proof where a
  /// side changes none of them (every side when `published` is `nil`), else the smallest change of
  /// that side by `program`, or the other side's change reversed when the cells it raises can fall
  /// that far; `nil` when a side cannot be proved.
  private func reproof(
    _ target: Int, without published: [Int]?, _ state: PatternState, _ program: ProofProgram,
    solved: inout Int
  ) -> ProtectionCertificate? {
    let need = state.need(target)
    let old = state.certificates[target]
    var proof = old ?? ProtectionCertificate()
    let redoUp = old == nil || published.map { $0.contains { proof.up[$0] != nil } } ?? true
    let redoDown = old == nil || published.map { $0.contains { proof.down[$0] != nil } } ?? true
    if redoUp {
      if !redoDown, let reversed = reversal(of: proof.down, target, by: need.up, state) {
        proof.up = reversed
      } else if let borrowed = state.borrowedChange(for: target, by: need.up) {
        proof.up = borrowed
      } else {
        solved += 1
        guard let up = program.change(of: target, by: need.up) else { return nil }
        proof.up = up
      }
    }
    if redoDown {
      if let reversed = reversal(of: proof.up, target, by: -need.down, state) {
        proof.down = reversed
      } else if let borrowed = state.borrowedChange(for: target, by: -need.down) {
        proof.down = borrowed
      } else {
        solved += 1
        guard let down = program.change(of: target, by: -need.down) else { return nil }
        proof.down = down
      }
    }
    return proof
  }

  /// `change` scaled and reversed so that it moves `target` by `amount` instead (less 5 × 10⁻⁷,
  /// as ``ProofProgram``), when every cell stays ≥ 0; `nil` otherwise.
  private func reversal(
    of change: [Int: Double], _ target: Int, by amount: Double, _ state: PatternState
  ) -> [Int: Double]? {
    let size = max(0, abs(amount) - 5e-7)
    if size == 0 { return [:] }
    guard let moved = change[target], moved * amount < 0, abs(moved) > 1e-9 else { return nil }
    return state.scaled(change, by: -size / abs(moved))
  }

  /// Publishes `cell` in `state` with, when `determined`, every secondary an equation would be left
  /// with alone (and so on); `nil` (and `state` unchanged) when that would leave an equation with a
  /// single hidden cell that cannot be published, or two hidden single contributors alone.
  private func publicationGroup(
    of cell: Int, _ state: inout PatternState, determined: Bool
  ) -> [Int]? {
    if state.canPublish(cell) {
      state.publish(cell)
      return [cell]
    }
    guard determined else { return nil }
    var group = [cell]
    state.publish(cell)
    var next = 0
    var touched = Set<Int>()
    while next < group.count {
      let member = group[next]
      next += 1
      for number in state.equationsByCell[member] {
        touched.insert(number)
        guard state.hiddenPerEquation[number] == 1 else { continue }
        let equation = state.table.equations[number]
        let last = equation.cells.first { state.statuses[$0].isSuppressed }!
        guard state.statuses[last] == .secondary, state.targets[last] == nil else {
          for published in group { state.hide(published) }
          return nil
        }
        state.publish(last)
        group.append(last)
      }
    }
    if touched.contains(where: { state.singletonsOnlyProtectEachOther(in: $0) }) {
      for published in group { state.hide(published) }
      return nil
    }
    return group
  }
}
