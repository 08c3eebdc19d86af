import EnqueteCore

/// The systems a reader rebuilds from a published folder: `structure.json`'s systems with every
/// fact of ``AttackerKnowledge`` derived from the public contracts and the published values,
/// systems tied by a fact merged (a reader uses it across them), every hidden cell bounded by what
/// a reader knows of it (zeros published, status letters of an older file).
struct ReaderModel {
  /// One system as a reader sees it.
  struct System {
    /// The table: published values, hidden cells at 0 (unknown), equations and facts.
    var table: AdditiveTable
    /// Whether each cell is hidden.
    var hidden: [Bool]
    /// The status each cell shows.
    var statuses: [CellStatus]
  }

  /// The systems.
  var systems: [System]

  /// Builds the model of `structure` (the systems of `structure.json`: cells and equations) read
  /// with `published` under `knowledge`.
  /// - Complexity: O(cells + equation terms + facts).
  init(
    structure: [(cells: [String], equations: [[Int]])], published: PublishedCells,
    knowledge: AttackerKnowledge
  ) {
    var systemOf: [String: Int] = [:]
    for (number, system) in structure.enumerated() {
      for id in system.cells { systemOf[id] = number }
    }
    let facts = knowledge.facts(Self.reading(published))
    var groups = DisjointSets(count: structure.count)
    var usable: [AttackerKnowledge.Fact] = []
    for fact in facts {
      let systems = fact.terms.compactMap { systemOf[$0.cell] }
      guard systems.count == fact.terms.count, let first = systems.first else { continue }
      groups.link([first] + systems.dropFirst())
      usable.append(fact)
    }
    var members: [Int: [Int]] = [:]
    for number in structure.indices { members[groups.find(number), default: []].append(number) }
    var factsOfGroup: [Int: [AttackerKnowledge.Fact]] = [:]
    for fact in usable { factsOfGroup[groups.find(systemOf[fact.terms[0].cell]!), default: []].append(fact) }

    systems = members.keys.sorted().map { root in
      var cells: [TableCell] = []
      var hidden: [Bool] = []
      var statuses: [CellStatus] = []
      var equations: [TableEquation] = []
      var position: [String: Int] = [:]
      for number in members[root]! {
        let offset = cells.count
        for id in structure[number].cells {
          let shown = published.cells[id] ?? (nil, .secret)
          let variable = String(id.prefix { $0 != "|" })
          var lower = shown.status.isSuppressed ? knowledge.hiddenLowerBound(of: variable) : nil
          var upper: Double?
          if let letter = knowledge.statusBounds(of: shown.status, variable: variable) {
            lower = max(lower ?? 0, letter.lower)
            upper = letter.upper
          }
          position[id] = cells.count
          cells.append(
            TableCell(
              id: id, value: shown.value ?? 0, contributors: 0, knownLowerBound: lower,
              knownUpperBound: upper,
              integral: knowledge.isIntegral(variable)))
          hidden.append(shown.status.isSuppressed)
          statuses.append(shown.status)
        }
        equations += structure[number].equations.compactMap { numbers in
          guard let total = numbers.first else { return nil }
          return TableEquation(total: total + offset, parts: numbers.dropFirst().map { $0 + offset })
        }
      }
      for fact in factsOfGroup[root] ?? [] where fact.terms.count == 1 {
        let index = position[fact.terms[0].cell]!
        if hidden[index] { cells[index].bound(by: fact) }
      }
      let constraints = (factsOfGroup[root] ?? []).filter { $0.terms.count > 1 }.map { fact in
        TableConstraint(
          terms: fact.terms.map { (cell: position[$0.cell]!, coefficient: $0.coefficient) },
          lower: fact.lower,
          upper: fact.upper, knowledge: fact.knowledge)
      }
      // Equations were checked against their system's cells before; constraints name cells of
      // this group by construction.
      let table = try! AdditiveTable(cells: cells, equations: equations, constraints: constraints)
      return System(table: table, hidden: hidden, statuses: statuses)
    }
  }

  /// What a reader sees of the units and indicators in `published`.
  static func reading(_ published: PublishedCells) -> AttackerKnowledge.Reading {
    var units: [AttackerKnowledge.Unit] = []
    var seen = Set<String>()
    for id in published.cells.keys.sorted() {
      let parts = id.split(separator: "|", omittingEmptySubsequences: false)
      guard parts.count == 3, let level = GeographicLevel(rawValue: String(parts[1])) else { continue }
      let key = "\(parts[1])|\(parts[2])"
      guard seen.insert(key).inserted else { continue }
      // The services behind the figures: the respondents and, when the plan imputes, the imputed.
      let imputed = published.indicators["nb_services_imputes|\(key)"]?.value.map { Int($0.rounded()) } ?? 0
      let services =
        level == .service
        ? 1 : published.indicators["nb_services|\(key)"]?.value.map { Int($0.rounded()) + imputed }
      units.append(AttackerKnowledge.Unit(level: level, code: String(parts[2]), services: services))
    }
    let cells = published.cells
    let indicators = published.indicators
    return AttackerKnowledge.Reading(
      units: units, exists: { cells[$0] != nil },
      published: { id in cells[id].flatMap { $0.status.isSuppressed ? nil : $0.value } },
      indicator: { indicator, index in
        let unit = units[index]
        guard let shown = indicators["\(indicator)|\(unit.level.rawValue)|\(unit.code)"] else {
          return .absent
        }
        if let value = shown.value { return .value(value) }
        return shown.status.isSuppressed ? .secret : .absent
      })
  }
}
