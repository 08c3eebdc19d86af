import EnqueteCore

/// The previous and the new publication of a campaign as one system: what a reader holding both
/// folders can solve.
///
/// Between the two, some reports were added (late), replaced (corrected) or withdrawn. Every
/// cell is then the sum of three layers of services: those whose report is the same in both
/// (`U`), the previous versions of the others (`M`) and their new versions (`P`), so that
/// `previous = U + M` and `new = U + P`, every layer ≥ 0 and additive along the tables' equations,
/// and every rule a reader applies to a set of services true of each layer. A layer cell with
/// services under its rule's threshold is as sensitive as if it were published: the difference of
/// the two versions is then one late or corrected service's figure. A cell no changed service
/// contributes to is one unknown (its value is the same in both): published in either version, it
/// is public.
///
/// Cells keep their identifiers for the new version (and the merged cells); the others are
/// `id#avant` (previous), `id#communs` (`U`), `id#retires` (`M`) and `id#ajoutes` (`P`). A layer
/// without any service in a cell is known to be 0 (a reader counts the services answering in each
/// version) and is left out.
struct RepublicationSystem {
  /// What a cell of the joint table stands for.
  enum Role: Sendable, Hashable {
    /// A cell no changed service contributes to: the same value in both versions.
    case both
    /// The new version of a cell that changed.
    case new
    /// The previous version of a cell that changed.
    case previous
    /// A layer of a cell that changed: unchanged services, previous or new versions of the others.
    case unchanged, withdrawn, added
  }

  /// The joint table.
  var table: AdditiveTable
  /// Its statuses: what each version published is fixed (``alreadyPublic`` for the previous one),
  /// the new pattern's publishable cells are candidates, the layers hidden.
  var statuses: [CellStatus]
  /// The role of each cell.
  var roles: [Role]
  /// For each cell of the new system, its cell in the joint table.
  var jointOfNew: [Int]

  /// The status a cell already public in the previous publication takes in the joint table: fixed
  /// at its value, never a complement (the secondary suppression never hides a `Z`).
  static let alreadyPublic = CellStatus.structuralZero

