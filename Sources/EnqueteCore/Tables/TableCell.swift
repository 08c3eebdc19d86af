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
  /// What a reader knows of the cell when it is hidden: at least this (`nil`: 0). A count under a
  /// rule on values is at least 1 when hidden, since every zero is published.
  public var knownLowerBound: Double?
  /// What a reader knows of the cell when it is hidden: at most this (`nil`: no bound).
  public var knownUpperBound: Double?
  /// The frequency threshold of the cell's own rule, when its table mixes rules (`nil`: the
  /// table's settings).
  public var frequencyThreshold: Int?
  /// Whether the value is a whole number (a count), so that a reader rounds the bounds of a hidden
  /// cell to whole numbers (`nil`: not known to be).
  public var integral: Bool?
  /// Whether the frequency rule counts the value itself (persons, measures) rather than
  /// contributors (services): `nil` when not said, read as "contributors equal the value".
  public var frequencyCountsValue: Bool?

  /// Creates a cell.
  public init(
    id: String, value: Double, contributors: Int, largestContributions: [Double]? = nil, cost: Double? = nil,
    knownLowerBound: Double? = nil, knownUpperBound: Double? = nil, frequencyThreshold: Int? = nil,
    integral: Bool? = nil
  ) {
    self.integral = integral
    self.id = id
    self.value = value
    self.contributors = contributors
    self.largestContributions = largestContributions
    self.cost = cost
    self.knownLowerBound = knownLowerBound
    self.knownUpperBound = knownUpperBound
    self.frequencyThreshold = frequencyThreshold
  }

  /// Whether the frequency rule counts the value itself (``frequencyCountsValue``, else whether
  /// the contributors are the value, as in a table of counts).
  public var countsItsValue: Bool { frequencyCountsValue ?? (Double(contributors) == value) }

  /// The least value a reader can give the cell when hidden.
  public var hiddenLowerBound: Double { knownLowerBound ?? 0 }
  /// The greatest value a reader can give the cell when hidden (`infinity` when unbounded).
  public var hiddenUpperBound: Double { knownUpperBound ?? .infinity }

  /// The cost of hiding the cell: ``cost``, else its value.
  public var hidingCost: Double { cost ?? value }
}
