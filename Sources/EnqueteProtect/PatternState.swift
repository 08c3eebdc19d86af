import EnqueteCore

/// A suppression pattern being built: statuses, what hiding each cell costs, and the proof of each
/// protected cell with, for every cell, the protected cells whose proof uses it.
struct PatternState: Sendable {
  let table: AdditiveTable
  let values: [Double]
  let equationsByCell: [[Int]]
  /// Whether the equations and non-negativity are all a reader knows: only then may a proof be
  /// scaled (a constraint or a known bound is not kept by scaling).
  let onlyEquations: Bool
  /// The weight of hiding one more cell, added to its value.
  let cellWeight: Double
  private(set) var statuses: [CellStatus]
  /// 0 for a hidden cell, `.infinity` for one that may never be hidden, else cost + weight.
  private(set) var cellCost: [Double]
  private(set) var hiddenPerEquation: [Int]
  /// The required interval of every protected cell: primaries, and cells hidden for the singleton rule.
  var targets: [Int: RequiredProtection] = [:]
  private(set) var certificates: [Int: ProtectionCertificate] = [:]
  private(set) var users: [Set<Int>]

  /// Starts from `statuses`; primaries are targets with their required protection.
  init(table: AdditiveTable, statuses: [CellStatus], settings: SecrecySettings, cellWeight: Double) {
    self.table = table
    values = table.cells.map(\.value)
    equationsByCell = table.equationsByCell()
    onlyEquations = !table.hasKnowledgeBeyondEquations
    self.cellWeight = cellWeight
    self.statuses = statuses
    cellCost = table.cells.indices.map { index in
      if statuses[index].isSuppressed { return 0 }
      let cell = table.cells[index]
      if statuses[index] == .structuralZero || cell.value <= 0 { return .infinity }
      return cell.hidingCost + cellWeight
    }
    hiddenPerEquation = table.equations.map { $0.cells.count { statuses[$0].isSuppressed } }
    users = Array(repeating: [], count: table.cells.count)
    for index in statuses.indices where statuses[index].isPrimary {
      targets[index] = RequiredProtection.of(
        cell: table.cells[index], status: statuses[index], settings: settings)
    }
  }

  /// How far the protected `cell` must be able to rise and fall.
  func need(_ cell: Int) -> (up: Double, down: Double) {
    guard let target = targets[cell] else { return (0, 0) }
    return (max(0, target.upper - values[cell]), max(0, values[cell] - target.lower))
  }

  /// Hides a publishable cell as a secondary (nothing for a cell already hidden).
  mutating func hide(_ cell: Int) {
    guard statuses[cell] == .publishable else { return }
    statuses[cell] = .secondary
    cellCost[cell] = 0
    for number in equationsByCell[cell] { hiddenPerEquation[number] += 1 }
  }

  /// Publishes a secondary again.
  mutating func publish(_ cell: Int) {
    guard statuses[cell] == .secondary else { return }
    statuses[cell] = .publishable
    cellCost[cell] = table.cells[cell].hidingCost + cellWeight
    for number in equationsByCell[cell] { hiddenPerEquation[number] -= 1 }
  }

  /// Records `certificate` as the proof of `cell`, replacing any earlier one.
  mutating func certify(_ cell: Int, _ certificate: ProtectionCertificate?) {
    if let old = certificates[cell] { for used in old.support { users[used].remove(cell) } }
    certificates[cell] = certificate
    if let certificate { for used in certificate.support { users[used].insert(cell) } }
  }

  /// Whether a cell is a single contributor (who knows its own value).
  func isSingleton(_ cell: Int) -> Bool { table.cells[cell].contributors == 1 }

  /// Whether the hidden cells of `equation` are exactly two parts, both single contributors (each
  /// could subtract its own value from the published total and learn the other's). A total hidden
  /// with its one hidden part is no leak: a single-contributor total is that part's contributor.
  func singletonsOnlyProtectEachOther(in equation: Int) -> Bool {
    guard hiddenPerEquation[equation] == 2, !statuses[table.equations[equation].total].isSuppressed else {
      return false
    }
    return table.equations[equation].parts.allSatisfy { !statuses[$0].isSuppressed || isSingleton($0) }
  }

  /// Whether publishing the hidden `cell` again leaves every one of its equations with no single
  /// hidden cell and not with only two hidden single contributors.
  func canPublish(_ cell: Int) -> Bool {
    equationsByCell[cell].allSatisfy { number in
      let left = hiddenPerEquation[number] - 1
      if left == 1 { return false }
      let equation = table.equations[number]
      if left == 2, equation.total == cell || !statuses[equation.total].isSuppressed {
        return !equation.parts.allSatisfy { $0 == cell || !statuses[$0].isSuppressed || isSingleton($0) }
      }
      return true
    }
  }
}
