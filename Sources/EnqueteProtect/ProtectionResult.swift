import EnqueteCore

/// A protected table's statuses, their audit, and what the protection cost.
public struct ProtectionResult: Sendable, Hashable {
  /// One status per cell of the table.
  public var statuses: [CellStatus]
  /// The audit of the final pattern.
  public var audit: AuditReport
  /// How many audit rounds the heuristic ran.
  public var rounds: Int
  /// A lower bound on the cost of every pattern that protects the table's primaries (the
  /// cutting-plane placement's last relaxation), `nil` when the pattern was placed otherwise:
  /// with ``placementCost(in:settings:cellWeight:)``, how far from the best possible the pattern
  /// may be, at most.
  public var lowerBound: Double? = nil

  /// Creates a result.
  public init(statuses: [CellStatus], audit: AuditReport, rounds: Int) {
    self.statuses = statuses
    self.audit = audit
    self.rounds = rounds
  }

  /// How many cells are primaries.
  public var primaryCount: Int { statuses.count(where: \.isPrimary) }

  /// How many cells are secondary suppressions.
  public var secondaryCount: Int { statuses.count { $0 == .secondary } }

  /// What the pattern costs in the placement's terms: each hidden cell that no primary rule hides,
  /// its cost of hiding (``TableCell/hidingCost``) plus `cellWeight` (confidential).
  public func placementCost(
    in table: AdditiveTable, settings: SecrecySettings, cellWeight: Double = 1
  ) -> Double {
    Self.placementCost(of: statuses, in: table, settings: settings, cellWeight: cellWeight)
  }

  /// The share of ``placementCost(in:settings:cellWeight:)`` above ``lowerBound`` (0 when the
  /// pattern is proved the cheapest), `nil` without a bound.
  public func gap(in table: AdditiveTable, settings: SecrecySettings, cellWeight: Double = 1) -> Double? {
    Self.gap(of: statuses, bound: lowerBound, in: table, settings: settings, cellWeight: cellWeight)
  }

  /// ``placementCost(in:settings:cellWeight:)`` of any pattern `statuses` of `table`.
  static func placementCost(
    of statuses: [CellStatus], in table: AdditiveTable, settings: SecrecySettings, cellWeight: Double = 1
  ) -> Double {
    statuses.indices.reduce(0) { sum, index in
      guard statuses[index].isSuppressed,
        !PrimaryRules.status(of: table.cells[index], settings: settings).isPrimary
      else { return sum }
      return sum + table.cells[index].hidingCost + cellWeight
    }
  }

  /// ``gap(in:settings:cellWeight:)`` of any pattern `statuses` of `table` against `bound`.
  static func gap(
    of statuses: [CellStatus], bound: Double?, in table: AdditiveTable, settings: SecrecySettings,
    cellWeight: Double = 1
  ) -> Double? {
    guard let bound else { return nil }
    let cost = placementCost(of: statuses, in: table, settings: settings, cellWeight: cellWeight)
    return cost > 0 ? max(0, cost - bound) / cost : 0
  }

  /// The total value of the secondary suppressions in `table` (information loss; confidential).
  public func secondaryValue(in table: AdditiveTable) -> Double {
    statuses.indices.filter { statuses[$0] == .secondary }.reduce(0) { $0 + table.cells[$1].value }
  }
}
