import EnqueteCore
import EnqueteProtect
import Foundation

/// Small tables with known answers, and the peers' fixtures.
enum TableBuilders {
  /// Rows A, B, C × columns X, Y, Z with all totals; A|X = 1 is the only small cell.
  ///
  ///       X   Y   Z
  ///   A   1  10  12
  ///   B   8   9  15
  ///   C   7  11  14
  static func twoWay() throws -> HierarchicalTable {
    try rowsABCByColumnsXYZ([[1, 10, 12], [8, 9, 15], [7, 11, 14]])
  }

  /// Rows A, B, C × columns X, Y, Z with all totals, the inner cells given row by row.
  static func rowsABCByColumnsXYZ(_ values: [[Int]]) throws -> HierarchicalTable {
    let rows = CodeHierarchy(flat: ["A", "B", "C"])
    let columns = CodeHierarchy(flat: ["X", "Y", "Z"])
    var inner: [(positions: [Int], count: Int)] = []
    for row in 0..<3 {
      for column in 0..<3 { inner.append(([row + 1, column + 1], values[row][column])) }
    }
    return try HierarchicalTable(dimensions: [rows, columns], inner: inner)
  }

  /// Départements D1…D5 in two régions and, crossing them, two cours d'appel:
  /// R1 = {D1, D2, D3}, R2 = {D4, D5}; CA1 = {D1, D3}, CA2 = {D2, D4, D5}.
  /// D2 = 2 is small, and D2 = R1 − CA1.
  static func twoHierarchies(withCoursAppel: Bool) throws -> AdditiveTable {
    let values: [(String, Double)] = [
      ("D1", 6), ("D2", 2), ("D3", 9), ("D4", 7), ("D5", 8),
      ("R1", 17), ("R2", 15), ("CA1", 15), ("CA2", 17), ("Total", 32),
    ]
    let cells = values.map { TableCell(id: $0.0, value: $0.1, contributors: Int($0.1)) }
    var equations = [
      TableEquation(total: 5, parts: [0, 1, 2]),
      TableEquation(total: 6, parts: [3, 4]),
      TableEquation(total: 9, parts: [5, 6]),
    ]
    if withCoursAppel {
      equations += [
        TableEquation(total: 7, parts: [0, 2]),
        TableEquation(total: 8, parts: [1, 3, 4]),
        TableEquation(total: 9, parts: [7, 8]),
      ]
    }
    return try AdditiveTable(cells: cells, equations: equations)
  }

  /// A peer table from `Fixtures/NAME/` (`cells.csv`, `dep.hrc`).
  static func peer(_ name: String) throws -> HierarchicalTable {
    try TauArgusFiles.table(cells: fixture(name, "cells.csv"), hierarchy: fixture(name, "dep.hrc"))
  }

  /// The text of `Fixtures/NAME/FILE`.
  static func fixture(_ name: String, _ file: String) throws -> String {
    let url = Bundle.module.resourceURL!.appendingPathComponent("Fixtures/\(name)/\(file)")
    return try String(contentsOf: url, encoding: .utf8)
  }

  /// The statuses of `pattern`: primaries by the rules, other suppressed cells secondary.
  static func statuses(
    _ table: AdditiveTable, hiding ids: [String], settings: SecrecySettings = SecrecySettings()
  ) -> [CellStatus] {
    var statuses = PrimaryRules.statuses(of: table, settings: settings)
    for id in ids {
      let index = table.index(of: id)!
      if !statuses[index].isPrimary { statuses[index] = .secondary }
    }
    return statuses
  }
}
