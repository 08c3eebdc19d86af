import CGLPK

/// A minimisation MILP built column by column and row by row, solved by GLPK's `glp_intopt` (or,
/// for measuring, by ``ExternalMixedIntegerSolver``).
/// Not `Sendable`: GLPK is not thread-safe; build, solve and drop on one thread.
final class MixedIntegerModel {
  private let problem: OpaquePointer
  private var rows: [Int32] = [0]
  private var columns: [Int32] = [0]
  private var coefficients: [Double] = [0]
  private var rowCount: Int32 = 0
  private var columnCount: Int32 = 0

  init() {
    glp_term_out(GLP_OFF)
    problem = glp_create_prob()
    glp_set_obj_dir(problem, GLP_MIN)
  }

  deinit { glp_delete_prob(problem) }

  /// Adds a column with bounds and objective coefficient; returns its 1-based index.
  func addColumn(lower: Double, upper: Double, cost: Double, integer: Bool) -> Int32 {
    columnCount += 1
    glp_add_cols(problem, 1)
    glp_set_col_bnds(problem, columnCount, lower == upper ? GLP_FX : GLP_DB, lower, upper)
    glp_set_obj_coef(problem, columnCount, cost)
    if integer { glp_set_col_kind(problem, columnCount, GLP_BV) }
    return columnCount
  }

  /// Adds the row `lower ≤ Σ coefficient × column ≤ upper` (`lower` nil: no lower bound).
  func addRow(_ terms: [(column: Int32, coefficient: Double)], lower: Double? = nil, upper: Double) {
    rowCount += 1
    glp_add_rows(problem, 1)
    if let lower {
      glp_set_row_bnds(problem, rowCount, lower == upper ? GLP_FX : GLP_DB, lower, upper)
    } else {
      glp_set_row_bnds(problem, rowCount, GLP_UP, 0, upper)
    }
    append(terms)
  }

  /// Adds the row `Σ coefficient × column ≥ lower`.
  func addRow(_ terms: [(column: Int32, coefficient: Double)], atLeast lower: Double) {
    rowCount += 1
    glp_add_rows(problem, 1)
    glp_set_row_bnds(problem, rowCount, GLP_LO, lower, 0)
    append(terms)
  }

  /// Records the terms of the last row added, for the matrix loaded at solve time.
  private func append(_ terms: [(column: Int32, coefficient: Double)]) {
    for term in terms {
      rows.append(rowCount)
      columns.append(term.column)
      coefficients.append(term.coefficient)
    }
  }

  /// Solves within `timeLimit` seconds: every column's value and whether optimality was proved;
  /// `nil` when no integer solution was found.
  /// With `nodeLimit`, the search also stops once it has opened that many branch-and-bound nodes:
  /// a limit that, unlike time, gives the same answer on every machine.
  func solve(timeLimit: Double, nodeLimit: Int? = nil) -> (values: [Double], proved: Bool)? {
    glp_load_matrix(problem, Int32(coefficients.count - 1), rows, columns, coefficients)
    ModelExport.write(problem, kind: "placement-group")
    if let command = ExternalMixedIntegerSolver.command {
      return ExternalMixedIntegerSolver.solve(
        problem, command: command, columnCount: Int(columnCount), timeLimit: timeLimit, nodeLimit: nodeLimit)
    }
    var parameters = glp_iocp()
    glp_init_iocp(&parameters)
    parameters.msg_lev = GLP_MSG_OFF
    parameters.presolve = GLP_ON
    parameters.tm_lim = Int32(min(timeLimit * 1000, Double(Int32.max)))
    if let nodeLimit {
      // The limit travels as the callback's context pointer: no state outlives the solve.
      parameters.cb_info = UnsafeMutableRawPointer(bitPattern: max(1, nodeLimit))
      parameters.cb_func = { tree, info in
        guard let tree, glp_ios_reason(tree) == GLP_ISELECT else { return }
        var active: Int32 = 0
        var current: Int32 = 0
        var total: Int32 = 0
        glp_ios_tree_size(tree, &active, &current, &total)
        if Int(total) >= Int(bitPattern: info) { glp_ios_terminate(tree) }
      }
    }
    let code = glp_intopt(problem, &parameters)
    let status = glp_mip_status(problem)
    guard status == GLP_OPT || status == GLP_FEAS else { return nil }
    let values = (1...Int(max(columnCount, 1))).map { glp_mip_col_val(problem, Int32($0)) }
    return (values, code == 0 && status == GLP_OPT)
  }
}
