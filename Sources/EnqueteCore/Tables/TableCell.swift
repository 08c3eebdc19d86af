/// One cell of an additive statistical table: its value and what the secrecy rules need about it.
///
/// The value is confidential where the cell is suppressed: never log it.
public struct TableCell: Sendable, Hashable, Codable {
  /// A stable identifier, unique in its table (e.g. `D01|C1`); ties are broken on it.
  public var id: String
  /// The cell's value: a count of persons or units, or a magnitude (euros, hours).
  public var value: Double
  /// How many contributors (services, or persons for counts) add up to the cell.
  public var contributors: Int
  /// The largest individual contributions, largest first, when the cell is a magnitude and the
  /// dominance rule may apply; `nil` when unknown.
  public var largestContributions: [Double]?
  /// What hiding the cell costs when the secondary suppression compares cells, `nil` for its
  /// value (the least hidden value). A cost function in τ-Argus's sense: linked tables make
  /// totals at wider levels dearer, so that inner cells are hidden rather than marginal totals.
  /// May be derived from the value: never log it.
  public var cost: Double?

  /// Creates a cell.
  public init(
    id: String, value: Double, contributors: Int, largestContributions: [Double]? = nil, cost: Double? = nil
  ) {
    self.id = id
    self.value = value
    self.contributors = contributors
    self.largestContributions = largestContributions
    self.cost = cost
  }

  /// The cost of hiding the cell: ``cost``, else its value.
  public var hidingCost: Double { cost ?? value }
}
