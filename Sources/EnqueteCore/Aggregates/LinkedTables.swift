/// The published cells grouped into linked systems: variables tied by a breakdown (a total and
/// its categories, in any table) are one system, with the geographic equations of every variable
/// and the category equations of every breakdown at every unit. Each system is an
/// ``AdditiveTable`` the secrecy stage protects as a whole; systems share no cell.
///
/// `EnqueteAggregate` links an ``Aggregation``; the secrecy stage protects the systems.
public struct LinkedTables: Sendable {
  /// One system: its rule, its cells (with their variable and unit) and its equations.
  public struct System: Sendable {
    /// The name of the plan's rule over all its cells.
    public var rule: String
    /// The variables, in plan order.
    public var variables: [String]
    /// The additive table; cell identifiers are `variable|niveau|code`.
    public var table: AdditiveTable
    /// For each cell, its variable and unit index.
    public var origins: [(variable: String, unit: Int)]

    /// A system of these parts.
    public init(
      rule: String, variables: [String], table: AdditiveTable, origins: [(variable: String, unit: Int)]
    ) {
      self.rule = rule
      self.variables = variables
      self.table = table
      self.origins = origins
    }
  }

  /// The systems, in the order of their first variable in the plan.
  public let systems: [System]
  /// Where each cell is: `(system, index)` by cell identifier.
  public let location: [String: (system: Int, cell: Int)]

  /// Linked tables of these systems, `location` indexing their cells.
  public init(systems: [System], location: [String: (system: Int, cell: Int)]) {
    self.systems = systems
    self.location = location
  }

  /// The identifier of a cell: `variable|niveau|code` (``CellID``).
  public static func cellID(_ variable: String, _ unit: GeographicUnit) -> String {
    CellID(variable: variable, level: unit.level, code: unit.code).description
  }

  /// An indicator as the open data gives it (``AttackerKnowledge/indicatorDecimals`` decimals).
  public static func roundedIndicator(_ value: Double) -> Double {
    var scale = 1.0
    for _ in 0..<AttackerKnowledge.indicatorDecimals { scale *= 10 }
    return (value * scale).rounded() / scale
  }
}
