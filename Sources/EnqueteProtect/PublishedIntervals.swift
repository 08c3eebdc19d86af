import EnqueteCore

/// The audit a reader can run: the interval of every hidden cell computed from the published
/// values alone (hidden cells' values are unknown and ignored), the equations, the constraints a
/// reader knows and the bounds of hidden cells (non-negativity, ≥ 1 where zeros are published).
///
/// What `enquete audit DIR` runs on a published folder; it needs no confidential value.
public enum PublishedIntervals {
  /// Why the published figures cannot be audited.
  public enum Problem: Error, Hashable, Sendable {
    /// An equation whose cells are all published does not add up (beyond `1e-6`), by its index.
    case unbalancedPublishedEquation(Int)
    /// No values of the hidden cells satisfy the equations with the published ones.
    case infeasible
  }

  /// For every cell where `hidden` is true (in table order), the smallest and largest value the
  /// published cells allow (`upper` nil when unbounded).
  /// - Complexity: two simplex solves per hidden cell, warm-started, over the equations that
  ///   involve a hidden cell.
  public static func intervals(
    of table: AdditiveTable, hidden: [Bool]
  ) throws(Problem) -> [(cell: Int, lower: Double, upper: Double?)] {
    precondition(hidden.count == table.cells.count, "one flag per cell")
    let hiddenCells = hidden.indices.filter { hidden[$0] }
    var column = [Int](repeating: -1, count: hidden.count)
    for (position, cell) in hiddenCells.enumerated() { column[cell] = position }
    let (rows, published) = AuditRows.build(table, column: column)
    for (number, gap) in published
    where abs(gap) > 1e-6 * max(1, abs(table.cells[table.equations[number].total].value)) {
      throw .unbalancedPublishedEquation(number)
    }
    let program = BlockProgram(
      columnCount: hiddenCells.count, rows: rows, bounds: AuditRows.columnBounds(table, hidden: hiddenCells))
    var result: [(cell: Int, lower: Double, upper: Double?)] = []
    result.reserveCapacity(hiddenCells.count)
    for (position, cell) in hiddenCells.enumerated() {
      guard case .finite(let lower) = program.minimum(of: position) else { throw .infeasible }
      switch program.maximum(of: position) {
      case .finite(let upper): result.append((cell, lower, upper))
      case .unbounded: result.append((cell, lower, nil))
      case .infeasible: throw .infeasible
      }
    }
    return result
  }
}
