import CGLPK
import EnqueteCore

/// Sparse proofs of protection by linear programming: for a protected cell, the change of least
/// `Σ |change|` of the hidden cells under which every equation and constraint still holds, every
/// cell stays within what a reader knows of it (≥ 0 by default) and the cell moves by its required
/// amount (Fischetti and Salazar's attacker problem with a
/// smallest-change objective).
///
/// The program exists exactly when the audit's maximum (or minimum) reaches the required bound, so
/// the pruning that uses it publishes the same cells as one re-proving by maximum and minimum; but
/// the change found is small (a cycle of hidden cells, usually), so publishing another hidden cell
/// again invalidates few proofs. Columns `y⁺`, `y⁻` per cell hidden when the program is built,
/// `y⁻ ≤ value`; a cell published again is fixed at no change. One GLPK problem serves every proof,
/// warm-started by the dual simplex (only bounds change from one solve to the next). Not
/// `Sendable`: GLPK is not thread-safe.
final class ProofBlock {
  private let problem: OpaquePointer
  private var parameters = glp_smcp()
  /// The `y⁺` column of each cell of the block (`y⁻` is the next).
  private let column: [Int: Int32]
  /// The cells of the block, in table order.
  private let members: [Int]
  /// The value of each cell of the block.
  private let values: [Int: Double]
  /// How far each cell of the block may fall and rise (what a reader knows of a hidden cell).
  private let room: [Int: (down: Double, up: Double)]
  private let tolerance = 5e-7

  /// Builds the program of the hidden cells `members` of `table`, tied by its equations
  /// `equations` and constraints `constraints` (those that involve them; no other hidden cell
  /// appears in them).
  /// - Complexity: O(members + terms of `equations` and `constraints`) to load.
  init(_ table: AdditiveTable, members: [Int], equations: [Int], constraints: [Int] = []) {
    glp_term_out(GLP_OFF)
    problem = glp_create_prob()
    var column: [Int: Int32] = [:]
    var values: [Int: Double] = [:]
    var room: [Int: (down: Double, up: Double)] = [:]
    var next: Int32 = 1
    for index in members {
      column[index] = next
      let cell = table.cells[index]
      values[index] = cell.value
      room[index] = (max(0, cell.value - cell.hiddenLowerBound), cell.hiddenUpperBound - cell.value)
      next += 2
    }
    self.column = column
    self.members = members
    self.values = values
    self.room = room
    if next > 1 { glp_add_cols(problem, next - 1) }
    var rows: [Int32] = [0]
    var columns: [Int32] = [0]
    var coefficients: [Double] = [0]
    var rowCount: Int32 = 0
    for number in equations {
      let terms = table.equations[number].terms.filter { column[$0.cell] != nil }
      guard !terms.isEmpty else { continue }
      rowCount += 1
      for term in terms {
        rows += [rowCount, rowCount]
        columns += [column[term.cell]!, column[term.cell]! + 1]
        coefficients += [term.coefficient, -term.coefficient]
      }
    }
    var bounds: [(lower: Double, upper: Double)] = Array(repeating: (0, 0), count: Int(rowCount))
    // A constraint holds at the true values; the change may use its slack on either side.
    for number in constraints {
      let constraint = table.constraints[number]
      let terms = constraint.terms.filter { column[$0.cell] != nil }
      guard !terms.isEmpty else { continue }
      let truth = constraint.terms.reduce(0) { $0 + $1.coefficient * table.cells[$1.cell].value }
      rowCount += 1
      for term in terms {
        rows += [rowCount, rowCount]
        columns += [column[term.cell]!, column[term.cell]! + 1]
        coefficients += [term.coefficient, -term.coefficient]
      }
      bounds.append(
        (
          constraint.lower.map { min(0, $0 - truth) } ?? -.infinity,
          constraint.upper.map { max(0, $0 - truth) } ?? .infinity
        ))
    }
    if rowCount > 0 {
      glp_add_rows(problem, rowCount)
      for row in 1...rowCount {
        LinearProgram.setRowBounds(problem, row, bounds[Int(row) - 1].lower, bounds[Int(row) - 1].upper)
      }
    }
    glp_load_matrix(problem, Int32(coefficients.count - 1), rows, columns, coefficients)
    glp_set_obj_dir(problem, GLP_MIN)
    for index in members {
      release(index)
      glp_set_obj_coef(problem, column[index]!, 1)
      glp_set_obj_coef(problem, column[index]! + 1, 1)
    }
    glp_init_smcp(&parameters)
    parameters.msg_lev = GLP_MSG_OFF
    parameters.meth = GLP_DUALP
  }

  deinit { glp_delete_prob(problem) }

  /// Fixes `cell` at its value (a hidden cell published again).
  func fix(_ cell: Int) {
    guard let first = column[cell] else { return }
    glp_set_col_bnds(problem, first, GLP_FX, 0, 0)
    glp_set_col_bnds(problem, first + 1, GLP_FX, 0, 0)
  }

