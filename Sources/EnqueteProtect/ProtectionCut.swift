import EnqueteCore

/// The cut an under-protected primary adds to the placement program: Fischetti and Salazar's
/// capacity constraint, read from the dual of the audit's linear program.
///
/// The audit maximises (or minimises) the primary over the published equations, every hidden
/// cell free above 0 and every published cell fixed. At the optimum, each cell's reduced cost says
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
    let equationOfRow = AuditRows.equations(of: table, column: column)
    var cuts: [SuppressionConditions.Row] = []
    let tolerance = 1e-6

    /// The cut of one direction, if the pattern violates it.
    func row(
      _ primary: Int, rising: Bool, margin: Double, _ duals: [(row: Int, dual: Double)],
      _ equationOfRow: [Int]
    ) -> [SuppressionConditions.Row] {
      var weighted: [Int: Double] = [primary: 0]
      for (number, dual) in duals where abs(dual) > 1e-12 {
        for term in table.equations[equationOfRow[number]].terms {
          weighted[term.cell, default: 0] += dual * term.coefficient
        }
      }
      var terms: [(cell: Int, coefficient: Double)] = []
      var current = 0.0
      for (member, sum) in weighted.sorted(by: { $0.key < $1.key }) {
        guard statuses[member].isSuppressed || hideable[member] else { continue }
        let reducedCost = (member == primary ? 1 : 0) - sum
        // Positive: letting the cell rise moves the primary the attacker's way.
        let help = rising ? reducedCost : -reducedCost
        let coefficient: Double
        if help > 1e-9 {
          coefficient = margin
        } else if help < -1e-9 {
          coefficient = min(margin, -help * table.cells[member].value)
        } else {
          continue
        }
        guard coefficient > 1e-9 else { continue }
        terms.append((member, coefficient))
        if statuses[member].isSuppressed { current += coefficient }
      }
      // A dual that does not separate the pattern (degenerate, or within tolerance) is no cut.
      guard current < margin - tolerance else { return [] }
      return [SuppressionConditions.Row(terms: terms, lower: margin)]
    }

    for primary in failing where column[primary] >= 0 {
      let cell = table.cells[primary]
      guard let required = RequiredProtection.of(cell: cell, status: statuses[primary], settings: settings)
      else { continue }
      let position = column[primary]
      if case .finite(let upper) = program.maximum(of: position), upper < required.upper - tolerance {
        let duals = program.rowDuals(ofBlockOf: position)
        cuts += row(primary, rising: true, margin: required.upper - cell.value, duals, equationOfRow)
      }
      if case .finite(let lower) = program.minimum(of: position), lower > required.lower + tolerance {
        let duals = program.rowDuals(ofBlockOf: position)
        cuts += row(primary, rising: false, margin: cell.value - required.lower, duals, equationOfRow)
      }
    }
    return cuts
  }
}
