import CGLPK

/// The linear relaxation of the placement program: ``SuppressionConditions`` over one column
/// in [0, 1] per cell, cost minimised, solved by GLPK's dual simplex.
///
/// Costs are non-negative, so the all-published basis is dual feasible and the dual simplex starts
/// from it at once; each cut added later (``add(_:)``) only makes the last basis primal infeasible,
/// and the next solve goes on from it in a few pivots. On the peers' 10 080-cell table the first
/// solve takes 0.4 s where the primal simplex takes 4.7 s.
///
/// One instance is one `glp_prob`: neither `Sendable` nor shared between threads (GLPK is not
/// thread-safe); build, solve and drop it on one thread.
final class RelaxedPlacement {
  private let problem: OpaquePointer
  private var parameters = glp_smcp()
  private let columnCount: Int

  /// The relaxation over `cost.count` cells: a cell with `fixed` set is at that value (1 hidden,
  /// 0 never hidden), the others in [0, 1]; every row of `conditions`.
  /// - Complexity: O(rows + terms) to load.
  init(cost: [Double], fixed: [Double?], conditions: SuppressionConditions) {
    glp_term_out(GLP_OFF)
    problem = glp_create_prob()
    columnCount = cost.count
    glp_set_obj_dir(problem, GLP_MIN)
    if columnCount > 0 { glp_add_cols(problem, Int32(columnCount)) }
    for (cell, value) in fixed.enumerated() {
      let column = Int32(cell + 1)
      if let value {
        glp_set_col_bnds(problem, column, GLP_FX, value, value)
      } else {
        glp_set_col_bnds(problem, column, GLP_DB, 0, 1)
        glp_set_obj_coef(problem, column, cost[cell])
      }
    }
    for row in conditions.rows { add(row) }
    glp_init_smcp(&parameters)
    parameters.msg_lev = GLP_MSG_OFF
    parameters.meth = GLP_DUALP
    parameters.presolve = GLP_OFF
  }

  deinit { glp_delete_prob(problem) }

  /// Appends the row `Σ coefficient × cell ≥ lower`.
  func add(_ row: SuppressionConditions.Row) {
    let number = glp_add_rows(problem, 1)
    glp_set_row_bnds(problem, number, GLP_LO, row.lower, 0)
    var columns: [Int32] = [0]
    var values: [Double] = [0]
    for term in row.terms {
      columns.append(Int32(term.cell + 1))
      values.append(term.coefficient)
    }
    glp_set_mat_row(problem, number, Int32(row.terms.count), columns, values)
  }

  /// The cost of the last optimal relaxed solution: a lower bound on the cost of every pattern
  /// that meets the rows (the conditions and cuts, all necessary for protection).
  var objective: Double { glp_get_obj_val(problem) }

  /// Writes the program this relaxes (every free cell binary) for ``ModelExport``, when on.
  func export() { ModelExport.writeAsIntegerProgram(problem, kind: "placement-whole") }

  /// The optimal relaxed value of every cell, or `nil` when the rows cannot all hold.
  /// - Complexity: a dual simplex run, warm-started from the previous basis.
  func solve() -> [Double]? {
    var code = glp_simplex(problem, &parameters)
    if code != 0 {
      glp_std_basis(problem)
      code = glp_simplex(problem, &parameters)
    }
    guard code == 0, glp_get_status(problem) == GLP_OPT else { return nil }
    return (0..<columnCount).map { glp_get_col_prim(problem, Int32($0 + 1)) }
  }
}
