import EnqueteCore

extension PatternState {
  /// A change moving the hidden `target` by `amount` (up when positive; less 5 × 10⁻⁷, as
  /// ``ProofProgram``), scaled from the proof of another protected cell that already moves it:
  /// `nil` when no proof recorded here does so with every cell it changes still hidden and every
  /// cell staying ≥ 0 once scaled.
  ///
  /// Any change of hidden cells under which every equation holds is a point the published figures
  /// allow, whichever cell it was found for: scaling keeps the equations (they are linear and
  /// homogeneous in the change), and the check keeps the cells non-negative. A borrowed proof saves
  /// a simplex solve; it may change more cells than the smallest one would.
  /// - Complexity: O(Σ support of the proofs that use `target`).
  func borrowedChange(for target: Int, by amount: Double) -> [Int: Double]? {
    let size = max(0, abs(amount) - 5e-7)
    if size == 0 { return [:] }
    for other in users[target].sorted() where other != target {
      guard let proof = certificates[other] else { continue }
      for change in [proof.up, proof.down] {
        guard let moved = change[target], abs(moved) > 1e-9 else { continue }
        if let result = scaled(change, by: (amount > 0 ? size : -size) / moved) { return result }
      }
    }
    return nil
  }

  /// `change` multiplied by `factor`, when every cell it changes is hidden and stays ≥ 0 and the
  /// table has no constraint nor known bound (which scaling would not keep); else `nil`.
  func scaled(_ change: [Int: Double], by factor: Double) -> [Int: Double]? {
    guard onlyEquations else { return nil }
    var result: [Int: Double] = [:]
    result.reserveCapacity(change.count)
    for (cell, delta) in change {
      let moved = delta * factor
      guard statuses[cell].isSuppressed, values[cell] + moved >= 0 else { return nil }
      result[cell] = moved
    }
    return result
  }
}
