import EnqueteAggregate
import EnqueteCore
import Foundation
import Testing

@testable import EnqueteProtect

/// A reader holds every folder of a campaign at once, and three can tell what no two do: where no
/// report changed, each version's pattern shows other cells, and the union of three patterns can
/// leave a secret cell alone in its equation.
@Suite struct RepublicationOfEveryVersionTests {
  /// One amount by région and département, secret under 3 services.
  static let plan = try! JSONDecoder().decode(
    PublicationPlan.self,
    from: Data(
      """
      {"survey": "mediation-familiale", "planVersion": "test", "title": "Test", "protectionRatio": 0.1,
       "rules": {"services": {"label": "moins de 3 services", "basis": "contributors", "threshold": 3}},
       "levels": ["national", "region", "departement"],
       "derivedVariables": [], "indicators": [],
       "tables": [{"id": "t", "title": "T", "rule": "services", "levels": ["national", "region", "departement"],
                   "variables": ["etp_mediateurs"]}]}
      """.utf8))
  static let settings = SecrecySettings(frequencyThreshold: 3, dominance: nil, protectionRatio: 0.1)
  static let knowledge = AttackerKnowledge(
    plan: plan, catalog: .builtIn(plan.survey), rules: .builtIn(plan.survey))

  static func report(_ number: Int, _ departement: String, _ value: Double) -> ReportFigures {
    ReportFigures(
      siret: String(format: "%014d", number), name: "Service \(number)", departementCode: departement,
      numbers: ["etp_mediateurs": value])
  }

  static func id(_ level: GeographicLevel, _ code: String) -> String {
    AttackerKnowledge.cellID("etp_mediateurs", level, code)
  }

  /// Grand Est: three services in each département but the Haute-Marne (52), which has one.
  static let campaign: [ReportFigures] = ["08", "10", "51", "52", "54", "55", "57", "67", "68", "88"]
    .enumerated().flatMap { index, code in
      (0..<(code == "52" ? 1 : 3)).map {
        report(100 * index + $0 + 1, code, Double(2 + (3 * index + $0) % 5))
      }
    }
  /// Three late services in the Côte-d'Or, then three in the Doubs: Grand Est never changes, and
  /// no difference is secret (three services each time).
  static let lateFirst = (0..<3).map { report(8_000 + $0, "21", 2) }
  static let lateSecond = (0..<3).map { report(9_000 + $0, "25", 3) }

  static func linked(_ reports: [ReportFigures]) throws -> LinkedTables {
    LinkedTables(
      try Aggregation(plan: plan, year: 2025, reports: reports, expected: []), knowledge: knowledge)
  }

  /// The Haute-Marne hidden with two other départements of Grand Est: the first version with the
  /// Meurthe-et-Moselle (54) and the Meuse (55), the second with the Meuse and the Vosges (88), the
  /// third with the Meurthe-et-Moselle and the Vosges.
  static let hidden: [Set<String>] = [["54", "55"], ["55", "88"], ["54", "88"]].map {
    Set(($0 + ["52"]).map { id(.departement, $0) })
  }

  /// The reports of the three versions.
  static let reports = [campaign, campaign + lateFirst, campaign + lateFirst + lateSecond]

  /// What a reader holding the folders `versions` of the earlier ones (0 the first, 1 the second)
  /// has of them: each report in the versions it appears in (0 the new one, 1 + k the k-th held,
  /// most recent first), grouped.
  static func readings(holding versions: [Int]) throws -> RepublicationReadings {
    let held = versions.sorted(by: >)
    var groups: [Set<Int>: [ReportFigures]] = [:]
    for report in reports[2] {
      let versions = Set([0] + held.indices.filter { reports[held[$0]].contains(report) }.map { $0 + 1 })
      groups[versions, default: []].append(report)
    }
    return RepublicationReadings(
      previous: try held.map {
        RepublicationReadings.Version(
          number: Int64($0 + 1), tables: try linked(reports[$0]), hidden: hidden[$0], patternFacts: [])
      },
      groups: try groups.map { RepublicationReadings.Group(versions: $0, tables: try linked($1)) })
  }

