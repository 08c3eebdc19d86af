import EnqueteCore

/// The rows of an audit's linear program: for every equation and every constraint that involves a
/// hidden cell, its hidden cells' columns and, on the bounds, the published cells moved across.
/// Shared by the audit (``ProtectionAudit``), the reader's audit (``PublishedIntervals``) and the
/// cuts (``ProtectionCut``).
enum AuditRows {
  /// One row: the hidden cells' columns with their coefficients, `lower ≤ Σ ≤ upper` (equal for an
  /// equation, infinite on an open side), and how far rounding may have moved the bounds (10⁻¹¹ of
  /// the published values summed into them: sums of thousands of amounts in doubles carry errors of
  /// 10⁻¹³ of their magnitude).
  typealias Row = (terms: [(column: Int, coefficient: Double)], lower: Double, upper: Double, slack: Double)

  /// The bounds of each column: what a reader knows of a hidden cell (≥ 0, or ≥ 1 where zeros
  /// are published; at most a known bound).
  typealias ColumnBounds = [(lower: Double, upper: Double)]

  /// The rows over `column` (a cell's column, or −1 when published), equations first then
  /// constraints, and the equations whose cells are all published, each with how far it is from
  /// adding up.
  /// - Complexity: O(equation and constraint terms).
  static func build(
    _ table: AdditiveTable, column: [Int]
  ) -> (rows: [Row], published: [(equation: Int, gap: Double)]) {
    var rows: [Row] = []
    var published: [(equation: Int, gap: Double)] = []
    for (number, equation) in table.equations.enumerated() {
      let (terms, constant, scale) = split(equation.terms, table, column)
      if terms.isEmpty {
        published.append((number, constant))
      } else {
        rows.append((terms, -constant, -constant, 1e-11 * scale))
      }
    }
    for constraint in table.constraints {
      let (terms, constant, scale) = split(constraint.terms, table, column)
      guard !terms.isEmpty else { continue }
      rows.append(
        (
          terms, constraint.lower.map { $0 - constant } ?? -.infinity,
          constraint.upper.map { $0 - constant } ?? .infinity, 1e-11 * scale
        ))
    }
    return (rows, published)
  }

  /// The hidden terms of a linear form, and the published cells' part of it.
  private static func split(
    _ all: [(cell: Int, coefficient: Double)], _ table: AdditiveTable, _ column: [Int]
  ) -> (terms: [(column: Int, coefficient: Double)], constant: Double, scale: Double) {
    var terms: [(column: Int, coefficient: Double)] = []
    var constant = 0.0
    var scale = 1.0
    for term in all {
      if column[term.cell] >= 0 {
        terms.append((column[term.cell], term.coefficient))
      } else {
        constant += term.coefficient * table.cells[term.cell].value
        scale += abs(term.coefficient * table.cells[term.cell].value)
      }
    }
    // Sums of many amounts leave rounding in the last digits: a right-hand side that is zero
    // but for it is zero (else a hidden cell worth 0 has no feasible value).
    if abs(constant) <= 1e-12 * scale { constant = 0 }
    return (terms, constant, scale)
  }

  /// Every term (published cells too) of each row of ``build(_:column:)``, in the same order.
  static func cellTerms(of table: AdditiveTable, column: [Int]) -> [[(cell: Int, coefficient: Double)]] {
    let forms = table.equations.map(\.terms) + table.constraints.map(\.terms)
    return forms.filter { $0.contains { column[$0.cell] >= 0 } }
  }

  /// The bounds of the columns of `hidden` cells (in that order).
  static func columnBounds(_ table: AdditiveTable, hidden: [Int]) -> ColumnBounds {
    hidden.map { (table.cells[$0].hiddenLowerBound, table.cells[$0].hiddenUpperBound) }
  }
}
