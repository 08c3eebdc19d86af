/// The result of an audit: every suppressed cell's interval, and whether the pattern passes.
public struct AuditReport: Sendable, Hashable {
  /// Every suppressed cell, in table order.
  public var cells: [CellAudit]

  /// Creates a report.
  public init(cells: [CellAudit]) { self.cells = cells }

  /// The primaries whose interval is narrower than required.
  public var failures: [CellAudit] { cells.filter { !$0.passes } }

  /// Whether every primary reaches its required protection.
  public var passes: Bool { cells.allSatisfy(\.passes) }

  /// The audit of the cell at `index`, if it is suppressed.
  public func cell(at index: Int) -> CellAudit? { cells.first { $0.index == index } }
}
