import CGLPK

/// A linear program over bounded columns (≥ 0 by default) with equality and inequality rows,
/// solved by GLPK's simplex.
///
/// One instance is one `glp_prob`, built once and reused for a sequence of solves that change
/// only the objective (minimise then maximise each column): GLPK warm-starts from the previous
/// basis. GLPK is not thread-safe (Debian's build keeps its environment in thread-local storage),
/// so an instance is neither `Sendable` nor shared: create, solve and drop it on one thread, as
/// every synchronous use here does. Tests may run audits on several threads at once, each with its
/// own problems.
final class LinearProgram {
  /// The outcome of optimising one column.
  enum Bound: Equatable {
    /// The optimum, a finite value.
    case finite(Double)
    /// No finite optimum in that direction.
    case unbounded
    /// The rows cannot all hold with non-negative columns (the published values are inconsistent).
    case infeasible
  }

  private let problem: OpaquePointer
  private var parameters = glp_smcp()
  private var objectiveColumn: Int32?
  /// The rows, kept to relax them (``relaxToRounding()``).
  private let rows: [AuditRows.Row]
  /// The bounds of each column, kept to release a fixed column.
  private let bounds: AuditRows.ColumnBounds
  /// Whether the rows were widened to their rounding slack.
  private(set) var relaxed = false
  /// The number of columns.
  let columnCount: Int

  /// Builds the program `lower ≤ Σ coefficient × column ≤ upper` for every row, each column within
  /// its `bounds` (default: ≥ 0).
  /// - Complexity: O(rows + total terms) to load.
  init(columnCount: Int, rows: [AuditRows.Row], bounds: AuditRows.ColumnBounds? = nil) {
    self.rows = rows
    self.bounds = bounds ?? Array(repeating: (0, .infinity), count: columnCount)
    glp_term_out(GLP_OFF)
    problem = glp_create_prob()
    self.columnCount = columnCount
    if columnCount > 0 { glp_add_cols(problem, Int32(columnCount)) }
    for column in 0..<columnCount { release(column) }
    if !rows.isEmpty { glp_add_rows(problem, Int32(rows.count)) }
    var rowIndices: [Int32] = [0]
    var columnIndices: [Int32] = [0]
    var values: [Double] = [0]
    for (number, row) in rows.enumerated() {
      Self.setRowBounds(problem, Int32(number + 1), row.lower, row.upper)
      for term in row.terms {
        rowIndices.append(Int32(number + 1))
        columnIndices.append(Int32(term.column + 1))
        values.append(term.coefficient)
      }
    }
    glp_load_matrix(problem, Int32(values.count - 1), rowIndices, columnIndices, values)
    glp_init_smcp(&parameters)
    parameters.msg_lev = GLP_MSG_OFF
    parameters.presolve = GLP_OFF
  }

  deinit { glp_delete_prob(problem) }

  /// The smallest value `column` can take.
  func minimum(of column: Int) -> Bound { optimise(column, direction: GLP_MIN) }

  /// The largest value `column` can take.
  func maximum(of column: Int) -> Bound { optimise(column, direction: GLP_MAX) }

  /// Fixes `column` at `value` (a hidden cell published again), keeping the basis for a warm start.
  func fix(_ column: Int, at value: Double) {
    glp_set_col_bnds(problem, Int32(column + 1), GLP_FX, value, value)
  }

  /// Frees `column` again, within its bounds.
  func release(_ column: Int) {
    let (lower, upper) = bounds[column]
    Self.setColumnBounds(problem, Int32(column + 1), lower, upper)
  }

  /// The value of every row (the sum of its terms) in the last optimal solution.
  func rowActivities() -> [Double] {
    (0..<glp_get_num_rows(problem)).map { glp_get_row_prim(problem, $0 + 1) }
  }

  /// Sets `lower ≤ row ≤ upper` (infinite on an open side).
  static func setRowBounds(_ problem: OpaquePointer, _ row: Int32, _ lower: Double, _ upper: Double) {
    glp_set_row_bnds(problem, row, kind(lower, upper), lower.isFinite ? lower : 0, upper.isFinite ? upper : 0)
  }

  /// Sets `lower ≤ column ≤ upper` (infinite on an open side).
  static func setColumnBounds(_ problem: OpaquePointer, _ column: Int32, _ lower: Double, _ upper: Double) {
    glp_set_col_bnds(
      problem, column, kind(lower, upper), lower.isFinite ? lower : 0, upper.isFinite ? upper : 0)
  }

  /// GLPK's kind of bounds.
  private static func kind(_ lower: Double, _ upper: Double) -> Int32 {
    switch (lower.isFinite, upper.isFinite) {
    case (true, true): lower == upper ? GLP_FX : GLP_DB
    case (true, false): GLP_LO
    case (false, true): GLP_UP
    case (false, false): GLP_FR
    }
  }

  /// The value of every column in the last optimal solution.
  func solution() -> [Double] {
    (0..<columnCount).map { glp_get_col_prim(problem, Int32($0 + 1)) }
  }

  /// The dual value of every row in the last optimal solution (GLPK's sign convention: a
  /// column's reduced cost is its objective coefficient minus Σ dual × coefficient).
  func rowDuals() -> [Double] {
    (0..<glp_get_num_rows(problem)).map { glp_get_row_dual(problem, $0 + 1) }
  }

  private func optimise(_ column: Int, direction: Int32) -> Bound {
    let target = Int32(column + 1)
    if let previous = objectiveColumn, previous != target { glp_set_obj_coef(problem, previous, 0) }
    glp_set_obj_coef(problem, target, 1)
    objectiveColumn = target
    glp_set_obj_dir(problem, direction)
    var code = solve()
    if !relaxed, code != 0 || glp_get_status(problem) == GLP_NOFEAS {
      // Published sums of amounts in the millions carry rounding of 10⁻⁷ that the simplex's
      // absolute tolerances may find infeasible where a cell is 0: widen each row by its slack.
      relaxToRounding()
      code = solve()
    }
    guard code == 0 else { return .infeasible }
    switch glp_get_status(problem) {
    case GLP_OPT: return .finite(glp_get_obj_val(problem))
    case GLP_UNBND: return .unbounded
    default: return .infeasible
    }
  }

  /// One simplex run, from the standard basis again when the warm one is singular.
  private func solve() -> Int32 {
    var code = glp_simplex(problem, &parameters)
    if code != 0 {
      glp_std_basis(problem)
      code = glp_simplex(problem, &parameters)
    }
    return code
  }

  /// Lets every row's sum move by its slack (``AuditRows/Row``), for good: the bounds then widen
  /// by at most the rounding the published figures carry.
  private func relaxToRounding() {
    relaxed = true
    for (number, row) in rows.enumerated() where row.slack > 0 {
      Self.setRowBounds(problem, Int32(number + 1), row.lower - row.slack, row.upper + row.slack)
    }
    glp_std_basis(problem)
  }
}
