import EnqueteCore

/// Every earlier publication of a campaign and the new one as one system: what a reader holding
/// every folder can solve.
///
/// Between the versions, some reports were added (late), replaced (corrected) or withdrawn. The
/// reports fall into groups, each the reports that appear in the same versions
/// (``RepublicationReadings/Group``); every cell of a version is then the sum of the groups that
/// appear in it, every group ≥ 0 and additive along the tables' equations, and every rule a reader
/// applies to a set of services true of each group. With one earlier publication the groups are
/// the three layers of services: those whose report is the same in both (`U`), the previous
/// versions of the others (`M`) and their new versions (`P`), so that `previous = U + M` and
/// `new = U + P`. A group cell with services under its rule's threshold is as sensitive as if it
/// were published: the difference of two versions is then one late or corrected service's figure.
/// A cell only reports of every version contribute to is one unknown (its value is the same in
/// all): published in any version, it is public.
///
/// Cells keep their identifiers for the new version (and the merged cells); the others take the
/// suffixes of ``RepublicationReadings/suffix(ofGroup:)`` and
/// ``RepublicationReadings/suffix(ofPrevious:)`` (`#avant`, `#communs`, `#retires`, `#ajoutes` with
/// one earlier publication). A group without any service in a cell is known to be 0 (a reader
/// counts the services answering in each version) and is left out.
struct RepublicationSystem {
  /// What a cell of the joint table stands for.
  enum Role: Sendable, Hashable {
    /// A cell only reports of every version contribute to: the same value in all.
    case both
    /// The new version of a cell that changed.
    case new
    /// An earlier version (`previous[index]` of the readings) of a cell that changed.
    case previous(Int)
    /// A group of services (`groups[index]` of the readings) in a cell that changed.
    case group(Int)
  }

  /// The joint table.
  var table: AdditiveTable
  /// Its statuses: what each version published is fixed (``alreadyPublic`` for the earlier ones),
  /// the new pattern's publishable cells are candidates, the groups hidden.
  var statuses: [CellStatus]
  /// The role of each cell.
  var roles: [Role]
  /// For each cell of the new system, its cell in the joint table.
  var jointOfNew: [Int]
  /// The cells of the new system (indices) an earlier version showed with the same services: a
  /// reader of that folder knows their new value exactly.
  var shownBefore: [Int]

  /// The status a cell already public in an earlier publication takes in the joint table: fixed
  /// at its value, never a complement (the secondary suppression never hides a `Z`).
  static let alreadyPublic = CellStatus.structuralZero

