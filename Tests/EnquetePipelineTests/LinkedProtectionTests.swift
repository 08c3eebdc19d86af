import EnqueteAggregate
import EnqueteCore
import EnquetePipeline
import EnqueteProtect
import EnqueteRender
import Foundation
import Testing

/// The publication's protection on hand-built campaigns with known answers: the two hierarchies
/// that do not nest, the service rows of a département's extract, the audit of a published folder.
@Suite struct LinkedProtectionTests {
  /// One table of one count at every level, frequency threshold 5 on values.
  static let plan = try! JSONDecoder().decode(
    PublicationPlan.self,
    from: Data(
      """
      {"survey": "mediation-familiale", "planVersion": "test", "title": "Test", "protectionRatio": 0.1,
       "rules": {"effectifs": {"label": "1 à 4", "basis": "value", "threshold": 5}},
       "levels": ["national", "region", "cour_appel", "departement", "service"],
       "derivedVariables": [], "indicators": [],
       "tables": [{"id": "t", "title": "T", "rule": "effectifs",
                   "levels": ["national", "region", "cour_appel", "departement", "service"],
                   "variables": ["nb_seances"]}]}
      """.utf8))

  static func report(_ siret: String, _ departement: String, _ value: Double) -> ReportFigures {
    ReportFigures(
      siret: siret, name: "Service \(siret)", departementCode: departement, numbers: ["nb_seances": value])
  }

  /// Grand Est (44) is Reims + Nancy + Metz + Colmar + Haute-Marne (52), which belongs to Dijon:
  /// Haute-Marne = région 44 − the four cours d'appel.
  static let grandEst: [ReportFigures] = {
    let departements = Geography.reference.departements(inRegion: "44").map(\.code)
    return departements.enumerated().map { index, code in
      report(String(format: "%014d", index + 1), code, code == "52" ? 2 : Double(40 + 7 * index))
    } + [report("00000000000099", "21", 60), report("00000000000098", "71", 55)]
  }()

  @Test func hauteMarneIsNotRecoverableAsRegionMinusCoursAppel() throws {
    let publication = try Publication.run(plan: Self.plan, year: 2025, reports: Self.grandEst)
    #expect(publication.auditPasses)
    let id = "nb_seances|departement|52"
    #expect(publication.status(of: id) == .primaryFrequency)
    let (system, index) = try #require(publication.linked.location[id])
    let audit = try #require(publication.protections[system].audit.cell(at: index))
    #expect(audit.passes)
    #expect((audit.upper ?? .infinity) >= 5)
  }

