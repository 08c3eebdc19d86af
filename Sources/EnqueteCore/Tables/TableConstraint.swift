/// A linear inequality (or equality) a reader knows between cells of a table, beyond its
/// additive equations: `lower ≤ Σ coefficient × cell ≤ upper`.
///
/// Where it comes from is part of it (``knowledge``): a rule of the rules file summed over the
/// services (`nb_mediateurs_demf ≤ nb_mediateurs` holds at every level), a minimum of the catalog
/// times the published number of services, a published indicator with its rounding. The audit
/// names a finding by the knowledge it needed.
public struct TableConstraint: Sendable, Hashable, Codable {
  /// The cells involved, by index.
  public var cells: [Int]
  /// Their coefficients, in the same order.
  public var coefficients: [Double]
  /// The least value of the sum, `nil` when unbounded below.
  public var lower: Double?
  /// The greatest value of the sum, `nil` when unbounded above.
  public var upper: Double?
  /// What a reader must know to use it, in French (« règle mf.demf-parmi-mediateurs »).
  public var knowledge: String

  /// Creates `lower ≤ Σ coefficient × cell ≤ upper`.
  public init(
    terms: [(cell: Int, coefficient: Double)], lower: Double?, upper: Double?, knowledge: String
  ) {
    cells = terms.map(\.cell)
    coefficients = terms.map(\.coefficient)
    self.lower = lower
    self.upper = upper
    self.knowledge = knowledge
  }

  /// The terms `(cell, coefficient)`.
  public var terms: [(cell: Int, coefficient: Double)] {
    Array(zip(cells, coefficients)).map { (cell: $0.0, coefficient: $0.1) }
  }

  /// Whether `values` (one per cell of the table) satisfy it, within `tolerance` relative to the
  /// magnitude of the terms.
  public func holds(_ values: [Double], tolerance: Double = 1e-9) -> Bool {
    var sum = 0.0
    var scale = 1.0
    for (cell, coefficient) in zip(cells, coefficients) {
      sum += coefficient * values[cell]
      scale += abs(coefficient * values[cell])
    }
    let slack = tolerance * scale
    return (lower.map { sum >= $0 - slack } ?? true) && (upper.map { sum <= $0 + slack } ?? true)
  }
}
