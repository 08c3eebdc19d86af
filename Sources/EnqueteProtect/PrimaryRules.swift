import EnqueteCore

/// The primary secrecy rules: which cells are sensitive by themselves.
public enum PrimaryRules {
  /// The status of every cell before secondary suppression: `Z` for cells without contributors,
  /// `A` for too few contributors, `B` for a dominated magnitude, `V` otherwise.
  ///
  /// The frequency rule comes first: a cell that fails both is reported as `A`.
  /// - Complexity: O(cells × n) with n the dominance rule's number of contributors.
  public static func statuses(of table: AdditiveTable, settings: SecrecySettings) -> [CellStatus] {
    table.cells.map { status(of: $0, settings: settings) }
  }

  /// The status of one cell under the primary rules.
  public static func status(of cell: TableCell, settings: SecrecySettings) -> CellStatus {
    if cell.contributors == 0 { return .structuralZero }
    if cell.contributors < settings.frequencyThreshold { return .primaryFrequency }
    if let rule = settings.dominance, let largest = cell.largestContributions, cell.value > 0 {
      let top = largest.prefix(rule.contributors).reduce(0, +)
      if top > cell.value * rule.percent / 100 { return .primaryDominance }
    }
    return .publishable
  }
}
