import EnqueteCore

/// A table crossing hierarchical dimensions, with every marginal total, as τ-Argus publishes it.
///
/// Its cells are every combination of one code per dimension (each level of each hierarchy, and
/// each category or its total); its equations say that each code that has children is the sum of
/// its children, for every combination of the other dimensions' codes.
public struct HierarchicalTable: Sendable {
  /// The dimensions, outermost first (the geography, then the categories).
  public let dimensions: [CodeHierarchy]
  /// The cells and their equations. A cell's identifier is its codes joined by `|`.
  public let table: AdditiveTable

  /// The separator of codes in a cell identifier.
  public static let separator = "|"

  /// Builds the table from its inner cells: `inner` maps one leaf code per dimension to a count
  /// (each contributor counted once: a cell's contributors are its count). Missing inner cells
  /// are zeros; totals are the sums of their inner cells.
  /// - Complexity: O(cells × dimensions + inner cells × depth^dimensions).
  public init(
    dimensions: [CodeHierarchy], inner: [(positions: [Int], count: Int)]
  ) throws(AdditiveTable.Problem) {
    let sizes = dimensions.map(\.codes.count)
    let strides = Self.strides(sizes)
    var counts = [Int](repeating: 0, count: sizes.reduce(1, *))
    for entry in inner {
      for offset in Self.offsets(containing: entry.positions, dimensions, strides) {
        counts[offset] += entry.count
      }
    }
    let cells = counts.indices.map { offset in
      TableCell(
        id: Self.id(of: offset, dimensions, strides), value: Double(counts[offset]),
        contributors: counts[offset])
    }
    try self.init(dimensions: dimensions, gridCells: cells)
  }

  /// The index of the cell with these codes (one per dimension), if any.
  public func cellIndex(codes: [String]) -> Int? {
    table.index(of: codes.joined(separator: Self.separator))
  }

  /// The table of `gridCells`, one per combination of codes in grid order (the last dimension
  /// varying fastest), with the equations of every hierarchy; values are taken as given.
  public init(dimensions: [CodeHierarchy], gridCells cells: [TableCell]) throws(AdditiveTable.Problem) {
    self.dimensions = dimensions
    let sizes = dimensions.map(\.codes.count)
    let strides = Self.strides(sizes)
    var equations: [TableEquation] = []
    for offset in cells.indices {
      for dimension in sizes.indices {
        let position = (offset / strides[dimension]) % sizes[dimension]
        let children = dimensions[dimension].children[position]
        guard !children.isEmpty else { continue }
        let base = offset - position * strides[dimension]
        equations.append(TableEquation(total: offset, parts: children.map { base + $0 * strides[dimension] }))
      }
    }
    table = try AdditiveTable(cells: cells, equations: equations)
  }

  /// The index step of each dimension in grid order (the last dimension varying fastest).
  static func strides(_ sizes: [Int]) -> [Int] {
    var strides = [Int](repeating: 1, count: sizes.count)
    for dimension in sizes.indices.dropLast().reversed() {
      strides[dimension] = strides[dimension + 1] * sizes[dimension + 1]
    }
    return strides
  }

  /// The offsets of the inner cell at `positions` and of every total containing it (each of its
  /// codes or their ancestors, in every combination).
  static func offsets(containing positions: [Int], _ dimensions: [CodeHierarchy], _ strides: [Int]) -> [Int] {
    var offsets = [0]
    for (dimension, position) in positions.enumerated() {
      let levels = dimensions[dimension].selfAndAncestors(position)
      offsets = offsets.flatMap { base in levels.map { base + $0 * strides[dimension] } }
    }
    return offsets
  }

  /// The identifier of the cell at `offset` of the grid: its codes joined by ``separator``.
  static func id(of offset: Int, _ dimensions: [CodeHierarchy], _ strides: [Int]) -> String {
    dimensions.indices.map { dimensions[$0].codes[(offset / strides[$0]) % dimensions[$0].codes.count] }
      .joined(separator: separator)
  }
}
