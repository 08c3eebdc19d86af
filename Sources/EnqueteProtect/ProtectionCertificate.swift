/// A proof that a protected cell reaches its required interval: two points the published figures
/// allow, given as changes of the hidden cells (every equation still holds, every cell ≥ 0), one
/// with the cell raised to its required maximum and one with it lowered to its required minimum.
///
/// The proof holds as long as every cell it changes stays hidden: publishing one of them again
/// means finding another proof (a hypercube of hidden cells, or the LP).
struct ProtectionCertificate: Sendable {
  /// The change of each cell at the raised point.
  var up: [Int: Double] = [:]
  /// The change of each cell at the lowered point.
  var down: [Int: Double] = [:]

  /// Every cell the proof changes.
  var support: Set<Int> { Set(up.keys).union(down.keys) }

  /// Adds a hypercube raised by `up` and lowered by `down` (its signs relative to the cell).
  mutating func add(_ cube: Hypercube, up rise: Double, down fall: Double) {
    for (cell, sign) in zip(cube.cells, cube.signs) {
      if rise > 0 { up[cell, default: 0] += Double(sign) * rise }
      if fall > 0 { down[cell, default: 0] -= Double(sign) * fall }
    }
  }

  /// What is left of `value` for the cell's rise (`up`) or fall, once this proof has used it.
  func residual(of cell: Int, value: Double, up isUp: Bool) -> Double {
    value + ((isUp ? up[cell] : down[cell]) ?? 0)
  }
}

extension ProtectionCertificate {
  /// The certificate of two optimal LP solutions (the values of the hidden cells `hidden`).
  init(raised: [Double], lowered: [Double], hidden: [Int], values: [Double]) {
    for (column, cell) in hidden.enumerated() {
      let rise = raised[column] - values[cell]
      if abs(rise) > 1e-9 { up[cell] = rise }
      let fall = lowered[column] - values[cell]
      if abs(fall) > 1e-9 { down[cell] = fall }
    }
  }
}
