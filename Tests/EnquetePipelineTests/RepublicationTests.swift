import EnqueteAggregate
import EnqueteCore
import EnquetePipeline
import EnqueteProtect
import Foundation
import Testing

/// A campaign published, then published again after a late report: a reader holding both folders
/// must recover neither a secret cell of either version nor the late service's figures.
@Suite struct RepublicationTests {
  /// One amount at every geographic level but services, secret under 3 services.
  static let plan = try! JSONDecoder().decode(
    PublicationPlan.self,
    from: Data(
      """
      {"survey": "mediation-familiale", "planVersion": "test", "title": "Test", "protectionRatio": 0.1,
       "rules": {"services": {"label": "moins de 3 services", "basis": "contributors", "threshold": 3}},
       "levels": ["national", "region", "cour_appel", "departement"],
       "derivedVariables": [], "indicators": [],
       "tables": [{"id": "t", "title": "T", "rule": "services",
                   "levels": ["national", "region", "cour_appel", "departement"],
                   "variables": ["etp_mediateurs"]}]}
      """.utf8))
  static let settings = SecrecySettings(frequencyThreshold: 3, dominance: nil, protectionRatio: 0.1)

  static func report(_ number: Int, _ departement: String, _ value: Double) -> ReportFigures {
    ReportFigures(
      siret: String(format: "%014d", number), name: "Service \(number)", departementCode: departement,
      numbers: ["etp_mediateurs": value])
  }

  /// Grand Est and Bourgogne-Franche-Comté: three or four services in most départements, two in
  /// the Meuse (55) and one in the Haute-Marne (52), which belongs to the cour d'appel of Dijon.
  static let campaign: [ReportFigures] = {
    var reports: [ReportFigures] = []
    let departements = ["08", "10", "51", "52", "54", "55", "57", "67", "68", "88", "21", "25", "71", "89"]
    for (index, code) in departements.enumerated() {
      let count = code == "52" ? 1 : code == "55" ? 2 : 3 + index % 2
      for service in 0..<count {
        reports.append(report(100 * index + service + 1, code, Double(2 + (7 * index + 3 * service) % 11)))
      }
    }
    return reports
  }()

  /// The late service: a fifth one in the Moselle (57), whose figure the difference between the
  /// two publications' totals would be.
  static let late = report(9_999, "57", 4.5)

  static func republish(policy: RepublicationPolicy) throws -> (first: Publication, second: Publication) {
    let first = try Publication.run(plan: plan, year: 2025, reports: campaign)
    let hidden = Set(first.published.cells.filter(\.status.isSuppressed).map(\.id.description))
    let previous = PreviousPublication(
      number: 1, date: "01/02/2026", hidden: hidden, before: campaign, now: campaign + [late], policy: policy)
    let second = try Publication.run(plan: plan, year: 2025, reports: campaign + [late], previous: [previous])
    return (first, second)
  }

  @Test func theLateServiceIsTheOnlyChange() {
    let previous = PreviousPublication(
      number: 1, date: "", hidden: [], before: Self.campaign, now: Self.campaign + [Self.late],
      policy: .refuse)
    #expect(previous.added == [Self.late])
    #expect(previous.withdrawn.isEmpty)
    #expect(previous.unchanged.count == Self.campaign.count)
    #expect(previous.hasChanges)
  }

  @Test func withoutTheProtectionTheTwoFoldersGiveTheLateServiceAway() throws {
    let first = try Publication.run(plan: Self.plan, year: 2025, reports: Self.campaign)
    let second = try Publication.run(plan: Self.plan, year: 2025, reports: Self.campaign + [Self.late])
    let audit = try Self.readerOfBothFolders(first, second)
    // France, Grand Est, the cour d'appel of Metz and the Moselle each give it, published twice.
    #expect(audit.cells.contains { $0.id.hasSuffix("#tardif") && !$0.passes })
  }

