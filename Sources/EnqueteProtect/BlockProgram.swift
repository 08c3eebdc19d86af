/// A linear program split into its independent blocks: columns that share no row are solved in
/// separate, smaller GLPK problems. The bounds are exactly those of the whole program (its
/// feasible set is the product of the blocks'), at a fraction of the cost: a pattern's hidden
/// cells mostly form many small groups (one département's categories, one région's).
///
/// Same interface as ``LinearProgram`` for the audit: columns are numbered as in the whole
/// program. Like it, neither `Sendable` nor shared between threads.
final class BlockProgram {
  private let blocks: [LinearProgram]
  /// For each column of the whole program: its block and its column there.
  private let place: [(block: Int, column: Int)]
  /// For each block: its columns in the whole program.
  private let members: [[Int]]
  /// For each block: its rows' numbers in the whole program.
  private let rowNumbers: [[Int]]
  /// The block solved last (``solution()`` reads it).
  private var lastSolved: Int?
  /// The number of columns.
  let columnCount: Int

  /// Splits `rows` (over `columnCount` non-negative columns) into blocks and builds one program each.
  /// - Complexity: O(rows + terms) to split, plus loading each block.
  init(columnCount: Int, rows: [AuditRows.Row], bounds: AuditRows.ColumnBounds? = nil) {
    self.columnCount = columnCount
    var groups = DisjointSets(count: columnCount)
    for row in rows { groups.link(row.terms.lazy.map(\.column)) }
    var blockOfRoot: [Int: Int] = [:]
    var members: [[Int]] = []
    var place = [(block: Int, column: Int)](repeating: (0, 0), count: columnCount)
    for column in 0..<columnCount {
      let root = groups.find(column)
      let block: Int
      if let known = blockOfRoot[root] {
        block = known
      } else {
        block = members.count
        blockOfRoot[root] = block
        members.append([])
      }
      place[column] = (block, members[block].count)
      members[block].append(column)
    }
    var blockRows = [[AuditRows.Row]](repeating: [], count: members.count)
    var rowNumbers = [[Int]](repeating: [], count: members.count)
    for (number, row) in rows.enumerated() {
      guard let first = row.terms.first?.column else { continue }
      let block = place[first].block
      rowNumbers[block].append(number)
      blockRows[block].append(
        (row.terms.map { (place[$0.column].column, $0.coefficient) }, row.lower, row.upper, row.slack))
    }
    blocks = members.indices.map { block in
      LinearProgram(
        columnCount: members[block].count, rows: blockRows[block],
        bounds: bounds.map { all in members[block].map { all[$0] } })
    }
    self.place = place
    self.members = members
    self.rowNumbers = rowNumbers
  }

  /// The smallest value of a column.
  func minimum(of column: Int) -> LinearProgram.Bound {
    lastSolved = place[column].block
    return blocks[place[column].block].minimum(of: place[column].column)
  }

  /// The largest value of a column.
  func maximum(of column: Int) -> LinearProgram.Bound {
    lastSolved = place[column].block
    return blocks[place[column].block].maximum(of: place[column].column)
  }

  /// The dual value of each row of `column`'s block after its last solve, by row number in the
  /// whole program.
  func rowDuals(ofBlockOf column: Int) -> [(row: Int, dual: Double)] {
    let block = place[column].block
    return Array(zip(rowNumbers[block], blocks[block].rowDuals()))
  }

  /// The value of each row of `column`'s block after its last solve, by row number in the whole
  /// program.
  func rowActivities(ofBlockOf column: Int) -> [(row: Int, activity: Double)] {
    let block = place[column].block
    return Array(zip(rowNumbers[block], blocks[block].rowActivities()))
  }

  /// Fixes a column at a value (publishing its cell again).
  func fix(_ column: Int, at value: Double) {
    blocks[place[column].block].fix(place[column].column, at: value)
  }

  /// Frees a fixed column again.
  func release(_ column: Int) { blocks[place[column].block].release(place[column].column) }

  /// The last solve's point for the columns of its block; `nan` for the others (not known).
  func solution() -> [Double] {
    var values = [Double](repeating: .nan, count: columnCount)
    guard let block = lastSolved else { return values }
    for (local, value) in blocks[block].solution().enumerated() { values[members[block][local]] = value }
    return values
  }
}