  /// The primary cells a reader finds under-protected in the third version, holding the folders
  /// `versions` of the earlier ones.
  static func failing(holding versions: [Int]) throws -> Set<String> {
    let new = try linked(reports[2])
    let number = try #require(new.location[id(.departement, "52")]).system
    let statuses = new.systems[number].table.cells.map { cell in
      let primary = PrimaryRules.status(of: cell, settings: settings)
      return primary == .publishable && hidden[2].contains(cell.id) ? .secondary : primary
    }
    let joint = RepublicationSystem(
      number: number, new: new, newStatuses: statuses, sources: try readings(holding: versions),
      settings: settings)
    let failing = try ProtectionAudit(settings: settings).failingPrimaries(
      joint.table, statuses: joint.statuses)
    return Set(failing.map { joint.table.cells[$0].id })
  }

  @Test func threeFoldersRecomputeWhatNoTwoDo() throws {
    let hauteMarne = Self.id(.departement, "52")
    #expect(try Self.failing(holding: []) == [])
    #expect(try Self.failing(holding: [0]) == [])
    #expect(try Self.failing(holding: [1]) == [])
    #expect(try Self.failing(holding: [0, 1]) == [hauteMarne])
  }

  /// The third version's own pattern hides the Meurthe-et-Moselle (54) with the Haute-Marne, and
  /// nothing changed in Grand Est: the Meurthe-et-Moselle the second folder showed is public, and
  /// the Haute-Marne is not protected by hiding it again. It is published, and another
  /// département hidden for the Haute-Marne instead.
  @Test func aCellAnEarlierFolderShowedIsPublishedAgain() throws {
    let new = try Self.linked(Self.reports[2])
    let number = try #require(new.location[Self.id(.departement, "52")]).system
    let table = new.systems[number].table
    let statuses = table.cells.map { cell in
      let primary = PrimaryRules.status(of: cell, settings: Self.settings)
      let hidden: Set<String> = [Self.id(.departement, "52"), Self.id(.departement, "54")]
      return primary == .publishable && hidden.contains(cell.id) ? .secondary : primary
    }
    let audit = try ProtectionAudit(settings: Self.settings).audit(table, statuses: statuses)
    #expect(audit.passes)
    var protections = try LinkedProtection.protectAll(
      new.systems.map(\.table), Array(repeating: Self.settings, count: new.systems.count), logger: nil)
    protections[number] = ProtectionResult(statuses: statuses, audit: audit, rounds: 0)
    let (protected, outcome) = try RepublicationProtection.protect(
      protections, new, Array(repeating: Self.settings, count: new.systems.count),
      readings: try Self.readings(holding: [1]), newFacts: { _ in [] }, logger: nil)
    #expect(outcome.shownAgain == [Self.id(.departement, "54")])
    #expect(outcome.passes)
    let status = { (code: String) in
      protected[number].statuses[try #require(table.index(of: Self.id(.departement, code)))]
    }
    #expect(try status("54") == .publishable)
    #expect(try status("52").isPrimary)
    #expect(try ["08", "10", "51", "55", "57", "67", "68", "88"].contains { try status($0) == .secondary })
    #expect(protected[number].audit.passes)
  }

  /// The groups of reports of three versions, and the names of their cells.
  @Test func theGroupsAreNamedByTheVersionsTheyAppearIn() throws {
    let empty = try Self.linked([])
    let readings = RepublicationReadings(
      previous: [2, 1].map {
        RepublicationReadings.Version(number: $0, tables: empty, hidden: [], patternFacts: [])
      },
      groups: [[0], [0, 1], [1, 2], [0, 1, 2], [2]].map {
        RepublicationReadings.Group(versions: $0, tables: empty)
      })
    #expect(readings.groups.map(\.versions) == [[0, 1, 2], [1, 2], [0, 1], [2], [0]])
    #expect(
      readings.groups.indices.map(readings.suffix(ofGroup:)) == [
        "#communs", "#services-2-1", "#services-nouvelle-2", "#services-1", "#ajoutes",
      ])
    #expect([0, 1].map(readings.suffix(ofPrevious:)) == ["#avant", "#avant-1"])
  }
}
