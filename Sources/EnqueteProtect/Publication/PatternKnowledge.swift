import EnqueteCore
import Logging

/// The knowledge a pattern itself gives a reader (``AttackerKnowledge/patternFacts(_:)``: a
/// published cell under a dominance rule bounds the units of one or two services below it), added
/// once the pattern is chosen: each system is audited again with those bounds and completed by the
/// repair rounds where a primary fails, until its pattern no longer changes; its audit is then the
/// one a reader of that very pattern would compute.
public enum PatternKnowledge {
  /// `protections` of `linked`, audited (and completed where needed) with what their patterns say.
  /// - Complexity: one audit per system whose cells the pattern bounds, and the repair rounds.
  public static func reinforced(
    _ protections: [ProtectionResult], _ linked: LinkedTables, _ aggregation: Aggregation,
    _ settings: [SecrecySettings], knowledge: AttackerKnowledge, logger: Logger?
  ) throws -> [ProtectionResult] {
    var result = protections
    var statuses = protections.map(\.statuses)
    // A system reinforced from the same statuses under the same pattern's bounds gives the same
    // result: the last word and the final audit reuse what the last pass solved.
    var memo = Reinforcements(settings: settings, logger: logger)
    // Publishing a cell again (a determined secondary) may bound more cells: again until the
    // pattern no longer changes (twice, usually).
    for _ in 0..<maximumPasses {
      let before = statuses
      hideDominating(&statuses, linked, aggregation, settings, knowledge)
      let pattern = statuses
      for (number, bounded) in tables(linked, aggregation, pattern, knowledge).enumerated() {
        guard let table = bounded ?? (pattern[number] != before[number] ? linked.systems[number].table : nil)
        else { continue }
        result[number] = DeterminedSecondaries.published(try memo.reinforced(number, table, under: pattern))
        statuses[number] = result[number].statuses
      }
      if statuses == before { break }
    }
    // The last word: each system completed without publishing anything again, then audited with
    // the bounds of that very pattern (hiding more only loosens them), as a reader would.
    let lastWord = statuses
    for (number, bounded) in tables(linked, aggregation, lastWord, knowledge).enumerated() {
      guard let table = bounded else { continue }
      statuses[number] = try memo.reinforced(number, table, under: lastWord).statuses
    }
    let final = statuses
    for (number, bounded) in tables(linked, aggregation, final, knowledge).enumerated()
    where bounded != nil || final[number] != result[number].statuses {
      let table = bounded ?? linked.systems[number].table
      result[number] = ProtectionResult(
        statuses: final[number],
        audit: try memo.audit(number, of: final[number], under: final)
          ?? ProtectionAudit(settings: settings[number], logger: logger).audit(table, statuses: final[number]),
        rounds: result[number].rounds)
    }
    // Completed under more knowledge, each pattern still protects what the placement bounded.
    for number in result.indices { result[number].lowerBound = protections[number].lowerBound }
    return result
  }

  /// How many times the bounds are derived again at most.
  static let maximumPasses = 6

  /// Hides the published cells whose dominance would bound a primary below its required
  /// protection: no other cell can lift that bound, only hiding the cell that gives it. They are
  /// marked primaries by dominance (`B`, private audit only): a reader must not be able to tell
  /// them, so they are protected as primaries, and never published again as determined.
  private static func hideDominating(
    _ statuses: inout [[CellStatus]], _ linked: LinkedTables, _ aggregation: Aggregation,
    _ settings: [SecrecySettings], _ knowledge: AttackerKnowledge
  ) {
    for place in dominating(linked, aggregation, statuses, settings, knowledge, among: { $0 == .publishable })
    {
      statuses[place.system][place.cell] = .primaryDominance
    }
  }

  /// The identifiers of the cells a publication of `linked` hid (`hidden`) that it had to hide as
  /// primaries by dominance (`B`): shown, their dominance would have bounded a primary below its
  /// required protection. A previous publication, read back: its private audit marked them `B`,
  /// and whoever recomputes one from several folders gets that bound. `settings`: one per system
  /// of `linked` (``LinkedProtection/settings(_:plan:)`` of it).
  /// - Complexity: O(units × variables × levels above).
  public static func dominatingHidden(
    _ linked: LinkedTables, _ aggregation: Aggregation, hidden: Set<String>, _ settings: [SecrecySettings],
    knowledge: AttackerKnowledge
  ) -> Set<String> {
    let statuses = linked.systems.indices.map { number in
      let system = linked.systems[number]
      return system.table.cells.map { cell -> CellStatus in
        guard hidden.contains(cell.id) else { return .publishable }
        let status = PrimaryRules.status(of: cell, settings: settings[number])
        return status.isPrimary ? status : .secondary
      }
    }
    let found = dominating(linked, aggregation, statuses, settings, knowledge, among: { $0 == .secondary })
    return Set(found.map { linked.systems[$0.system].table.cells[$0.cell].id })
  }

