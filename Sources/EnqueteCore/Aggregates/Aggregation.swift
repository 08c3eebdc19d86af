/// The aggregation stage's result: the cells of every published variable at every geographic unit
/// of its tables, with their contributors. `EnqueteAggregate` builds it from a campaign's current
/// accepted reports; the secrecy stage reads it.
///
/// Several years are aggregated one by one (one ``Aggregation`` each) over the same plan.
public struct Aggregation: Sendable {
  /// The plan aggregated.
  public let plan: PublicationPlan
  /// The campaign year.
  public let year: Int
  /// The units of the publication.
  public let units: GeographicUnits
  /// The cells, by variable, one per unit (a unit where the variable is not published has an
  /// empty cell that no table shows).
  public let cells: [String: [AggregatedCell]]
  /// The per-measure waiting data of every unit (for waiting-time indicators).
  public let waits: [[(days: Int, observed: Bool)]]
  /// The number of reports under every unit (imputed ones included: they contribute).
  public let reportCounts: [Int]
  /// The number of imputed reports under every unit (zero unless the plan imputes).
  public let imputedCounts: [Int]
  /// The number of services expected under every unit: the campaign's directory, with any
  /// respondent it does not list (at least ``reportCounts``).
  public let expectedCounts: [Int]
  /// The geographic levels each variable is published at (union over its tables).
  public let levelsByVariable: [String: Set<GeographicLevel>]

  /// An aggregation of these parts (`EnqueteAggregate` computes them from reports).
  public init(
    plan: PublicationPlan, year: Int, units: GeographicUnits, cells: [String: [AggregatedCell]],
    waits: [[(days: Int, observed: Bool)]], reportCounts: [Int], imputedCounts: [Int]? = nil,
    expectedCounts: [Int]? = nil, levelsByVariable: [String: Set<GeographicLevel>]
  ) {
    self.imputedCounts = imputedCounts ?? reportCounts.map { _ in 0 }
    self.plan = plan
    self.year = year
    self.units = units
    self.cells = cells
    self.waits = waits
    self.reportCounts = reportCounts
    self.expectedCounts = zip(reportCounts, expectedCounts ?? reportCounts).map { max($0, $1) }
    self.levelsByVariable = levelsByVariable
  }

  /// Whether the unit of index `unit` is a non-response: services are expected there, none
  /// answered and none is imputed (its cells are published `ND`, never `0`).
  public func isNotAvailable(_ unit: Int) -> Bool { reportCounts[unit] == 0 && expectedCounts[unit] > 0 }

  /// The services that answered under the unit of index `unit` (its reports less the imputed).
  public func respondents(_ unit: Int) -> Int { reportCounts[unit] - imputedCounts[unit] }

  /// The cell of `variable` at the unit of index `unit`.
  public func cell(_ variable: String, _ unit: Int) -> AggregatedCell? { cells[variable]?[unit] }
}
