import EnqueteCore

/// The primary secrecy rules: which cells are sensitive by themselves.
public enum PrimaryRules {
  /// The status of every cell before secondary suppression: `Z` for cells without contributors,
  /// `A` for too few contributors, `B` for a dominated magnitude, `F` for
  /// one failing the p% rule, `V` otherwise.
  ///
  /// The frequency rule comes first, then dominance, then p%: a cell failing several gets the first.
  /// - Complexity: O(cells × n) with n the dominance rule's number of contributors.
  public static func statuses(of table: AdditiveTable, settings: SecrecySettings) -> [CellStatus] {
    table.cells.map { status(of: $0, settings: settings) }
  }

  /// The status of one cell under the primary rules.
  public static func status(of cell: TableCell, settings: SecrecySettings) -> CellStatus {
    if cell.contributors == 0 { return .structuralZero }
    if cell.contributors < cell.frequencyThreshold ?? settings.frequencyThreshold { return .primaryFrequency }
    if let rule = settings.dominance, let largest = cell.largestContributions, cell.value > 0 {
      let top = largest.prefix(rule.contributors).reduce(0, +)
      if top > cell.value * rule.percent / 100 { return .primaryDominance }
    }
    if let p = settings.pPercent, let largest = cell.largestContributions, let first = largest.first {
      let second = largest.count > 1 ? largest[1] : 0
      if cell.value - first - second < p / 100 * first { return .primaryPPercent }
    }
    return .publishable
  }
}
