import EnqueteCore

/// A protected table's statuses, their audit, and what the protection cost.
public struct ProtectionResult: Sendable, Hashable {
  /// One status per cell of the table.
  public var statuses: [CellStatus]
  /// The audit of the final pattern.
  public var audit: AuditReport
  /// How many audit rounds the heuristic ran.
  public var rounds: Int

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

  /// The total value of the secondary suppressions in `table` (information loss; confidential).
  public func secondaryValue(in table: AdditiveTable) -> Double {
    statuses.indices.filter { statuses[$0] == .secondary }.reduce(0) { $0 + table.cells[$1].value }
  }
}