  @Test func aReaderOfBothFoldersRecoversNoSecretCellAndNotTheLateService() throws {
    let (first, second) = try Self.republish(policy: .hide)
    let outcome = try #require(second.republication)
    #expect(outcome.passes)
    // Every total over the Moselle moved by one service: the new version hides them again.
    #expect(outcome.hiddenAgain.contains("etp_mediateurs|national|FR"))
    #expect(second.auditPasses)
    let audit = try Self.readerOfBothFolders(first, second)
    let failing = audit.cells.filter { !$0.passes }.map(\.id)
    #expect(failing.isEmpty, "\(failing)")
    // Every primary of either version and the late service's figure were audited.
    #expect(audit.cells.contains { $0.id.hasSuffix("#tardif") && $0.required != nil })
    #expect(audit.cells.contains { $0.id.hasSuffix("#avant") && $0.required != nil })
  }

  @Test func theSameReportsPublishedAgainChangeNothing() throws {
    let first = try Publication.run(plan: Self.plan, year: 2025, reports: Self.campaign)
    let previous = PreviousPublication(
      number: 1, date: "",
      hidden: Set(first.published.cells.filter(\.status.isSuppressed).map(\.id.description)),
      before: Self.campaign, now: Self.campaign, policy: .refuse)
    let again = try Publication.run(plan: Self.plan, year: 2025, reports: Self.campaign, previous: [previous])
    #expect(again.republication == nil)
    #expect(again.protections.map(\.statuses) == first.protections.map(\.statuses))
  }
}

extension RepublicationTests {
  /// The LP audit of a reader holding both folders (``readerOfEveryFolder(_:)``).
  static func readerOfBothFolders(_ first: Publication, _ second: Publication) throws -> AuditReport {
    try readerOfEveryFolder([first, second])
  }

  /// The LP audit of a reader holding every folder of `publications` (in the order published, each
  /// from the reports of the one before and late ones), written from the published cells alone
  /// (not from ``RepublicationSystem``): each version's cells with the tables' equations, and for
  /// each cell a later version changed, the late services' part `id#tardif` (`#tardif-2`, … for the
  /// later steps) = this version − the one before (≥ 0, and 0 elsewhere: the published numbers of
  /// services say where the late reports are). Primaries are each version's own, and the late
  /// services' part under the rule of 3 services.
  static func readerOfEveryFolder(_ publications: [Publication]) throws -> AuditReport {
    try readerOfEveryFolder(
      publications.map { publication in
        (
          publication.linked.systems[0].table,
          Dictionary(uniqueKeysWithValues: publication.published.cells.map { ($0.id.description, $0.status) })
        )
      })
  }

  /// ``readerOfEveryFolder(_:)`` of folders given by their table and each cell's published status.
  static func readerOfEveryFolder(
    _ folders: [(table: AdditiveTable, status: [String: CellStatus])]
  ) throws
    -> AuditReport
  {
    var cells: [TableCell] = []
    var statuses: [CellStatus] = []
    var equations: [TableEquation] = []
    func add(_ cell: TableCell, id: String, published: Bool) -> Int {
      var copy = cell
      copy.id = id
      cells.append(copy)
      let primary = PrimaryRules.status(of: copy, settings: settings)
      statuses.append(published ? .publishable : primary.isPrimary ? primary : .secondary)
      return cells.count - 1
    }
    var before: (table: AdditiveTable, index: [Int])?
    for (step, (table, status)) in folders.enumerated() {
      let later = folders.count - step - 1
      let suffix = later == 0 ? "" : later == 1 ? "#avant" : "#avant-\(later)"
      let index = table.cells.map { add($0, id: $0.id + suffix, published: status[$0.id] == .publishable) }
      for equation in table.equations {
        equations.append(TableEquation(total: index[equation.total], parts: equation.parts.map { index[$0] }))
      }
      if let (previous, old) = before {
        for (position, cell) in table.cells.enumerated() {
          let earlier = try #require(previous.index(of: cell.id))
          let difference = cell.value - previous.cells[earlier].value
          let contributors = cell.contributors - previous.cells[earlier].contributors
          if contributors == 0 && abs(difference) < 1e-9 {
            equations.append(TableEquation(total: index[position], parts: [old[earlier]]))
          } else {
            let part = add(
              TableCell(id: "", value: difference, contributors: contributors),
              id: cell.id + (step == 1 ? "#tardif" : "#tardif-\(step)"), published: false)
            equations.append(TableEquation(total: index[position], parts: [old[earlier], part]))
          }
        }
      }
      before = (table, index)
    }
    let table = try AdditiveTable(cells: cells, equations: equations)
    return try ProtectionAudit(settings: settings).audit(table, statuses: statuses)
  }
}

