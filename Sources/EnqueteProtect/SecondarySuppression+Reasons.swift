import EnqueteCore

extension SecondarySuppression {
  /// Why each cell of `statuses` that no rule hides is hidden: the primaries whose proof of
  /// protection moves it (sparse LP proofs, ``ProofProgram``: the least change of the hidden cells
  /// that takes a primary to its required bound), by cell index. An empty list: no proof needs the
  /// cell (hidden for the singleton rule, to close a line, or for a reader of an earlier
  /// publication). Empty when a primary has no proof (the pattern does not pass the audit).
  ///
  /// A statistician answers a département's question with it: « this figure is hidden because it
  /// protects those ».
  /// - Complexity: two proofs per primary, as the pruning's first step.
  public func reasons(
    _ table: AdditiveTable, statuses: [CellStatus]
  ) throws(ProtectionAudit.Problem) -> [Int: [Int]] {
    var state = PatternState(table: table, statuses: statuses, settings: settings, cellWeight: cellWeight)
    guard try proveByProgram(&state) else { return [:] }
    var reasons: [Int: [Int]] = [:]
    for cell in statuses.indices where statuses[cell].isSuppressed && !statuses[cell].isPrimary {
      reasons[cell] = state.users[cell].filter { statuses[$0].isPrimary }.sorted()
    }
    return reasons
  }
}
