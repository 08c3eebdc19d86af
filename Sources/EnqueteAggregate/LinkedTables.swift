import EnqueteCore

/// Links an ``Aggregation`` into the systems the secrecy stage protects (``LinkedTables``, a value
/// of `EnqueteCore`).
extension LinkedTables {
  /// Links the cells of `aggregation`, leaving out the units of `excluded` levels (to compare a
  /// joint protection with one hierarchy alone). With `knowledge`, every fact a reader knows
  /// besides the equations (``AttackerKnowledge``) becomes a constraint of its system, systems tied
  /// by a fact are one, and every cell carries what a reader knows of it when hidden.
  /// - Complexity: O(cells + equation terms + facts).
  public init(
    _ aggregation: Aggregation, excluding excluded: Set<GeographicLevel> = [],
    knowledge: AttackerKnowledge? = nil
  ) {
    let plan = aggregation.plan
    let units = aggregation.units
    let facts = knowledge.map { Self.facts($0, aggregation, excluded) } ?? []
    // Union–find over variables: a breakdown ties its total and its categories.
    var order: [String] = []
    var parent: [String: String] = [:]
    func find(_ variable: String) -> String {
      var root = variable
      while parent[root]! != root { root = parent[root]! }
      return root
    }
    let ruleByVariable = plan.ruleByVariable
    for table in plan.tables {
      for column in table.columns where parent[column.variable] == nil {
        parent[column.variable] = column.variable
        order.append(column.variable)
      }
      if table.total != nil {
        let root = find(table.columns.last!.variable)
        for column in table.columns { parent[find(column.variable)] = root }
      }
    }
    // A fact ties its variables: a reader uses it across the tables they are in.
    for fact in facts {
      let variables = fact.terms.map { Self.variable(ofCellID: $0.cell) }
      guard let first = variables.first, parent[first] != nil else { continue }
      let root = find(first)
      for variable in variables.dropFirst() where parent[variable] != nil { parent[find(variable)] = root }
    }
    var systemOfRoot: [String: Int] = [:]
    var variablesBySystem: [[String]] = []
    for variable in order {
      let root = find(variable)
      if let system = systemOfRoot[root] {
        variablesBySystem[system].append(variable)
      } else {
        systemOfRoot[root] = variablesBySystem.count
        variablesBySystem.append([variable])
      }
    }
    func included(_ unit: Int, _ variable: String) -> Bool {
      let level = units.units[unit].level
      return !excluded.contains(level) && aggregation.levelsByVariable[variable]!.contains(level)
    }

    var systems: [System] = []
    var location: [String: (system: Int, cell: Int)] = [:]
    for variables in variablesBySystem {
      var cells: [TableCell] = []
      var origins: [(variable: String, unit: Int)] = []
      var index: [String: [Int]] = [:]
      for variable in variables {
        var byUnit = [Int](repeating: -1, count: units.units.count)
        for unit in units.units.indices where included(unit, variable) {
          let cell = aggregation.cell(variable, unit)!
          byUnit[unit] = cells.count
          let level = units.units[unit].level
          var tableCell = Self.tableCell(
            cell, id: Self.cellID(variable, units.units[unit]), rule: plan.rules[ruleByVariable[variable]!]!,
            costFactor: Self.costFactor(level))
          tableCell.frequencyCountsValue = plan.rules[ruleByVariable[variable]!]!.basis == .value
          if let knowledge {
            tableCell.knownLowerBound = knowledge.hiddenLowerBound(of: variable)
            tableCell.integral = knowledge.isIntegral(variable)
            tableCell.frequencyThreshold = knowledge.threshold(of: variable)
          }
          cells.append(tableCell)
          origins.append((variable, unit))
        }
        index[variable] = byUnit
      }
      var equations: [TableEquation] = []
      var seen = Set<[Int]>()
      func add(_ total: Int, _ parts: [Int]) {
        guard total >= 0, !parts.isEmpty, parts.allSatisfy({ $0 >= 0 }) else { return }
        if seen.insert([total] + parts.sorted()).inserted {
          equations.append(TableEquation(total: total, parts: parts))
        }
      }
      for variable in variables {
        let byUnit = index[variable]!
        // A child not shown at this variable's levels stands for its own children (France is the
        // sum of the départements when neither régions nor cours d'appel are shown); nil when
        // nothing below is shown.
        func shown(_ unit: Int) -> [Int]? {
          if byUnit[unit] >= 0 { return [byUnit[unit]] }
          guard let group = units.childrenGroups[unit].first else { return nil }
          var cells: [Int] = []
          for child in group {
            guard let below = shown(child) else { return nil }
            cells += below
          }
          return cells
        }
        for unit in units.units.indices where byUnit[unit] >= 0 {
          for group in units.childrenGroups[unit] {
            var parts: [Int] = []
            for child in group {
              guard let below = shown(child) else {
                parts = []
                break
              }
              parts += below
            }
            add(byUnit[unit], parts)
          }
        }
      }
      for table in plan.tables where table.total != nil && variables.contains(table.total!.variable) {
        let columns = table.columns
        for unit in units.units.indices where table.levels.contains(units.units[unit].level) {
          let cellsOfColumns = columns.map { index[$0.variable]![unit] }
          add(cellsOfColumns.last!, Array(cellsOfColumns.dropLast()))
        }
      }
      let number = systems.count
      var position: [String: Int] = [:]
      for (index, cell) in cells.enumerated() {
        location[cell.id] = (number, index)
        position[cell.id] = index
      }
      for fact in facts where fact.terms.count == 1 {
        guard let index = position[fact.terms[0].cell] else { continue }
        cells[index].bound(by: fact)
      }
      let stated = Set(equations.map { Self.signature($0) })
      let constraints = facts.compactMap { fact -> TableConstraint? in
        guard fact.terms.count > 1, let first = fact.terms.first, position[first.cell] != nil else {
          return nil
        }
        let terms = fact.terms.compactMap { term in
          position[term.cell].map { (cell: $0, coefficient: term.coefficient) }
        }
        guard terms.count == fact.terms.count else { return nil }
        // A sum rule that a breakdown already states is no new knowledge.
        if fact.lower == 0, fact.upper == 0,
          stated.contains(Self.signature(terms.map { ($0.cell, $0.coefficient) }))
        {
          return nil
        }
        return TableConstraint(terms: terms, lower: fact.lower, upper: fact.upper, knowledge: fact.knowledge)
      }
      // Identifiers are unique by construction; equations and constraints name cells of this table.
      let table = try! AdditiveTable(cells: cells, equations: equations, constraints: constraints)
      systems.append(
        System(rule: ruleByVariable[variables[0]]!, variables: variables, table: table, origins: origins))
    }
    self.init(systems: systems, location: location)
  }