extension RepublicationTests {
  /// A corrected report is both a withdrawn previous version and an added new one. Differencing
  /// the two publications gives the size of the correction (new − previous version of one
  /// service), not either version: each stays protected as a primary of its layer, so the totals
  /// over the Moselle may stay published, unlike with a late report, whose difference is its figure.
  @Test func aCorrectedReportLeavesBothOfItsVersionsProtected() throws {
    let first = try Publication.run(plan: Self.plan, year: 2025, reports: Self.campaign)
    var corrected = Self.campaign
    let index = try #require(corrected.firstIndex { $0.departementCode == "57" })
    corrected[index].numbers["etp_mediateurs"]! += 2.5
    let hidden = Set(first.published.cells.filter(\.status.isSuppressed).map(\.id.description))
    let previous = PreviousPublication(
      number: 1, date: "01/02/2026", hidden: hidden, before: Self.campaign, now: corrected, policy: .refuse)
    #expect(previous.withdrawn.count == 1 && previous.added.count == 1)
    #expect(previous.unchanged.count == Self.campaign.count - 1)
    let second = try Publication.run(plan: Self.plan, year: 2025, reports: corrected, previous: [previous])
    let outcome = try #require(second.republication)
    #expect(outcome.passes, "\(outcome.stillExposed)")
    #expect(second.auditPasses)
    // The same service arriving late instead: its figure is the difference, and France is hidden.
    let others = Self.campaign.filter { $0.siret != corrected[index].siret }
    let withoutIt = try Publication.run(plan: Self.plan, year: 2025, reports: others)
    let third = try Publication.run(
      plan: Self.plan, year: 2025, reports: corrected,
      previous: [
        PreviousPublication(
          number: 1, date: "01/02/2026",
          hidden: Set(withoutIt.published.cells.filter(\.status.isSuppressed).map(\.id.description)),
          before: others, now: corrected, policy: .hide)
      ])
    #expect(try #require(third.republication).hiddenAgain.contains("etp_mediateurs|national|FR"))
  }
}

extension RepublicationTests {
  /// A third publication after a second late service, in Bourgogne-Franche-Comté: a reader holds
  /// all three folders. Protected with the second publication alone, the third shows Grand Est
  /// again (the second hid it for the late service of the Moselle, and nothing changed there since),
  /// and the first and third folders give that service away; protected with each earlier
  /// publication, no two folders do.
  @Test func aThirdPublicationIsProtectedWithEveryEarlierOne() throws {
    let (first, second) = try Self.republish(policy: .hide)
    let secondLate = Self.report(8_888, "21", 3.5)
    let reports = Self.campaign + [Self.late, secondLate]
    func hidden(_ publication: Publication) -> Set<String> {
      Set(publication.published.cells.filter(\.status.isSuppressed).map(\.id.description))
    }
    let withSecond = PreviousPublication(
      number: 2, date: "", hidden: hidden(second), before: Self.campaign + [Self.late], now: reports,
      policy: .hide)
    let withFirst = PreviousPublication(
      number: 1, date: "", hidden: hidden(first), before: Self.campaign, now: reports, policy: .hide)
    let pairwise = try Publication.run(plan: Self.plan, year: 2025, reports: reports, previous: [withSecond])
    let exposedByFirst = try Self.readerOfBothFolders(first, pairwise).cells.filter { !$0.passes }.map(\.id)
    #expect(
      !exposedByFirst.isEmpty, "the test shows nothing: the second publication alone protects the first")

