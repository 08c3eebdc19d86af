import Dispatch
import EnqueteCore

extension SecondarySuppression {
  /// Completes a pattern the cutting planes left unsettled. A target of `state` that a hypercube
  /// of hidden cells already protects keeps that hypercube as its proof; every other target (each
  /// of `failing`, and those only a longer cycle protects) gets its cheapest protecting change by
  /// LP, hidden cells free (``placeByProgram(_:order:afresh:)``): the cheapest cells for a target still
  /// under-protected, none for one the pattern protects. Each change is recorded as the target's
  /// proof, so that pruning can follow.
  ///
  /// The programs run in ``proofChunks`` runs at once on the machine's cores, each run with its
  /// own program (GLPK is not thread-safe), its share of `failing` and its share of the others,
  /// in table order; the cells the runs hide are then hidden together. A change stays a proof when
  /// more cells are hidden, so every run's proofs hold for the union. The runs are the same on
  /// every machine, and so is the pattern. Returns how many targets found no protection.
  ///
  /// On the 12 936-cell publication-shaped table, whose cuts leave 273 of 1 040 primaries
  /// under-protected, this keeps the integer program's 1 595 secondaries and hides less value
  /// than the hypercubes (BENCHMARKS.md).
  /// - Complexity: per target not proved by a hypercube, one or two simplex solves over the whole
  ///   table: from the slack basis for one of `failing`, warm-started for the others.
  func completeByProgram(
    _ state: inout PatternState, _ search: inout HypercubeSearch, failing: [Int]
  ) -> Int {
    let failingSet = Set(failing)
    // A target the pattern protects along a hypercube of hidden cells needs no program.
    var others: [Int] = []
    for target in state.targets.keys.sorted() where !failingSet.contains(target) {
      if let proof = prove(target, &state, &search, hiddenOnly: true) {
        state.certify(target, proof)
      } else {
        others.append(target)
      }
    }
    let chunks = failing.count >= 2 * Self.smallestProofChunk ? Self.proofChunks : 1
    let start = state
    let programmed = others
    // Each run's newly hidden cells, proofs, and targets left unprotected.
    let runs = RunSlots<(hidden: [Int], proofs: [(Int, ProtectionCertificate)], unproved: Int)>(
      count: chunks)
    DispatchQueue.concurrentPerform(iterations: chunks) { chunk in
      func share(_ cells: [Int]) -> ArraySlice<Int> {
        cells[(cells.count * chunk / chunks)..<(cells.count * (chunk + 1) / chunks)]
      }
      let order = (share(failing.sorted()) + share(programmed)).sorted()
      var local = start
      let unproved = placeByProgram(&local, order: order, afresh: failingSet)
      let hidden = local.statuses.indices.filter { local.statuses[$0] != start.statuses[$0] }
      runs.set(
        chunk,
        (hidden, order.compactMap { target in local.certificates[target].map { (target, $0) } }, unproved))
    }
    var unproved = 0
    for run in runs.all() {
      guard let run else { continue }
      for cell in run.hidden { state.hide(cell) }
      for (target, proof) in run.proofs { state.certify(target, proof) }
      unproved += run.unproved
    }
    logger?.debug(
      "pattern completed by program",
      metadata: [
        "failing": "\(failing.count)", "runs": "\(chunks)", "unproved": "\(unproved)",
        "secondaries": "\(state.statuses.count { $0 == .secondary })",
      ])
    return unproved
  }
}
