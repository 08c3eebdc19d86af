import EnqueteAggregate
import EnqueteCore
import Foundation
import Testing

@testable import EnqueteProtect

/// The joint audit of two publications knows what each folder's pattern told its reader: a reader
/// holding both folders has the dominance bounds of both.
@Suite struct RepublicationKnowledgeTests {
  /// One amount secret under 3 services or when one service holds more than 85 % of it.
  static let plan = try! JSONDecoder().decode(
    PublicationPlan.self,
    from: Data(
      """
      {"survey": "mediation-familiale", "planVersion": "test", "title": "Test", "protectionRatio": 0.1,
       "rules": {"services": {"label": "moins de 3 services", "basis": "contributors", "threshold": 3,
                              "dominance": {"contributors": 1, "percent": 85}}},
       "levels": ["national", "region", "cour_appel", "departement"],
       "derivedVariables": [], "indicators": [],
       "tables": [{"id": "t", "title": "T", "rule": "services",
                   "levels": ["national", "region", "cour_appel", "departement"],
                   "variables": ["etp_mediateurs"]}]}
      """.utf8))
  static let variable = "etp_mediateurs"

  static func report(_ number: Int, _ departement: String, _ value: Double) -> ReportFigures {
    ReportFigures(
      siret: String(format: "%014d", number), name: "Service \(number)", departementCode: departement,
      numbers: [variable: value])
  }

  /// Three services in most départements of Grand Est, one in the Haute-Marne (52); a late
  /// service arrives in the Haute-Marne.
  static let campaign: [ReportFigures] = ["08", "10", "51", "52", "54", "55", "57", "67", "68", "88"]
    .enumerated().flatMap { index, code in
      (0..<(code == "52" ? 1 : 3)).map {
        report(100 * index + $0 + 1, code, Double(3 + (5 * index + $0) % 7))
      }
    }
  static let late = report(9_999, "52", 2)

  static func id(_ level: GeographicLevel, _ code: String) -> String {
    AttackerKnowledge.cellID(variable, level, code)
  }

  static let knowledge = AttackerKnowledge(
    plan: plan, catalog: .builtIn(plan.survey), rules: .builtIn(plan.survey))

  static func linked(_ reports: [ReportFigures]) throws -> (LinkedTables, Aggregation) {
    let aggregation = try Aggregation(plan: plan, year: 2025, reports: reports, expected: [])
    return (LinkedTables(aggregation, knowledge: knowledge), aggregation)
  }

  static func value(_ id: String, _ tables: LinkedTables) -> Double? {
    tables.location[id].map { tables.systems[$0.system].table.cells[$0.cell].value }
  }

  /// The joint system of the campaign published with `hidden` hidden, then again with `late`
  /// (the new pattern hides the same cells), with or without what the previous pattern told.
  static func joint(
    late: ReportFigures, hidden: Set<String>, previousKnowledge: Bool
  ) throws -> RepublicationSystem {
    let (before, beforeAggregation) = try linked(campaign)
    let (new, newAggregation) = try linked(campaign + [late])
    let previousFacts = PatternKnowledge.facts(before, beforeAggregation, knowledge: knowledge) { id in
      hidden.contains(id) ? nil : value(id, before)
    }
    let number = try #require(new.location[id(.departement, "52")]).system
    let newStatuses = new.systems[number].table.cells.map {
      hidden.contains($0.id) ? CellStatus.secondary : .publishable
    }
    return RepublicationSystem(
      number: number, new: new, newStatuses: newStatuses,
      sources: RepublicationReadings(
        previous: before, hidden: hidden, unchanged: try linked(campaign).0, withdrawn: try linked([]).0,
        added: try linked([late]).0, previousPatternFacts: previousKnowledge ? previousFacts : []),
      newFacts: PatternKnowledge.facts(new, newAggregation, [newStatuses], knowledge: knowledge),
      settings: SecrecySettings(frequencyThreshold: 3, dominance: nil, protectionRatio: 0.1))
  }

  static func cell(_ id: String, of system: RepublicationSystem) throws -> TableCell {
    try #require(system.table.cells.first { $0.id == id })
  }

