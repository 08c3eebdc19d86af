/// A linear equation of an additive table: `total = Σ parts`, cells named by their index.
///
/// Several hierarchies that do not nest (régions and cours d'appel over the same départements),
/// and categories with their totals, are all expressed as equations of one system.
public struct TableEquation: Sendable, Hashable, Codable {
  /// The index of the total cell.
  public var total: Int
  /// The indices of the parts that add up to the total.
  public var parts: [Int]

  /// Creates the equation `total = Σ parts`.
  public init(total: Int, parts: [Int]) {
    self.total = total
    self.parts = parts
  }

  /// The equation as `Σ coefficient × cell = 0`: the total with −1, each part with +1.
  public var terms: [(cell: Int, coefficient: Double)] {
    [(total, -1)] + parts.map { ($0, 1) }
  }

  /// Every cell the equation involves, the total first.
  public var cells: [Int] { [total] + parts }
}
