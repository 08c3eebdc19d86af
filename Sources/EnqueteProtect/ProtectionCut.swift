import EnqueteCore

/// The cut an under-protected primary adds to the placement program: Fischetti and Salazar's
/// capacity constraint, read from the dual of the audit's linear program.
///
/// The audit maximises (or minimises) the primary over the published equations and constraints,
/// every hidden cell free within what a reader knows of it and every published cell fixed. At the optimum, each cell's reduced cost says
/// how much the bound would move per unit the cell were let move: a published cell whose rise
/// would help (upper bounds are unlimited) could carry the whole missing margin, one whose fall
/// would help carries at most its reduced cost times its value. That dual solution stays feasible
/// whatever the pattern, so weak duality turns it into a row every protecting pattern satisfies:
///
///     Σ min(margin, coefficient(cell)) × hidden(cell) ≥ margin
///
/// where the margin is how far the primary must be able to move (its ``RequiredProtection``).
/// The current pattern violates it (its left side is the bound the audit proved), so the next
/// solve hides at least one of the cells that would have let the primary move.
enum ProtectionCut {
  /// The cuts of the primaries `failing` under `statuses`: one per direction in which a primary
  /// misses its required protection and whose dual gives a row the pattern violates.
  /// `hideable[cell]`: whether a cell may be hidden (others are left out of every cut).
  /// - Complexity: two simplex solves per failing primary over its block of hidden cells, and
  ///   O(terms of the block's equations) to read each cut.
  static func cuts(
    for failing: [Int], _ table: AdditiveTable, statuses: [CellStatus], hideable: [Bool],
    settings: SecrecySettings
  ) throws(ProtectionAudit.Problem) -> [SuppressionConditions.Row] {
    let (program, hidden) = try ProtectionAudit(settings: settings).program(table, statuses)
    var column = [Int](repeating: -1, count: table.cells.count)
    for (position, cell) in hidden.enumerated() { column[cell] = position }
    let termsOfRow = AuditRows.cellTerms(of: table, column: column)
    let (rows, _) = AuditRows.build(table, column: column)
    var cuts: [SuppressionConditions.Row] = []
    let tolerance = 1e-6

    /// The cut of one direction, if the pattern violates it.
    func row(
      _ primary: Int, rising: Bool, margin: Double, _ duals: [(row: Int, dual: Double)],
      _ activities: [(row: Int, activity: Double)]
    ) -> [SuppressionConditions.Row] {
      var weighted: [Int: Double] = [primary: 0]
      // An inequality row not tight at the true values lends the primary its room whatever the
      // pattern: Σ dual × (bound reached − true hidden part).
      var room = 0.0
      for ((number, dual), (_, activity)) in zip(duals, activities) where abs(dual) > 1e-12 {
        var truth = 0.0
        for term in termsOfRow[number] {
          weighted[term.cell, default: 0] += dual * term.coefficient
          if column[term.cell] >= 0 { truth += term.coefficient * table.cells[term.cell].value }
        }
        if rows[number].lower != rows[number].upper { room += dual * (activity - truth) }
      }
      let available = max(0, rising ? room : -room)
      let needed = margin - available
      guard needed > tolerance else { return [] }
      var terms: [(cell: Int, coefficient: Double)] = []
      var current = 0.0
      for (member, sum) in weighted.sorted(by: { $0.key < $1.key }) {
        guard statuses[member].isSuppressed || hideable[member] else { continue }
        let reducedCost = (member == primary ? 1 : 0) - sum
        // Positive: letting the cell rise moves the primary the attacker's way.
        let help = rising ? reducedCost : -reducedCost
        let cell = table.cells[member]
        let coefficient: Double
        if help > 1e-9 {
          coefficient = min(needed, help * (cell.hiddenUpperBound - cell.value))
        } else if help < -1e-9 {
          coefficient = min(needed, -help * max(0, cell.value - cell.hiddenLowerBound))
        } else {
          continue
        }
        guard coefficient > 1e-9 else { continue }
        terms.append((member, coefficient))
        if statuses[member].isSuppressed { current += coefficient }
      }
      // A dual that does not separate the pattern (degenerate, or within tolerance) is no cut.
      guard current < needed - tolerance else { return [] }
      return [SuppressionConditions.Row(terms: terms, lower: needed)]
    }

    for primary in failing where column[primary] >= 0 {
      let cell = table.cells[primary]
      guard let required = RequiredProtection.of(cell: cell, status: statuses[primary], settings: settings)
      else { continue }
      let position = column[primary]
      if case .finite(let upper) = program.maximum(of: position), upper < required.upper - tolerance {
        cuts += row(
          primary, rising: true, margin: required.upper - cell.value, program.rowDuals(ofBlockOf: position),
          program.rowActivities(ofBlockOf: position))
      }
      if case .finite(let lower) = program.minimum(of: position), lower > required.lower + tolerance {
        cuts += row(
          primary, rising: false, margin: cell.value - required.lower, program.rowDuals(ofBlockOf: position),
          program.rowActivities(ofBlockOf: position))
      }
    }
    return cuts
  }
}