  /// The joint system of the new system `number` of `new` (its pattern `newStatuses`), given the
  /// cells the previous publication hid (`previouslyHidden`, identifiers) and the four readings.
  /// - Complexity: O(cells + equation and constraint terms) of the systems involved.
  init(
    number: Int, new: LinkedTables, newStatuses: [CellStatus], sources: RepublicationReadings,
    previouslyHidden: Set<String>, newFacts: [AttackerKnowledge.Fact] = [], settings: SecrecySettings
  ) {
    let system = new.systems[number]
    // What each pattern tells a reader of single cells: the new one of the new cells, the previous
    // one of its own; a cell the same in both versions takes both.
    let boundsOfNew = Dictionary(grouping: newFacts, by: { $0.terms[0].cell })
    let boundsOfPrevious = Dictionary(grouping: sources.previousPatternFacts, by: { $0.terms[0].cell })
    func bounded(
      _ cell: TableCell, _ id: String, by facts: [String: [AttackerKnowledge.Fact]]...
    ) -> TableCell {
      var cell = cell
      for bounds in facts { for fact in bounds[id] ?? [] { cell.bound(by: fact) } }
      return cell
    }
    var cells: [TableCell] = []
    var statuses: [CellStatus] = []
    var roles: [Role] = []
    var equations: [TableEquation] = []
    // Where each reading of an identifier is in the joint table.
    var previousCell: [String: Int] = [:]
    var layerCell: [Role: [String: Int]] = [.unchanged: [:], .withdrawn: [:], .added: [:]]
    var jointOfNew: [Int] = []
    func cell(_ id: String, in tables: LinkedTables) -> TableCell? {
      tables.location[id].map { tables.systems[$0.system].table.cells[$0.cell] }
    }
    func append(_ cell: TableCell, _ status: CellStatus, _ role: Role) -> Int {
      cells.append(cell)
      statuses.append(status)
      roles.append(role)
      return cells.count - 1
    }
    /// A hidden layer or previous cell: a primary by its own rules, else an unknown.
    func hiddenStatus(_ cell: TableCell) -> CellStatus {
      let status = PrimaryRules.status(of: cell, settings: settings)
      return status.isPrimary ? status : .secondary
    }
    for (index, newCell) in system.table.cells.enumerated() {
      let id = newCell.id
      let newStatus = newStatuses[index]
      let old = cell(id, in: sources.previous).flatMap { $0.contributors > 0 ? $0 : nil }
      let layers: [(Role, TableCell?)] = [
        (Role.unchanged, sources.unchanged), (.withdrawn, sources.withdrawn), (.added, sources.added),
      ].map { role, tables in (role, cell(id, in: tables).flatMap { $0.contributors > 0 ? $0 : nil }) }
      let publishedBefore = old != nil && !previouslyHidden.contains(id)
      if layers[1].1 == nil && layers[2].1 == nil {
        // The same services in both versions: one unknown, public if either version shows it.
        let status: CellStatus =
          newStatus.isPrimary || newStatus == .structuralZero
          ? newStatus : publishedBefore ? Self.alreadyPublic : newStatus
        let joint = append(bounded(newCell, id, by: boundsOfNew, boundsOfPrevious), status, .both)
        jointOfNew.append(joint)
        if old != nil { previousCell[id] = joint }
        layerCell[.unchanged]![id] = joint
        continue
      }
      let newJoint = append(bounded(newCell, id, by: boundsOfNew), newStatus, .new)
      jointOfNew.append(newJoint)
      var parts: [Role: Int] = [:]
      for (role, layer) in layers {
        guard var layer else { continue }
        layer.id = id + Self.suffix(role)
        parts[role] = append(layer, hiddenStatus(layer), role)
        layerCell[role]![id] = parts[role]
      }
      let newParts = [parts[.unchanged], parts[.added]].compactMap { $0 }
      if !newParts.isEmpty { equations.append(TableEquation(total: newJoint, parts: newParts)) }
      if let previous = old {
        var old = bounded(previous, id, by: boundsOfPrevious)
        old.id = id + Self.suffix(.previous)
        // A cell the previous pattern hid by dominance stays a primary (`B`): recomputed, its
        // previous value would bound the unit of few services below it.
        let hidden = hiddenStatus(previous)
        let status =
          publishedBefore
          ? Self.alreadyPublic
          : sources.previousDominating.contains(id) && !hidden.isPrimary ? .primaryDominance : hidden
        let joint = append(old, status, .previous)
        previousCell[id] = joint
        equations.append(
          TableEquation(total: joint, parts: [parts[.unchanged], parts[.withdrawn]].compactMap { $0 }))
      }
    }
    // Each layer is additive along its own tables; each reading carries what a reader knows of it
    // (rules summed over its services, catalog bounds for its number of services). The two
    // versions' own equations follow from the layers'. A cell a reading lacks is 0; a row that
    // reaches outside this system is left out.
    var newCell: [String: Int] = [:]
    for (index, cell) in system.table.cells.enumerated() { newCell[cell.id] = jointOfNew[index] }
    let readings: [(tables: LinkedTables, joint: [String: Int], additive: Bool)] = [
      (sources.unchanged, layerCell[.unchanged]!, true), (sources.withdrawn, layerCell[.withdrawn]!, true),
      (sources.added, layerCell[.added]!, true), (sources.previous, previousCell, false),
      (new, newCell, false),
    ]
    var constraints: [TableConstraint] = []
    for reading in readings where !reading.joint.isEmpty {
      let numbers = Set(reading.joint.keys.compactMap { reading.tables.location[$0]?.system })
      for number in numbers.sorted() {
        let table = reading.tables.systems[number].table
        func terms(_ cells: [Int], _ coefficients: [Double]) -> [(cell: Int, coefficient: Double)]? {
          var terms: [(cell: Int, coefficient: Double)] = []
          for (cell, coefficient) in zip(cells, coefficients) {
            let id = table.cells[cell].id
            guard newCell[id] != nil else { return nil }
            if let joint = reading.joint[id] { terms.append((joint, coefficient)) }
          }
          return terms
        }
        if reading.additive {
          for equation in table.equations {
            guard let mapped = terms(equation.cells, equation.cells.map { _ in 1 }),
              let total = reading.joint[table.cells[equation.total].id], mapped.count > 1
            else { continue }
            equations.append(TableEquation(total: total, parts: mapped.dropFirst().map(\.cell)))
          }
        }
        for constraint in table.constraints {
          guard let mapped = terms(constraint.cells, constraint.coefficients), !mapped.isEmpty else {
            continue
          }
          constraints.append(
            TableConstraint(
              terms: mapped, lower: constraint.lower, upper: constraint.upper, knowledge: constraint.knowledge
            ))
        }
      }
    }
    // Identifiers are unique by construction (a suffix per role).
    self.table = try! AdditiveTable(cells: cells, equations: equations, constraints: constraints)
    self.statuses = statuses
    self.roles = roles
    self.jointOfNew = jointOfNew
  }

  /// The suffix of a role's identifiers.
  static func suffix(_ role: Role) -> String {
    switch role {
    case .both, .new: ""
    case .previous: "#avant"
    case .unchanged: "#communs"
    case .withdrawn: "#retires"
    case .added: "#ajoutes"
    }
  }
}
