import CGLPK
import EnqueteCore

/// The cheapest protection of one cell by linear programming, in the style of Fischetti and
/// Salazar: a change `y = y⁺ − y⁻` of the cells under which every equation still holds, every cell
/// stays ≥ 0, and the protected cell moves by its required amount, of least `Σ cost × |y|` where
/// hidden cells cost nothing and publishable ones their value plus a weight per unit of change.
///
/// Cells that change must be hidden; the change itself is the protection's proof. One GLPK problem
/// serves every cell of a table (columns `y⁺`, `y⁻` per cell that may move, one row per equation),
/// each solve warm-started from the last or started afresh. Not `Sendable`: GLPK is not
/// thread-safe.
final class CheapestProtection {
  private let problem: OpaquePointer
  private var parameters = glp_smcp()
  private let column: [Int32]  // the y⁺ column of each cell (y⁻ is the next), 0 when the cell cannot move
  private let values: [Double]

  /// Builds the program of `table`; `cost` gives each cell's cost per unit of change (`.infinity`
  /// for a cell that may not change: a structural zero).
  /// - Complexity: O(cells + equation terms) to load.
  init(_ table: AdditiveTable, cost: [Double]) {
    glp_term_out(GLP_OFF)
    problem = glp_create_prob()
    values = table.cells.map(\.value)
    var column = [Int32](repeating: 0, count: table.cells.count)
    var next: Int32 = 1
    for index in table.cells.indices where cost[index].isFinite {
      column[index] = next
      next += 2
    }
    self.column = column
    if next > 1 { glp_add_cols(problem, next - 1) }
    for index in table.cells.indices where column[index] > 0 {
      glp_set_col_bnds(problem, column[index], GLP_LO, 0, 0)
      glp_set_col_bnds(problem, column[index] + 1, GLP_DB, 0, values[index])
    }
    var rows: [Int32] = [0]
    var columns: [Int32] = [0]
    var coefficients: [Double] = [0]
    if !table.equations.isEmpty { glp_add_rows(problem, Int32(table.equations.count)) }
    for (number, equation) in table.equations.enumerated() {
      glp_set_row_bnds(problem, Int32(number + 1), GLP_FX, 0, 0)
      for term in equation.terms where column[term.cell] > 0 {
        rows += [Int32(number + 1), Int32(number + 1)]
        columns += [column[term.cell], column[term.cell] + 1]
        coefficients += [term.coefficient, -term.coefficient]
      }
    }
    glp_load_matrix(problem, Int32(coefficients.count - 1), rows, columns, coefficients)
    glp_set_obj_dir(problem, GLP_MIN)
    for index in table.cells.indices where column[index] > 0 { setCost(index, cost[index]) }
    glp_init_smcp(&parameters)
    parameters.msg_lev = GLP_MSG_OFF
    parameters.meth = GLP_DUALP
  }

  deinit { glp_delete_prob(problem) }

  /// Sets the cost per unit of change of `cell` (0 once it is hidden).
  func setCost(_ cell: Int, _ cost: Double) {
    guard column[cell] > 0 else { return }
    glp_set_obj_coef(problem, column[cell], cost)
    glp_set_obj_coef(problem, column[cell] + 1, cost)
  }

  /// The cheapest change moving `cell` by `amount` (up when positive, down when negative), as the
  /// change of every cell that moves; `nil` when no change can.
  ///
  /// With `afresh`, the solve starts from the slack basis (no cell moves), which every cost keeps
  /// dual feasible, so the dual simplex walks out from the cell: the way for a cell that must hide
  /// new cells, whose change is local (on the 12 936-cell publication-shaped table 0.1–0.2 s a
  /// cell, where the last cell's optimum takes 1–1.6 s to undo). Otherwise it starts from the last
  /// solve's basis: the way for a cell already protected by long cycles of hidden cells, free
  /// and degenerate, which the slack basis takes many pivots to rebuild (completing the 27 720-cell
  /// table's best round with every solve afresh: 708 s, against 151 s warm-started).
  func cheapestChange(of cell: Int, by amount: Double, afresh: Bool = false) -> [Int: Double]? {
    let up = column[cell]
    guard up > 0 else { return nil }
    if amount >= 0 {
      glp_set_col_bnds(problem, up, GLP_FX, amount, amount)
      glp_set_col_bnds(problem, up + 1, GLP_FX, 0, 0)
    } else {
      glp_set_col_bnds(problem, up, GLP_FX, 0, 0)
      glp_set_col_bnds(problem, up + 1, GLP_FX, -amount, -amount)
    }
    defer {
      glp_set_col_bnds(problem, up, GLP_LO, 0, 0)
      glp_set_col_bnds(problem, up + 1, GLP_DB, 0, values[cell])
    }
    if afresh { glp_std_basis(problem) }
    var code = glp_simplex(problem, &parameters)
    if code != 0 {
      glp_std_basis(problem)
      code = glp_simplex(problem, &parameters)
    }
    guard code == 0, glp_get_status(problem) == GLP_OPT else { return nil }
    var change: [Int: Double] = [:]
    for (index, first) in column.enumerated() where first > 0 {
      let delta = glp_get_col_prim(problem, first) - glp_get_col_prim(problem, first + 1)
      if abs(delta) > 1e-9 { change[index] = delta }
    }
    return change
  }
}