  @Test func widerLevelsCostMoreToHide() throws {
    let aggregation = try Aggregation(plan: Self.plan, year: 2025, reports: Self.grandEst)
    let table = LinkedTables(aggregation).systems[0].table
    func factor(_ id: String) throws -> Double {
      let cell = table.cells[try #require(table.index(of: id))]
      return cell.hidingCost / cell.value
    }
    #expect(try factor("nb_seances|national|FR") == 1_000)
    #expect(try factor("nb_seances|region|44") == 4)
    #expect(try factor("nb_seances|departement|52") == 2)
    #expect(try factor("nb_seances|service|00000000000099") == 1)
  }

  @Test func protectingTheRegionsAloneLeavesHauteMarneExposedByTheCoursAppel() throws {
    let aggregation = try Aggregation(plan: Self.plan, year: 2025, reports: Self.grandEst)
    let joint = LinkedTables(aggregation).systems[0].table
    let regionsOnly = LinkedTables(aggregation, excluding: [.courAppel]).systems[0].table
    let settings = SecrecySettings(frequencyThreshold: 5, dominance: nil)
    let alone = try SecondarySuppression(settings: settings).protect(regionsOnly)
    #expect(alone.audit.passes)
    // The same pattern, once the cours d'appel are published too.
    var statuses = PrimaryRules.statuses(of: joint, settings: settings)
    for (cell, status) in zip(regionsOnly.cells, alone.statuses) where status == .secondary {
      statuses[joint.index(of: cell.id)!] = .secondary
    }
    let audit = try ProtectionAudit(settings: settings).audit(joint, statuses: statuses)
    let hauteMarne = try #require(audit.cells.first { $0.id == "nb_seances|departement|52" })
    #expect(!hauteMarne.passes)
  }

  @Test func aDepartementWithOneServiceShowsTheSameFigureOnBothRowsOrNeither() throws {
    // 01 and 13 have one service each (small, then large); 33 has two small ones; 69 one large.
    let reports = [
      Self.report("00000000000001", "01", 3), Self.report("00000000000002", "13", 40),
      Self.report("00000000000003", "33", 2), Self.report("00000000000004", "33", 3),
      Self.report("00000000000005", "69", 50),
    ]
    let publication = try Publication.run(plan: Self.plan, year: 2025, reports: reports)
    #expect(publication.auditPasses)
    let rows = publication.published.cells
    func row(_ level: GeographicLevel, _ code: String) -> PublishedData.Cell? {
      rows.first { $0.level == level && $0.code == code }
    }
    for (siret, departement) in [
      ("00000000000001", "01"), ("00000000000002", "13"), ("00000000000005", "69"),
    ] {
      let service = try #require(row(.service, siret))
      let own = try #require(row(.departement, departement))
      #expect(service.status.isSuppressed == own.status.isSuppressed, "\(departement)")
      #expect(service.value == own.value)
    }
    #expect(publication.status(of: "nb_seances|departement|01") == .primaryFrequency)
    // 33 adds up to 5, publishable by itself; but every zero is published, so a reader knows both
    // its services (2 and 3) are at least 1, hence each at most 4 if 33 were shown: 33 is hidden.
    #expect(publication.status(of: "nb_seances|departement|33") == .secondary)
    #expect(publication.status(of: "nb_seances|service|00000000000003") == .primaryFrequency)
  }

  @Test func theFolderAuditPassesAndCatchesABrokenPattern() throws {
    let folder = FileManager.default.temporaryDirectory.appendingPathComponent(
      "enquete-audit-\(UUID().uuidString)")
    defer { try? FileManager.default.removeItem(at: folder) }
    let publication = try Publication.run(plan: Self.plan, year: 2025, reports: Self.grandEst)
    let published = folder.appendingPathComponent("publie").path
    let secret = folder.appendingPathComponent("prive/audit.json").path
    _ = try PublishedFolder.write(publication, to: published, privateAudit: secret)
    let audit = try PublishedFolderAudit.run(directory: published, privateAudit: secret)
    #expect(audit.passes, "\(audit.problems)")
    #expect(audit.hiddenCount == publication.protections[0].audit.cells.count)

    // Break it: publish the value of every secondary cell (what a careless extract would show).
    let csvURL = URL(fileURLWithPath: published).appendingPathComponent("tableaux.csv")
    let lines = try String(contentsOf: csvURL, encoding: .utf8).split(
      separator: "\n", omittingEmptySubsequences: false)
    let table = publication.linked.systems[0].table
    let broken = lines.map { line -> String in
      var fields = line.split(separator: ",", omittingEmptySubsequences: false).map(String.init)
      guard fields.count == 10, fields[8] == "S",
        case let id = "\(fields[6])|\(fields[2])|\(fields[3])", publication.status(of: id) == .secondary
      else { return String(line) }
      fields[7] = PublicationFiles.text(table.cells[table.index(of: id)!].value, indicator: false)
      fields[8] = "V"
      return fields.joined(separator: ",")
    }
    try broken.joined(separator: "\n").write(to: csvURL, atomically: true, encoding: .utf8)
    let failed = try PublishedFolderAudit.run(directory: published)
    #expect(!failed.passes)
    #expect(
      failed.problems.contains {
        $0.contains("nb_seances|departement|52") && $0.contains("recalculable exactement")
      })
  }

  @Test func thePrivateAuditMayNotGoIntoThePublishedFolder() throws {
    let publication = try Publication.run(plan: Self.plan, year: 2025, reports: Self.grandEst)
    let folder = FileManager.default.temporaryDirectory.appendingPathComponent(
      "enquete-prive-\(UUID().uuidString)")
    defer { try? FileManager.default.removeItem(at: folder) }
    #expect(throws: PublicationError.self) {
      try PublishedFolder.write(
        publication, to: folder.path, privateAudit: folder.appendingPathComponent("a.json").path)
    }
  }
}

extension LinkedProtectionTests {
  @Test func theSameCampaignGivesByteIdenticalFiles() throws {
    let folder = FileManager.default.temporaryDirectory.appendingPathComponent(
      "enquete-same-\(UUID().uuidString)")
    defer { try? FileManager.default.removeItem(at: folder) }
    var contents: [[Data]] = []
    for run in 0..<2 {
      // The reports in another order the second time: the ledger's order must not matter.
      let reports = run == 0 ? Self.grandEst : Self.grandEst.reversed()
      let publication = try Publication.run(plan: Self.plan, year: 2025, reports: reports)
      let published = folder.appendingPathComponent("run\(run)")
      let secret = folder.appendingPathComponent("prive\(run).json")
      _ = try PublishedFolder.write(publication, to: published.path, privateAudit: secret.path)
      contents.append(
        try PublishedFolder.publishedFiles.map { try Data(contentsOf: published.appendingPathComponent($0)) }
          + [Data(contentsOf: secret)])
    }
    #expect(contents[0] == contents[1])
  }
}