  /// The joint system of the new system `number` of `new` (its pattern `newStatuses`) with every
  /// earlier publication and group of reports of `sources`.
  /// - Complexity: O(cells + equation and constraint terms) of the systems involved.
  init(
    number: Int, new: LinkedTables, newStatuses: [CellStatus], sources: RepublicationReadings,
    newFacts: [AttackerKnowledge.Fact] = [], settings: SecrecySettings
  ) {
    let system = new.systems[number]
    let versions = sources.previous.count + 1
    // What each pattern tells a reader of single cells: the new one of the new cells, an earlier
    // one of its own; a cell the same in every version takes them all.
    let boundsOfNew = Dictionary(grouping: newFacts, by: { $0.terms[0].cell })
    let boundsOfPrevious = sources.previous.map {
      Dictionary(grouping: $0.patternFacts, by: { $0.terms[0].cell })
    }
    func bounded(_ cell: TableCell, _ id: String, by facts: [[String: [AttackerKnowledge.Fact]]]) -> TableCell
    {
      var cell = cell
      for bounds in facts { for fact in bounds[id] ?? [] { cell.bound(by: fact) } }
      return cell
    }
    var cells: [TableCell] = []
    var statuses: [CellStatus] = []
    var roles: [Role] = []
    var equations: [TableEquation] = []
    // Where each reading of an identifier is in the joint table.
    var previousCell: [[String: Int]] = Array(repeating: [:], count: sources.previous.count)
    var groupCell: [[String: Int]] = Array(repeating: [:], count: sources.groups.count)
    let everywhere = sources.groups.firstIndex { $0.versions.count == versions }
    var jointOfNew: [Int] = []
    var shownBefore: [Int] = []
    func cell(_ id: String, in tables: LinkedTables) -> TableCell? {
      tables.location[id].map { tables.systems[$0.system].table.cells[$0.cell] }
    }
    func append(_ cell: TableCell, _ status: CellStatus, _ role: Role) -> Int {
      cells.append(cell)
      statuses.append(status)
      roles.append(role)
      return cells.count - 1
    }
    /// A hidden group or earlier cell: a primary by its own rules, else an unknown.
    func hiddenStatus(_ cell: TableCell) -> CellStatus {
      let status = PrimaryRules.status(of: cell, settings: settings)
      return status.isPrimary ? status : .secondary
    }
    for (index, newCell) in system.table.cells.enumerated() {
      let id = newCell.id
      let newStatus = newStatuses[index]
      let olds = sources.previous.map { cell(id, in: $0.tables).flatMap { $0.contributors > 0 ? $0 : nil } }
      let groups = sources.groups.map { cell(id, in: $0.tables).flatMap { $0.contributors > 0 ? $0 : nil } }
      let changed = groups.indices.contains { groups[$0] != nil && $0 != everywhere }
      let present = groups.indices.filter { groups[$0] != nil }.map { sources.groups[$0].versions }
      if sources.previous.indices.contains(where: { version in
        sources.previous[version].published(id)
          && present.allSatisfy { $0.contains(0) == $0.contains(version + 1) }
      }) {
        shownBefore.append(index)
      }
      if !changed {
        // The same services in every version: one unknown, public if any version shows it.
        let publishedBefore = sources.previous.contains { $0.published(id) }
        let status: CellStatus =
          newStatus.isPrimary || newStatus == .structuralZero
          ? newStatus : publishedBefore ? Self.alreadyPublic : newStatus
        let joint = append(bounded(newCell, id, by: [boundsOfNew] + boundsOfPrevious), status, .both)
        jointOfNew.append(joint)
        for version in olds.indices where olds[version] != nil { previousCell[version][id] = joint }
        if let everywhere { groupCell[everywhere][id] = joint }
        continue
      }
      let newJoint = append(bounded(newCell, id, by: [boundsOfNew]), newStatus, .new)
      jointOfNew.append(newJoint)
      var layers: [Int: Int] = [:]
      for (group, layer) in groups.enumerated() {
        guard var layer else { continue }
        layer.id = id + sources.suffix(ofGroup: group)
        layers[group] = append(layer, hiddenStatus(layer), .group(group))
        groupCell[group][id] = layers[group]
      }
      func parts(of version: Int) -> [Int] {
        sources.groups.indices.filter { sources.groups[$0].versions.contains(version) }.compactMap {
          layers[$0]
        }
      }
      if !parts(of: 0).isEmpty { equations.append(TableEquation(total: newJoint, parts: parts(of: 0))) }
      for (version, previous) in olds.enumerated() {
        guard let previous else { continue }
        let reading = sources.previous[version]
        var old = bounded(previous, id, by: [boundsOfPrevious[version]])
        old.id = id + sources.suffix(ofPrevious: version)
        // A cell an earlier pattern hid by dominance stays a primary (`B`): recomputed, its value
        // would bound the unit of few services below it.
        let hidden = hiddenStatus(previous)
        let status =
          reading.published(id)
          ? Self.alreadyPublic
          : reading.dominating.contains(id) && !hidden.isPrimary ? .primaryDominance : hidden
        let joint = append(old, status, .previous(version))
        previousCell[version][id] = joint
        equations.append(TableEquation(total: joint, parts: parts(of: version + 1)))
      }
    }
    // Each group is additive along its own tables; each reading carries what a reader knows of it
    // (rules summed over its services, catalog bounds for its number of services). The versions'
    // own equations follow from the groups'. A cell a reading lacks is 0; a row that
    // reaches outside this system is left out.
    var newCell: [String: Int] = [:]
    for (index, cell) in system.table.cells.enumerated() { newCell[cell.id] = jointOfNew[index] }
    let readings: [(tables: LinkedTables, joint: [String: Int], additive: Bool)] =
      zip(sources.groups, groupCell).map { ($0.tables, $1, true) }
      + zip(sources.previous, previousCell).map { ($0.tables, $1, false) } + [(new, newCell, false)]
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
    // Identifiers are unique by construction (a suffix per group and earlier version).
    self.table = try! AdditiveTable(cells: cells, equations: equations, constraints: constraints)
    self.statuses = statuses
    self.roles = roles
    self.jointOfNew = jointOfNew
    self.shownBefore = shownBefore
  }
}