  /// The late service in the Haute-Marne: its previous version (one service, hidden) is at most
  /// 85 % of the least cell the previous folder showed above it.
  @Test func aChangedCellKeepsThePreviousPatternsBound() throws {
    let hauteMarne = Self.id(.departement, "52")
    let late = Self.report(9_999, "52", 2)
    let (before, _) = try Self.linked(Self.campaign)
    let least = try #require(
      [Self.id(.region, "44"), Self.id(.courAppel, "dijon"), Self.id(.national, "FR")]
        .compactMap { Self.value($0, before) }.min())
    let known = try Self.joint(late: late, hidden: [hauteMarne], previousKnowledge: true)
    #expect(try Self.cell(hauteMarne + "#avant", of: known).hiddenUpperBound == least * 85 / 100)
    let unknown = try Self.joint(late: late, hidden: [hauteMarne], previousKnowledge: false)
    #expect(try Self.cell(hauteMarne + "#avant", of: unknown).hiddenUpperBound == .infinity)
    // Two services now: the dominance of one service says nothing of the new version.
    #expect(try Self.cell(hauteMarne, of: known).hiddenUpperBound == .infinity)
  }

  /// The late service in the Meuse: the Haute-Marne is the same in both versions, and bounded by
  /// the least of what either folder showed above it (the previous Grand Est, before the late
  /// service, is the smaller).
  @Test func anUnchangedCellTakesTheBoundsOfBothPatterns() throws {
    let hauteMarne = Self.id(.departement, "52")
    let hidden: Set<String> = [hauteMarne, Self.id(.courAppel, "dijon")]
    let late = Self.report(9_999, "55", 40)
    let region = Self.id(.region, "44")
    let before = try #require(Self.value(region, try Self.linked(Self.campaign).0))
    let after = try #require(Self.value(region, try Self.linked(Self.campaign + [late]).0))
    #expect(before < after)
    let known = try Self.joint(late: late, hidden: hidden, previousKnowledge: true)
    #expect(try Self.cell(hauteMarne, of: known).hiddenUpperBound == before * 85 / 100)
    let unknown = try Self.joint(late: late, hidden: hidden, previousKnowledge: false)
    #expect(try Self.cell(hauteMarne, of: unknown).hiddenUpperBound == after * 85 / 100)
  }

  /// The previous folder hid the cour d'appel of Dijon as a primary by dominance: shown, it would
  /// have bounded the Haute-Marne's one service (4 of its 5). Three late services arrive in the
  /// Saône-et-Loire, where no service answered before: the new folder shows that département and
  /// the cour, whose difference is the previous cour. The joint audit keeps the previous cour a
  /// primary, so that a reader of both folders cannot get back the bound it hid; read as a mere
  /// unknown, it would let it be recomputed.
  @Test func aCellThePreviousPatternHidByDominanceStaysAPrimary() throws {
    let coteDOr = [0.25, 0.25, 0.5].enumerated().map { Self.report(7_000 + $0, "21", $1) }
    let campaign = Self.campaign + coteDOr
    let lateServices = (0..<3).map { Self.report(8_000 + $0, "71", 2) }
    let hauteMarne = Self.id(.departement, "52")
    let dijon = Self.id(.courAppel, "dijon")
    let (before, beforeAggregation) = try Self.linked(campaign)
    #expect(try #require(Self.value(hauteMarne, before)) == 4)
    #expect(try #require(Self.value(dijon, before)) == 5)
    let settings = SecrecySettings(frequencyThreshold: 3, dominance: nil, protectionRatio: 0.1)
    let hidden: Set<String> = [hauteMarne, dijon]
    let dominating = PatternKnowledge.dominatingHidden(
      before, beforeAggregation, hidden: hidden, Array(repeating: settings, count: before.systems.count),
      knowledge: Self.knowledge)
    #expect(dominating == [dijon])

    let (new, newAggregation) = try Self.linked(campaign + lateServices)
    let number = try #require(new.location[hauteMarne]).system
    let newStatuses = new.systems[number].table.cells.map {
      $0.id == hauteMarne ? CellStatus.primaryFrequency : .publishable
    }
    func joint(_ dominating: Set<String>) throws -> (system: RepublicationSystem, failing: Set<String>) {
      let system = RepublicationSystem(
        number: number, new: new, newStatuses: newStatuses,
        sources: RepublicationReadings(
          previous: before, hidden: hidden, unchanged: try Self.linked(campaign).0,
          withdrawn: try Self.linked([]).0, added: try Self.linked(lateServices).0, previousPatternFacts: [],
          previousDominating: dominating),
        newFacts: PatternKnowledge.facts(new, newAggregation, [newStatuses], knowledge: Self.knowledge),
        settings: settings)
      let failing = try ProtectionAudit(settings: settings).failingPrimaries(
        system.table, statuses: system.statuses)
      return (system, Set(failing.map { system.table.cells[$0].id }))
    }
    let previousDijon = dijon + "#avant"
    let kept = try joint(dominating)
    let status = try #require(kept.system.table.cells.firstIndex { $0.id == previousDijon })
    #expect(kept.system.statuses[status] == .primaryDominance)
    #expect(kept.failing.contains(previousDijon))
    let forgotten = try joint([])
    #expect(forgotten.system.statuses[status] == .secondary)
    #expect(!forgotten.failing.contains(previousDijon))
  }
}
