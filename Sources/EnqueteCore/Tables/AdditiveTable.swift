/// A statistical table as the secrecy stage sees it: cells tied by linear equations.
///
/// One `AdditiveTable` may hold several published tables at once (linked tables): the national
/// table by région, the one by cour d'appel, categories with their totals. Protection is computed
/// over the whole system, never table by table.
public struct AdditiveTable: Sendable, Hashable {
  /// The cells, in a stable order.
  public private(set) var cells: [TableCell]
  /// The equations `total = Σ parts` that tie the cells.
  public private(set) var equations: [TableEquation]
  /// The other linear facts a reader knows about the cells (rules, minima, indicators): inequalities
  /// the audit's attacker uses with the equations.
  public private(set) var constraints: [TableConstraint]
  private var indexByID: [String: Int]

  /// Why a table cannot be built.
  public enum Problem: Error, Hashable, Sendable {
    /// Two cells share an identifier.
    case duplicateCell(id: String)
    /// An equation names a cell index outside the table.
    case unknownCell(equation: Int, index: Int)
    /// A constraint names a cell index outside the table.
    case unknownConstraintCell(constraint: Int, index: Int)
  }

  /// Creates a table, checking that cell identifiers are unique and equations name known cells.
  public init(
    cells: [TableCell], equations: [TableEquation], constraints: [TableConstraint] = []
  ) throws(Problem) {
    var indexByID: [String: Int] = [:]
    indexByID.reserveCapacity(cells.count)
    for (index, cell) in cells.enumerated() {
      guard indexByID.updateValue(index, forKey: cell.id) == nil else {
        throw .duplicateCell(id: cell.id)
      }
    }
    for (number, equation) in equations.enumerated() {
      for index in equation.cells where !cells.indices.contains(index) {
        throw .unknownCell(equation: number, index: index)
      }
    }
    for (number, constraint) in constraints.enumerated() {
      for index in constraint.cells where !cells.indices.contains(index) {
        throw .unknownConstraintCell(constraint: number, index: index)
      }
    }
    self.cells = cells
    self.equations = equations
    self.constraints = constraints
    self.indexByID = indexByID
  }

  /// The index of the cell with this identifier, if any.
  public func index(of id: String) -> Int? { indexByID[id] }

  /// The same table with each cell's ``TableCell/cost`` set to `cost(cell)` (identifiers,
  /// values, equations and constraints unchanged).
  public func withCosts(_ cost: (TableCell) -> Double?) -> AdditiveTable {
    var copy = self
    for index in copy.cells.indices { copy.cells[index].cost = cost(copy.cells[index]) }
    return copy
  }

  /// The equations whose values do not add up (beyond `tolerance` relative to the total, or
  /// absolute below 1: sums of thousands of amounts in euros carry rounding of that order), by
  /// their index.
  public func unbalancedEquations(tolerance: Double = 1e-10) -> [Int] {
    equations.indices.filter { number in
      let equation = equations[number]
      let sum = equation.parts.reduce(0) { $0 + cells[$1].value }
      let total = cells[equation.total].value
      return abs(sum - total) > tolerance * max(1, abs(total), abs(sum))
    }
  }

  /// Whether a reader knows more than the equations and non-negativity: constraints, or bounds of
  /// hidden cells.
  public var hasKnowledgeBeyondEquations: Bool {
    !constraints.isEmpty || cells.contains { $0.knownLowerBound != nil || $0.knownUpperBound != nil }
  }

  /// For every cell, the indices of the constraints it takes part in (in increasing order).
  /// - Complexity: O(total number of constraint terms).
  public func constraintsByCell() -> [[Int]] {
    var result = [[Int]](repeating: [], count: cells.count)
    for (number, constraint) in constraints.enumerated() {
      for cell in constraint.cells where result[cell].last != number { result[cell].append(number) }
    }
    return result
  }

  /// For every cell, the indices of the equations it takes part in (in increasing order).
  /// - Complexity: O(total number of equation terms).
  public func equationsByCell() -> [[Int]] {
    var result = [[Int]](repeating: [], count: cells.count)
    for (number, equation) in equations.enumerated() {
      for cell in equation.cells where result[cell].last != number { result[cell].append(number) }
    }
    return result
  }
}