    let third = try Publication.run(
      plan: Self.plan, year: 2025, reports: reports, previous: [withSecond, withFirst])
    #expect(try #require(third.republication).passes)
    #expect(third.republication?.previousNumbers == [2, 1])
    for (earlier, name) in [(first, "first"), (second, "second")] {
      let failing = try Self.readerOfBothFolders(earlier, third).cells.filter { !$0.passes }.map(\.id)
      #expect(failing.isEmpty, "\(name) and third: \(failing)")
    }
    let everyFolder = try Self.readerOfEveryFolder([first, second, third])
    #expect(everyFolder.cells.filter { !$0.passes }.isEmpty)
    #expect(everyFolder.cells.contains { $0.id.hasSuffix("#tardif-2") && $0.required != nil })
  }
}

extension RepublicationTests {
  /// The private audit says which earlier publications a new one was protected with; a record
  /// written before it said so reads as protected with its previous publication only.
  @Test func thePrivateAuditNamesEveryEarlierPublication() throws {
    let record = PrivateAudit.Republication(
      previous: 2, hidden: ["a"], hiddenAgain: [], protectedWith: [2, 1], shownAgain: ["b"])
    let written = try JSONEncoder().encode(record)
    #expect(try JSONDecoder().decode(PrivateAudit.Republication.self, from: written) == record)
    let older = #"{"publication_precedente": 3, "masquees_pour_la_difference": [], "masquees_a_nouveau": []}"#
    let read = try JSONDecoder().decode(PrivateAudit.Republication.self, from: Data(older.utf8))
    #expect(read.previous == 3 && read.protectedWith == [3] && read.shownAgain.isEmpty)
  }
}

extension RepublicationTests {
  /// The same reports published again with another pattern (an earlier tool version placed its
  /// secondaries otherwise; here, the Vosges (88) hidden instead of the Meurthe-et-Moselle (54),
  /// the Meuse's two neighbours in the cour d'appel of Nancy): a reader holds both folders, and the
  /// union of the two patterns shows more than either. The new publication is protected with the
  /// earlier one, and the cells the earlier one showed that its own pattern hid are published again.
  @Test func theSameReportsWithAnotherPatternAreProtectedWithTheEarlierOne() throws {
    let alone = try Publication.run(plan: Self.plan, year: 2025, reports: Self.campaign)
    let table = alone.linked.systems[0].table
    func id(_ code: String) -> String { "etp_mediateurs|departement|\(code)" }
    let aloneHidden = Set(alone.published.cells.filter(\.status.isSuppressed).map(\.id.description))
    #expect(aloneHidden.contains(id("54")) && !aloneHidden.contains(id("88")))
    let earlierHidden = aloneHidden.subtracting([id("54")]).union([id("88")])
    let earlierStatuses = table.cells.map { cell in
      let primary = PrimaryRules.status(of: cell, settings: Self.settings)
      return primary == .publishable && earlierHidden.contains(cell.id) ? .secondary : primary
    }
    #expect(try ProtectionAudit(settings: Self.settings).audit(table, statuses: earlierStatuses).passes)
    let earlier = (
      table: table,
      status: Dictionary(
        uniqueKeysWithValues: table.cells.indices.map { (table.cells[$0].id, earlierStatuses[$0]) })
    )
    func folder(_ publication: Publication) -> (table: AdditiveTable, status: [String: CellStatus]) {
      (
        publication.linked.systems[0].table,
        Dictionary(uniqueKeysWithValues: publication.published.cells.map { ($0.id.description, $0.status) })
      )
    }
    let unprotected = try Self.readerOfEveryFolder([earlier, folder(alone)]).cells.filter { !$0.passes }
    #expect(!unprotected.isEmpty, "the test shows nothing: the two patterns together protect")

    let previous = PreviousPublication(
      number: 1, date: "", hidden: earlierHidden, before: Self.campaign, now: Self.campaign, policy: .hide)
    #expect(!previous.hasChanges)
    let again = try Publication.run(plan: Self.plan, year: 2025, reports: Self.campaign, previous: [previous])
    let outcome = try #require(again.republication)
    #expect(outcome.passes)
    #expect(!outcome.shownAgain.isEmpty)
    #expect(again.auditPasses)
    let failing = try Self.readerOfEveryFolder([earlier, folder(again)]).cells.filter { !$0.passes }.map(\.id)
    #expect(failing.isEmpty, "\(failing)")
  }
}
