import EnqueteCore

/// Publishes again the secondary cells the audit proved exactly recomputable from the published
/// ones: hiding them protects nothing (their value is already known), and a reader who finds a
/// "secret" cell he can recompute loses trust in every other one.
///
/// Sound for all of them at once: each one's value is implied by the published cells, so adding
/// all of them to the published set leaves the attacker's feasible set, hence every other
/// interval, unchanged.
enum DeterminedSecondaries {
  /// `result` with every exactly determined secondary made publishable and left out of the audit.
  static func published(_ result: ProtectionResult) -> ProtectionResult {
    var statuses = result.statuses
    var kept: [CellAudit] = []
    for cell in result.audit.cells {
      if cell.status == .secondary && cell.isDisclosedExactly {
        statuses[cell.index] = .publishable
      } else {
        kept.append(cell)
      }
    }
    var published = ProtectionResult(
      statuses: statuses, audit: AuditReport(cells: kept), rounds: result.rounds)
    published.lowerBound = result.lowerBound
    return published
  }
}
