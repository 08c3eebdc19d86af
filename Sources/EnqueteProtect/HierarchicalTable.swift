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
    self.dimensions = dimensions
    let sizes = dimensions.map(\.codes.count)
    var strides = [Int](repeating: 1, count: sizes.count)
    for dimension in sizes.indices.dropLast().reversed() {
      strides[dimension] = strides[dimension + 1] * sizes[dimension + 1]
    }
    let cellCount = sizes.reduce(1, *)
    var counts = [Int](repeating: 0, count: cellCount)
    for entry in inner {
      var offsets = [0]
      for (dimension, position) in entry.positions.enumerated() {
        let levels = dimensions[dimension].selfAndAncestors(position)
        offsets = offsets.flatMap { base in levels.map { base + $0 * strides[dimension] } }
      }
      for offset in offsets { counts[offset] += entry.count }
    }

    var cells: [TableCell] = []
    cells.reserveCapacity(cellCount)
    var equations: [TableEquation] = []
    for offset in 0..<cellCount {
      let positions = sizes.indices.map { (offset / strides[$0]) % sizes[$0] }
      let id = positions.enumerated().map { dimensions[$0].codes[$1] }
        .joined(separator: Self.separator)
      cells.append(TableCell(id: id, value: Double(counts[offset]), contributors: counts[offset]))
      for (dimension, position) in positions.enumerated() {
        let children = dimensions[dimension].children[position]
        guard !children.isEmpty else { continue }
        let base = offset - position * strides[dimension]
        equations.append(
          TableEquation(total: offset, parts: children.map { base + $0 * strides[dimension] }))
      }
    }
    table = try AdditiveTable(cells: cells, equations: equations)
  }

  /// The index of the cell with these codes (one per dimension), if any.
  public func cellIndex(codes: [String]) -> Int? {
    table.index(of: codes.joined(separator: Self.separator))
  }
}
