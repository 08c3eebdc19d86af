import EnqueteCore

extension HierarchicalTable {
  /// An inner cell of a magnitude table: one leaf code per dimension, its value, its number of
  /// contributors and its largest contributions (largest first), when known.
  public struct InnerMagnitude: Sendable, Hashable {
    /// The position of the cell's code in each dimension (leaves).
    public var positions: [Int]
    /// The cell's value (euros, hours…).
    public var value: Double
    /// How many contributors add up to it.
    public var contributors: Int
    /// Its largest contributions, largest first; `nil` when unknown.
    public var largest: [Double]?

    /// An inner cell.
    public init(positions: [Int], value: Double, contributors: Int, largest: [Double]? = nil) {
      self.positions = positions
      self.value = value
      self.contributors = contributors
      self.largest = largest
    }
  }

  /// Builds a magnitude table from its inner cells: every total is the sum of its inner cells'
  /// values and contributors, and its largest contributions are the largest of theirs (as if
  /// each contributor were in one inner cell only, as τ-Argus assumes when it computes the totals
  /// of a tabular input); `totals` gives the largest contributions of a total where they are
  /// known otherwise (keyed by cell identifier), e.g. read from a τ-Argus `.tab` file.
  /// - Complexity: O(cells × dimensions + inner cells × depth^dimensions × kept contributions).
  public init(
    dimensions: [CodeHierarchy], magnitudes: [InnerMagnitude], totals: [String: [Double]] = [:]
  ) throws(AdditiveTable.Problem) {
    let sizes = dimensions.map(\.codes.count)
    var strides = [Int](repeating: 1, count: sizes.count)
    for dimension in sizes.indices.dropLast().reversed() {
      strides[dimension] = strides[dimension + 1] * sizes[dimension + 1]
    }
    let cellCount = sizes.reduce(1, *)
    let kept = magnitudes.map { $0.largest?.count ?? 0 }.max() ?? 0
    var values = [Double](repeating: 0, count: cellCount)
    var contributors = [Int](repeating: 0, count: cellCount)
    var largest = [[Double]?](repeating: nil, count: cellCount)
    for cell in magnitudes {
      var offsets = [0]
      for (dimension, position) in cell.positions.enumerated() {
        let levels = dimensions[dimension].selfAndAncestors(position)
        offsets = offsets.flatMap { base in levels.map { base + $0 * strides[dimension] } }
      }
      for offset in offsets {
        values[offset] += cell.value
        contributors[offset] += cell.contributors
        if let top = cell.largest {
          largest[offset] = Array(((largest[offset] ?? []) + top).sorted(by: >).prefix(kept))
        }
      }
    }
    var cells: [TableCell] = []
    cells.reserveCapacity(cellCount)
    for offset in 0..<cellCount {
      let id = sizes.indices.map { dimensions[$0].codes[(offset / strides[$0]) % sizes[$0]] }
        .joined(separator: Self.separator)
      cells.append(
        TableCell(
          id: id, value: values[offset], contributors: contributors[offset],
          largestContributions: totals[id] ?? largest[offset]))
    }
    try self.init(dimensions: dimensions, gridCells: cells)
  }

  /// The table of `gridCells`, one per combination of codes in grid order (the last dimension
  /// varying fastest), with the equations of every hierarchy; values are taken as given.
  public init(dimensions: [CodeHierarchy], gridCells cells: [TableCell]) throws(AdditiveTable.Problem) {
    self.dimensions = dimensions
    let sizes = dimensions.map(\.codes.count)
    var strides = [Int](repeating: 1, count: sizes.count)
    for dimension in sizes.indices.dropLast().reversed() {
      strides[dimension] = strides[dimension + 1] * sizes[dimension + 1]
    }
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
}
