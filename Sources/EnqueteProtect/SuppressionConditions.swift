import EnqueteCore

/// Linear conditions every protecting pattern satisfies, over one binary per cell (1 = hidden):
/// the rows of the integer program that ``SecondarySuppression`` solves to place a pattern
/// (`placement` ``SecondarySuppression/Placement/cuttingPlanes``).
///
/// Each row is `Σ coefficient × hidden(cell) ≥ lower`. The rows are *necessary*, not sufficient:
///
/// - **Lines**: a hidden cell is never the only hidden cell of an equation (it would be its
///   total minus the published rest): for each equation and each of its cells,
///   `Σ others ≥ hidden(cell)`.
/// - **Room**: a primary can rise by its required margin only if something in each of its
///   equations can absorb it: a hidden part falls (by at most its value) or the hidden total
///   rises. Likewise a hidden total falls only as far as its hidden parts can.
/// - **Singletons** (``SecrecySettings/singletonRule``): two single-contributor parts of an
///   equation are never its only hidden cells.
///
/// The audit decides the rest: each primary it still finds under-protected adds a cut
/// (``ProtectionCut``), a row of the same form, and the program is solved again.
struct SuppressionConditions {
  /// One row: `Σ coefficient × hidden(cell) ≥ lower`.
  struct Row {
    var terms: [(cell: Int, coefficient: Double)]
    var lower: Double
  }

  /// The rows.
  private(set) var rows: [Row] = []
  /// For each cell, the rows that involve it.
  private(set) var rowsByCell: [[Int]]

  /// The conditions of `table` whose primaries (and any cell already hidden) are in `statuses`.
  /// `hideable[cell]` says whether a cell may be hidden (not a structural zero, a positive value);
  /// cells that are neither hidden nor hideable are left out of every row.
  /// - Complexity: O(Σ equation size²) for the line rows, plus pairs of single contributors.
  init(
    _ table: AdditiveTable, statuses: [CellStatus], hideable: [Bool], settings: SecrecySettings
  ) {
    rowsByCell = Array(repeating: [], count: table.cells.count)
    let free = table.cells.indices.map { statuses[$0].isSuppressed || hideable[$0] }
    for equation in table.equations {
      let members = equation.cells.filter { free[$0] }
      guard members.count > 0 else { continue }
      for cell in members {
        add(Row(terms: members.map { ($0, $0 == cell ? -1 : 1) }, lower: 0))
      }
      addRoom(equation, table, statuses, free, settings)
      if settings.singletonRule { addSingletons(equation, table, free) }
    }
  }

  /// Appends a row (a cut found by the audit).
  mutating func add(_ row: Row) {
    let number = rows.count
    rows.append(row)
    for term in row.terms { rowsByCell[term.cell].append(number) }
  }

  /// Room rows of the primaries of `equation`.
  private mutating func addRoom(
    _ equation: TableEquation, _ table: AdditiveTable, _ statuses: [CellStatus], _ free: [Bool],
    _ settings: SecrecySettings
  ) {
    // The other hidden parts, each able to fall by at most its value (and no further than `need`).
    func otherParts(_ cell: Int, need: Double) -> [(cell: Int, coefficient: Double)] {
      equation.parts.filter { free[$0] && $0 != cell }.map { ($0, min(table.cells[$0].value, need)) }
    }
    for cell in equation.cells where statuses[cell].isPrimary {
      guard
        let required = RequiredProtection.of(
          cell: table.cells[cell], status: statuses[cell], settings: settings)
      else { continue }
      let value = table.cells[cell].value
      if cell == equation.total {
        // The total falls only as far as its hidden parts can fall.
        let need = value - required.lower
        guard need > 1e-9 else { continue }
        add(Row(terms: otherParts(cell, need: need), lower: need))
      } else {
        // A part rises only if another hidden part falls or the hidden total rises.
        let need = required.upper - value
        guard need > 1e-9 else { continue }
        var terms = otherParts(cell, need: need)
        if free[equation.total] { terms.append((equation.total, need)) }
        add(Row(terms: terms, lower: need))
      }
    }
  }

  /// Singleton rows: for two single-contributor parts, `Σ the other cells ≥ both hidden − 1`.
  private mutating func addSingletons(_ equation: TableEquation, _ table: AdditiveTable, _ free: [Bool]) {
    let singles = equation.parts.filter { free[$0] && table.cells[$0].contributors == 1 }
    let others = equation.cells.filter { free[$0] && !singles.contains($0) }
    // Pairs grow as the square: a line with more single contributors than this is left to the audit.
    guard singles.count >= 2, singles.count <= 16 else { return }
    for (offset, first) in singles.enumerated() {
      for second in singles[(offset + 1)...] {
        let rest = singles.filter { $0 != first && $0 != second }
        add(Row(terms: (others + rest).map { ($0, 1) } + [(first, -1), (second, -1)], lower: -1))
      }
    }
  }
}