extension LinkedProtectionTests {
  @Test func aLateReportThatPublishesAHiddenCellIsWarnedAbout() throws {
    let first = try Publication.run(plan: Self.plan, year: 2025, reports: Self.grandEst)
    #expect(first.status(of: "nb_seances|departement|52") == .primaryFrequency)
    // A late second service in Haute-Marne: 2 + 9 sessions, publishable now.
    let late = Self.grandEst + [Self.report("00000000000097", "52", 9)]
    let second = try Publication.run(plan: Self.plan, year: 2025, reports: late)
    let check = try RepublicationCheck.compare(
      previous: Array(PublicationFiles.longCSV(first.published).utf8), with: second.published)
    #expect(check.revealed.contains("nb_seances|departement|52"))
    #expect(check.changed.contains("nb_seances|national|FR"))
    let warnings = check.warnings(previousNumber: 1, previousDate: "2026-01-15 10:00 UTC")
    #expect(warnings.count == 2)
    #expect(warnings[0].contains("[publish.republication-revele]"))
    // Nothing to say when nothing changed.
    let same = try RepublicationCheck.compare(
      previous: Array(PublicationFiles.longCSV(first.published).utf8), with: first.published)
    #expect(same.revealed.isEmpty && same.changed.isEmpty && same.hiddenAgain.isEmpty)
  }
}

extension LinkedProtectionTests {
  @Test func anExtractThatShowsAHiddenCellFailsTheFolderAudit() throws {
    let folder = FileManager.default.temporaryDirectory.appendingPathComponent(
      "enquete-extract-\(UUID().uuidString)")
    defer { try? FileManager.default.removeItem(at: folder) }
    let publication = try Publication.run(plan: Self.plan, year: 2025, reports: Self.grandEst)
    let published = folder.appendingPathComponent("publie")
    let secret = folder.appendingPathComponent("prive.json").path
    _ = try PublishedFolder.write(publication, to: published.path, privateAudit: secret)
    let extract = published.appendingPathComponent("departements/52")
    try FileManager.default.createDirectory(at: extract, withIntermediateDirectories: true)
    let header = PublicationFiles.columns.joined(separator: ",")
    // Faithful: the département's row as tableaux.csv has it.
    try "\(header)\n2025,t,departement,52,Haute-Marne,,nb_seances,,S,52\n".write(
      to: extract.appendingPathComponent("52.csv"), atomically: true, encoding: .utf8)
    let faithful = try PublishedFolderAudit.run(directory: published.path, privateAudit: secret)
    #expect(faithful.passes, "\(faithful.problems)")
    #expect(faithful.extractCount == 1)
    // Careless: the extract shows the value the national file hides.
    try "\(header)\n2025,t,departement,52,Haute-Marne,,nb_seances,2,V,52\n".write(
      to: extract.appendingPathComponent("52.csv"), atomically: true, encoding: .utf8)
    let careless = try PublishedFolderAudit.run(directory: published.path)
    #expect(
      careless.problems.contains {
        $0.contains("departements/52/52.csv") && $0.contains("nb_seances|departement|52")
      })
  }
}

extension LinkedProtectionTests {
  /// The private audit says why each secondary is hidden (the primaries whose proof moves it) and
  /// how far each system's pattern is from the placement's lower bound.
  @Test func thePrivateAuditSaysWhatEachSecondaryProtects() throws {
    let publication = try Publication.run(plan: Self.plan, year: 2025, reports: Self.grandEst)
    let audit = try PublicationAudits.privateAudit(
      plan: publication.plan, year: 2025, linked: publication.linked, protections: publication.protections,
      losses: [], hierarchies: nil, knowledge: nil, settings: publication.settings)
    let primaries = Set(audit.hidden.filter { $0.protects == nil }.map(\.cell))
    let secondaries = audit.hidden.filter { $0.protects != nil }
    #expect(!secondaries.isEmpty)
    #expect(primaries.contains("nb_seances|departement|52"))
    for secondary in secondaries {
      #expect(secondary.status == "D")
      #expect(secondary.protects!.allSatisfy(primaries.contains), "\(secondary.cell)")
    }
    // Haute-Marne is protected by cells of its région or cour d'appel.
    #expect(secondaries.contains { $0.protects!.contains("nb_seances|departement|52") })
    let certificate = try #require(audit.placements?.first)
    #expect(certificate.lowerBound <= certificate.cost && (0...1).contains(certificate.gap))
    #expect(audit.rendered().contains("\"protege\""))
    #expect(audit.rendered().contains("\"borne_inferieure\""))
  }
}
