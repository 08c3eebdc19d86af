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
    let strides = Self.strides(sizes)
    let cellCount = sizes.reduce(1, *)
    let kept = magnitudes.map { $0.largest?.count ?? 0 }.max() ?? 0
    var values = [Double](repeating: 0, count: cellCount)
    var contributors = [Int](repeating: 0, count: cellCount)
    var largest = [[Double]?](repeating: nil, count: cellCount)
    for cell in magnitudes {
      for offset in Self.offsets(containing: cell.positions, dimensions, strides) {
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
      let id = Self.id(of: offset, dimensions, strides)
      cells.append(
        TableCell(
          id: id, value: values[offset], contributors: contributors[offset],
          largestContributions: totals[id] ?? largest[offset]))
    }
    try self.init(dimensions: dimensions, gridCells: cells)
  }
}