  /// How much dearer hiding a cell of `level` is than hiding a service's cell of the same value:
  /// 1 for a service, 2 for a département, 4 for a région or a cour d'appel, 1 000 for France.
  ///
  /// A cost function in τ-Argus's sense: the secondary suppression compares `value × factor`, so
  /// it hides inner cells rather than the totals readers look for first, where their values are
  /// comparable, and a national cell only when nothing else protects (it is also the first one the
  /// pruning tries to publish again).
  public static func costFactor(_ level: GeographicLevel) -> Double {
    switch level {
    case .national: 1_000
    case .region, .courAppel: 4
    case .departement: 2
    case .service: 1
    }
  }

  /// The secrecy stage's view of a cell: contributors are persons for a rule on values, services
  /// otherwise (with the largest contributions for dominance); its cost of hiding is its value
  /// times `costFactor`.
  static func tableCell(
    _ cell: AggregatedCell, id: String, rule: SecrecyRuleDefinition, costFactor: Double = 1
  ) -> TableCell {
    switch rule.basis {
    case .value:
      TableCell(
        id: id, value: cell.value, contributors: Int(cell.value.rounded()), cost: cell.value * costFactor)
    case .contributors:
      TableCell(
        id: id, value: cell.value, contributors: cell.services,
        largestContributions: rule.dominance == nil && rule.pPercent == nil ? nil : cell.largest,
        cost: cell.value * costFactor)
    }
  }
}
