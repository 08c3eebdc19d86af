import EnqueteCore

/// The rows of an audit's linear program: for every equation that involves a hidden cell, its
/// hidden cells' columns and, on the right-hand side, the published cells' sum. Shared by the
/// audit (``ProtectionAudit``) and the reader's audit (``PublishedIntervals``).
enum AuditRows {
  /// One row: the hidden cells' columns with their coefficients, the right-hand side, and how far
  /// rounding may have moved that right-hand side (10⁻¹¹ of the published values summed into it:
  /// sums of thousands of amounts in doubles carry errors of 10⁻¹³ of their magnitude).
  typealias Row = (terms: [(column: Int, coefficient: Double)], rightHandSide: Double, slack: Double)

  /// The rows over `column` (a cell's column, or −1 when published), and the equations whose
  /// cells are all published, each with how far it is from adding up.
  /// - Complexity: O(equation terms).
  static func build(
    _ table: AdditiveTable, column: [Int]
  ) -> (rows: [Row], published: [(equation: Int, gap: Double)]) {
    var rows: [Row] = []
    var published: [(equation: Int, gap: Double)] = []
    for (number, equation) in table.equations.enumerated() {
      var terms: [(column: Int, coefficient: Double)] = []
      var constant = 0.0
      var scale = 1.0
      for term in equation.terms {
        if column[term.cell] >= 0 {
          terms.append((column[term.cell], term.coefficient))
        } else {
          constant += term.coefficient * table.cells[term.cell].value
          scale += abs(table.cells[term.cell].value)
        }
      }
      // Sums of many amounts leave rounding in the last digits: a right-hand side that is zero
      // but for it is zero (else a hidden cell worth 0 has no feasible value).
      if abs(constant) <= 1e-12 * scale { constant = 0 }
      if terms.isEmpty {
        published.append((number, constant))
      } else {
        rows.append((terms, -constant, 1e-11 * scale))
      }
    }
    return (rows, published)
  }

  /// The equation behind each row of ``build(_:column:)``, in the same order: the equations that
  /// involve a hidden cell.
  static func equations(of table: AdditiveTable, column: [Int]) -> [Int] {
    table.equations.indices.filter { table.equations[$0].cells.contains { column[$0] >= 0 } }
  }
}
