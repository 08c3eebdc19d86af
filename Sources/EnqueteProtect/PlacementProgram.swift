/// The pattern of ``SecondarySuppression/placeByCuttingPlanes(_:statuses:)`` and the integer
/// program that chooses it among a group of cells (those the relaxation uses), the others fixed.
struct PlacementProgram {
  /// Whether each cell is hidden.
  private(set) var hidden: [Bool]
  let hideable: [Bool]
  let cost: [Double]
  let nodeLimit: Int

  init(hidden: [Bool], hideable: [Bool], cost: [Double], nodeLimit: Int) {
    self.hidden = hidden
    self.hideable = hideable
    self.cost = cost
    self.nodeLimit = nodeLimit
  }

  /// Hides the hideable cells of `cells` and publishes every other hideable cell.
  mutating func hideOnly(_ cells: [Int]) {
    for cell in hidden.indices where hideable[cell] { hidden[cell] = false }
    for cell in cells { hidden[cell] = true }
  }

  /// Solves the rows of `conditions` that involve a hideable cell of `group` over those cells,
  /// every other cell fixed as it is; keeps the answer when it costs no more than the group's
  /// current pattern, or when that pattern breaks a row.
  /// - Complexity: one GLPK branch and bound over the group's hideable cells.
  mutating func solve(_ group: [Int], _ conditions: SuppressionConditions) {
    let free = group.filter { hideable[$0] }
    guard !free.isEmpty else { return }
    var columnOfCell = [Int32](repeating: 0, count: hidden.count)
    let model = MixedIntegerModel()
    for cell in free {
      let number = model.addColumn(lower: 0, upper: 1, cost: cost[cell], integer: true)
      columnOfCell[cell] = number
    }
    var seen = Set<Int>()
    var currentHolds = true
    for cell in free {
      for number in conditions.rowsByCell[cell] where seen.insert(number).inserted {
        let row = conditions.rows[number]
        var constant = 0.0
        var terms: [(column: Int32, coefficient: Double)] = []
        var now = 0.0
        for term in row.terms {
          let value = hidden[term.cell] ? term.coefficient : 0
          if columnOfCell[term.cell] != 0 {
            terms.append((columnOfCell[term.cell], term.coefficient))
            now += value
          } else {
            constant += value
          }
        }
        if now + constant < row.lower - 1e-9 { currentHolds = false }
        // A row that holds whatever the group does is left out.
        if terms.allSatisfy({ $0.coefficient >= 0 }) && constant >= row.lower - 1e-9 { continue }
        model.addRow(terms, atLeast: row.lower - constant)
      }
    }
    guard let solution = model.solve(timeLimit: 600, nodeLimit: nodeLimit) else { return }
    let before = free.reduce(0.0) { $0 + (hidden[$1] ? cost[$1] : 0) }
    let after = free.indices.reduce(0.0) { $0 + (solution.values[$1] > 0.5 ? cost[free[$1]] : 0) }
    guard !currentHolds || after <= before + 1e-9 else { return }
    for (offset, cell) in free.enumerated() { hidden[cell] = solution.values[offset] > 0.5 }
  }
}
