import EnqueteCore

/// A table crossing dimensions (``TableDimension``): one cell per combination of one code per
/// dimension, every equation of every dimension repeated for each combination of the others.
///
/// The cell at positions `(p₀, p₁, …)` is at index `Σ pᵢ × strides[i]` of ``table``; its identifier
/// is its codes joined by `|`. This grid is what the hypercube search of ``SecondarySuppression``
/// walks; the plain ``table`` is what the audit proves.
public struct CrossedTable: Sendable {
  /// The dimensions, outermost first.
  public let dimensions: [TableDimension]
  /// The index step of each dimension.
  public let strides: [Int]
  /// The cells and their equations.
  public let table: AdditiveTable

  /// Builds the table from its inner cells (one inner code per dimension, a count: each
  /// contributor counted once). Missing inner cells are zeros; every other cell is a sum.
  /// - Complexity: O(cells × dimensions + inner cells × Π codes containing each inner code).
  public init(
    dimensions: [TableDimension], inner: [(positions: [Int], count: Int)]
  ) throws(AdditiveTable.Problem) {
    let strides = Self.strides(dimensions)
    let cellCount = dimensions.reduce(1) { $0 * $1.codes.count }
    var counts = [Int](repeating: 0, count: cellCount)
    for entry in inner {
      var offsets = [0]
      for (dimension, position) in entry.positions.enumerated() {
        let codes = dimensions[dimension].containing[position]
        offsets = offsets.flatMap { base in codes.map { base + $0 * strides[dimension] } }
      }
      for offset in offsets { counts[offset] += entry.count }
    }
    var cells: [TableCell] = []
    cells.reserveCapacity(cellCount)
    for offset in 0..<cellCount {
      let id = dimensions.indices.map {
        dimensions[$0].codes[(offset / strides[$0]) % dimensions[$0].codes.count]
      }
      .joined(separator: HierarchicalTable.separator)
      cells.append(TableCell(id: id, value: Double(counts[offset]), contributors: counts[offset]))
    }
    try self.init(dimensions: dimensions, cells: cells)
  }

  /// Builds the table of `cells`, given in grid order (the last dimension varying fastest).
  public init(dimensions: [TableDimension], cells: [TableCell]) throws(AdditiveTable.Problem) {
    let strides = Self.strides(dimensions)
    let byTotal = dimensions.map { dimension in
      var result = [[TableEquation]](repeating: [], count: dimension.codes.count)
      for equation in dimension.equations { result[equation.total].append(equation) }
      return result
    }
    var equations: [TableEquation] = []
    for offset in cells.indices {
      for (dimension, step) in strides.enumerated() {
        let position = (offset / step) % dimensions[dimension].codes.count
        let base = offset - position * step
        for equation in byTotal[dimension][position] {
          equations.append(TableEquation(total: offset, parts: equation.parts.map { base + $0 * step }))
        }
      }
    }
    self.dimensions = dimensions
    self.strides = strides
    table = try AdditiveTable(cells: cells, equations: equations)
  }

  /// Wraps an already built table whose cells are in this grid's order (``HierarchicalTable``).
  init(dimensions: [TableDimension], table: AdditiveTable) {
    self.dimensions = dimensions
    strides = Self.strides(dimensions)
    self.table = table
  }

  /// The position in each dimension of the cell at `offset`.
  public func positions(of offset: Int) -> [Int] {
    strides.indices.map { (offset / strides[$0]) % dimensions[$0].codes.count }
  }

  /// The index of the cell with these codes (one per dimension), if any.
  public func cellIndex(codes: [String]) -> Int? {
    table.index(of: codes.joined(separator: HierarchicalTable.separator))
  }

  private static func strides(_ dimensions: [TableDimension]) -> [Int] {
    var strides = [Int](repeating: 1, count: dimensions.count)
    for dimension in dimensions.indices.dropLast().reversed() {
      strides[dimension] = strides[dimension + 1] * dimensions[dimension + 1].codes.count
    }
    return strides
  }
}

extension HierarchicalTable {
  /// The same table as a grid of ``TableDimension``s, for the hypercube search.
  public var crossed: CrossedTable {
    CrossedTable(dimensions: dimensions.map(TableDimension.init(hierarchy:)), table: table)
  }
}