  /// Lets `cell` move again: up to what a reader knows (freely by default), down to its least
  /// value (0 by default).
  func release(_ cell: Int) {
    guard let first = column[cell], let (down, up) = room[cell] else { return }
    LinearProgram.setColumnBounds(problem, first, 0, max(0, up))
    LinearProgram.setColumnBounds(problem, first + 1, 0, down)
  }

  /// The smallest change moving the hidden `cell` by `amount` (up when positive, down when
  /// negative; within a tolerance of 5 × 10⁻⁷, below the audit's), as the change of every cell
  /// that moves; `nil` when no change can (the audit's bound in that direction falls short).
  func change(of cell: Int, by amount: Double) -> [Int: Double]? {
    guard let up = column[cell] else { return nil }
    let size = max(0, abs(amount) - tolerance)
    if size == 0 { return [:] }
    if amount >= 0 {
      guard size <= room[cell]!.up else { return nil }
      glp_set_col_bnds(problem, up, GLP_FX, size, size)
      glp_set_col_bnds(problem, up + 1, GLP_FX, 0, 0)
    } else {
      guard size <= room[cell]!.down else { return nil }
      glp_set_col_bnds(problem, up, GLP_FX, 0, 0)
      glp_set_col_bnds(problem, up + 1, GLP_FX, size, size)
    }
    defer { release(cell) }
    var code = glp_simplex(problem, &parameters)
    if code != 0 {
      // A singular or ill-conditioned warm basis: start again from the standard basis.
      glp_std_basis(problem)
      code = glp_simplex(problem, &parameters)
    }
    guard code == 0, glp_get_status(problem) == GLP_OPT else { return nil }
    var change: [Int: Double] = [:]
    for index in members {
      let first = column[index]!
      let delta = glp_get_col_prim(problem, first) - glp_get_col_prim(problem, first + 1)
      if abs(delta) > 1e-9 { change[index] = delta }
    }
    return change
  }
}

/// ``ProofBlock``s for every independent group of hidden cells (cells tied, directly or not, by
/// equations): each proof solves only its cell's block, a fraction of the whole pattern, with the
/// same answer (the groups share no equation).
final class ProofProgram {
  private let blocks: [ProofBlock]
  private let blockOf: [Int]

  /// Builds one block per group of the cells hidden in `statuses` over `table`.
  /// - Complexity: O(cells + equation terms) to split and load.
  init(_ table: AdditiveTable, _ statuses: [CellStatus]) {
    var groups = DisjointSets(count: table.cells.count)
    for equation in table.equations { groups.link(equation.cells.lazy.filter { statuses[$0].isSuppressed }) }
    for constraint in table.constraints {
      groups.link(constraint.cells.lazy.filter { statuses[$0].isSuppressed })
    }
    var blockOfRoot: [Int: Int] = [:]
    var blockOf = [Int](repeating: -1, count: table.cells.count)
    for cell in table.cells.indices where statuses[cell].isSuppressed {
      let root = groups.find(cell)
      if let block = blockOfRoot[root] {
        blockOf[cell] = block
      } else {
        blockOf[cell] = blockOfRoot.count
        blockOfRoot[root] = blockOfRoot.count
      }
    }
    self.blockOf = blockOf
    var members = [[Int]](repeating: [], count: blockOfRoot.count)
    for cell in table.cells.indices where blockOf[cell] >= 0 { members[blockOf[cell]].append(cell) }
    var equations = [[Int]](repeating: [], count: blockOfRoot.count)
    for (number, equation) in table.equations.enumerated() {
      if let hidden = equation.cells.first(where: { blockOf[$0] >= 0 }) {
        equations[blockOf[hidden]].append(number)
      }
    }
    var constraints = [[Int]](repeating: [], count: blockOfRoot.count)
    for (number, constraint) in table.constraints.enumerated() {
      if let hidden = constraint.cells.first(where: { blockOf[$0] >= 0 }) {
        constraints[blockOf[hidden]].append(number)
      }
    }
    blocks = members.indices.map {
      ProofBlock(table, members: members[$0], equations: equations[$0], constraints: constraints[$0])
    }
  }

  /// Fixes `cell` at its value (a hidden cell published again).
  func fix(_ cell: Int) {
    if blockOf[cell] >= 0 { blocks[blockOf[cell]].fix(cell) }
  }

  /// Lets `cell` move again.
  func release(_ cell: Int) {
    if blockOf[cell] >= 0 { blocks[blockOf[cell]].release(cell) }
  }

  /// The smallest change moving the hidden `cell` by `amount` (see ``ProofBlock/change(of:by:)``).
  func change(of cell: Int, by amount: Double) -> [Int: Double]? {
    blockOf[cell] >= 0 ? blocks[blockOf[cell]].change(of: cell, by: amount) : nil
  }
}