  /// The cells with a status `among` accepts whose dominance, were they shown, would bound a
  /// primary of a unit of few services below them under its required protection.
  private static func dominating(
    _ linked: LinkedTables, _ aggregation: Aggregation, _ statuses: [[CellStatus]],
    _ settings: [SecrecySettings], _ knowledge: AttackerKnowledge, among: (CellStatus) -> Bool
  ) -> [(system: Int, cell: Int)] {
    let units = aggregation.units.units
    var found: [(system: Int, cell: Int)] = []
    var seen = Set<[Int]>()
    for (unit, services) in aggregation.reportCounts.enumerated() where services > 0 {
      let reader = AttackerKnowledge.Unit(
        level: units[unit].level, code: units[unit].code, services: services)
      let containing = AttackerKnowledge.containing(reader)
      for variable in knowledge.publishedVariables {
        guard let rule = knowledge.rule(of: variable),
          let dominance = rule.dominance,
          rule.basis == .contributors, services <= dominance.contributors,
          let place = linked.location[LinkedTables.cellID(variable, units[unit])],
          statuses[place.system][place.cell].isPrimary,
          let required = RequiredProtection.of(
            cell: linked.systems[place.system].table.cells[place.cell],
            status: statuses[place.system][place.cell],
            settings: settings[place.system])
        else { continue }
        for above in containing {
          guard let other = linked.location[AttackerKnowledge.cellID(variable, above.level, above.code)],
            among(statuses[other.system][other.cell]),
            linked.systems[other.system].table.cells[other.cell].value * dominance.percent / 100
              < required.upper - 1e-9,
            seen.insert([other.system, other.cell]).inserted
          else { continue }
          found.append((other.system, other.cell))
        }
      }
    }
    return found
  }

  /// Each system's table with the bounds its pattern gives, `nil` where it gives none.
  private static func tables(
    _ linked: LinkedTables, _ aggregation: Aggregation, _ statuses: [[CellStatus]],
    _ knowledge: AttackerKnowledge
  ) -> [AdditiveTable?] {
    var cells = linked.systems.map(\.table.cells)
    var changed = Set<Int>()
    for fact in facts(linked, aggregation, statuses, knowledge: knowledge) {
      guard let place = linked.location[fact.terms[0].cell] else { continue }
      cells[place.system][place.cell].bound(by: fact)
      changed.insert(place.system)
    }
    return linked.systems.indices.map { number in
      guard changed.contains(number) else { return nil }
      let table = linked.systems[number].table
      // Same cells and rows: only what a reader knows of some hidden cells changed.
      return try! AdditiveTable(
        cells: cells[number], equations: table.equations, constraints: table.constraints)
    }
  }

  /// What the pattern `statuses` of `linked` tells a reader of one cell each (the dominance of
  /// the published cells above it), by ``AttackerKnowledge/patternFacts(_:)``.
  /// - Complexity: O(units × variables).
  public static func facts(
    _ linked: LinkedTables, _ aggregation: Aggregation, _ statuses: [[CellStatus]],
    knowledge: AttackerKnowledge
  ) -> [AttackerKnowledge.Fact] {
    facts(linked, aggregation, knowledge: knowledge) { id in
      linked.location[id].flatMap { place in
        statuses[place.system][place.cell].isSuppressed
          ? nil : linked.systems[place.system].table.cells[place.cell].value
      }
    }
  }

  /// What a publication of `linked` that shows the cells `published` gives (their value, `nil`
  /// for a hidden cell) tells a reader of one cell each: a previous publication, read back.
  /// - Complexity: O(units × variables).
  public static func facts(
    _ linked: LinkedTables, _ aggregation: Aggregation, knowledge: AttackerKnowledge,
    published: @escaping (String) -> Double?
  ) -> [AttackerKnowledge.Fact] {
    let units = aggregation.units.units
    let reading = AttackerKnowledge.Reading(
      units: units.indices.map {
        AttackerKnowledge.Unit(
          level: units[$0].level, code: units[$0].code, services: aggregation.reportCounts[$0])
      },
      exists: { linked.location[$0] != nil },
      published: published,
      indicator: { _, _ in .absent })
    return knowledge.patternFacts(reading).filter { $0.terms.count == 1 }
  }
}

/// The last ``SecondarySuppression/reinforce(_:statuses:)`` of each system in
/// ``PatternKnowledge/reinforced(_:_:_:_:knowledge:logger:)``, with what it was computed from:
/// the system's statuses and the whole pattern, whose bounds made its table (the table of a system
/// is a function of the pattern: ``PatternKnowledge`` derives its bounds from every system's
/// statuses). The same inputs give the same result, so a pass that changed nothing is not solved
/// again by the last word, nor its audit by the final one (on the sample's publications, the
/// largest system's three full audits after placement become one).
private struct Reinforcements {
  let settings: [SecrecySettings]
  let logger: Logger?
  private var last: [Int: (pattern: [[CellStatus]], result: ProtectionResult)] = [:]

  init(settings: [SecrecySettings], logger: Logger?) {
    self.settings = settings
    self.logger = logger
  }

  /// System `number` reinforced from its statuses in `pattern`, over `table` (its table under the
  /// bounds `pattern` gives).
  mutating func reinforced(
    _ number: Int, _ table: AdditiveTable, under pattern: [[CellStatus]]
  ) throws(ProtectionAudit.Problem) -> ProtectionResult {
    if let known = last[number], known.pattern == pattern { return known.result }
    let result = try SecondarySuppression(settings: settings[number], logger: logger).reinforce(
      table, statuses: pattern[number])
    last[number] = (pattern, result)
    return result
  }

  /// The audit of system `number` with `statuses` under the bounds of `pattern`, when its last
  /// reinforcement ended on those statuses under the same bounds.
  func audit(_ number: Int, of statuses: [CellStatus], under pattern: [[CellStatus]]) -> AuditReport? {
    guard let known = last[number], known.pattern == pattern, known.result.statuses == statuses else {
      return nil
    }
    return known.result.audit
  }
}
