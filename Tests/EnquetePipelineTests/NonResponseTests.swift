import EnqueteCore
import EnquetePipeline
import EnqueteProtect
import EnqueteRender
import Foundation
import Testing

/// Non-response is published as its own status (`ND`), never as a zero: a département whose
/// directory lists services and where none answered, told apart from one with no service at all
/// (`Z`, a « zone blanche ») and from one where only some answered (published, coverage stated).
@Suite struct NonResponseTests {
  /// One count at every level but the services, with the respondents and the expected services.
  static let plan = try! JSONDecoder().decode(
    PublicationPlan.self,
    from: Data(
      """
      {"survey": "mediation-familiale", "planVersion": "test", "title": "Test", "protectionRatio": 0.1,
       "rules": {"effectifs": {"label": "1 à 4", "basis": "value", "threshold": 5}},
       "levels": ["national", "region", "cour_appel", "departement"],
       "derivedVariables": [],
       "indicators": [
         {"id": "nb_services", "label": "Services répondants", "kind": "services",
          "levels": ["national", "region", "cour_appel", "departement"]},
         {"id": "nb_services_attendus", "label": "Services attendus", "kind": "expected-services",
          "levels": ["national", "region", "cour_appel", "departement"]}],
       "tables": [{"id": "t", "title": "T", "rule": "effectifs",
                   "levels": ["national", "region", "cour_appel", "departement"],
                   "variables": ["nb_seances"]}]}
      """.utf8))

  /// Every Grand Est département answers but Haute-Marne (52), whose one listed service is
  /// silent; a second service of the Marne (51) is silent too.
  static let reports = Geography.reference.departements(inRegion: "44").map(\.code).filter { $0 != "52" }
    .enumerated().map { index, code in
      ReportFigures(
        siret: String(format: "%014d", index + 1), name: "Service \(code)", departementCode: code,
        numbers: ["nb_seances": Double(40 + 7 * index)])
    }
  static let directory =
    reports.map { ExpectedRespondent(siret: $0.siret, name: $0.name, departementCode: $0.departementCode) }
    + [
      ExpectedRespondent(siret: "00000000000052", name: "Silencieux", departementCode: "52"),
      ExpectedRespondent(siret: "00000000000051", name: "Retardataire", departementCode: "51"),
    ]

  static func publication() throws -> Publication {
    try Publication.run(plan: plan, year: 2025, reports: reports, expected: directory)
  }

  @Test func aDepartementWhereNobodyAnsweredIsNotAvailableNotZero() throws {
    let data = try Self.publication().published
    let silent = try #require(data.cell("t", "nb_seances", .departement, "52"))
    #expect(silent.status == .notAvailable)
    #expect(silent.value == nil)
    #expect(data.cell("nb_services", "nb_services", .departement, "52")?.value == 0)
    #expect(data.cell("nb_services_attendus", "nb_services_attendus", .departement, "52")?.value == 1)
  }

  @Test func aDepartementWithoutAnyServiceIsAStructuralZero() throws {
    let data = try Self.publication().published
    let empty = try #require(data.cell("t", "nb_seances", .departement, "75"))
    #expect(empty.status == .structuralZero)
    #expect(empty.value == 0)
    #expect(
      data.cell("nb_services_attendus", "nb_services_attendus", .departement, "75")?.status == .structuralZero
    )
  }

  @Test func aPartlyAnsweredDepartementIsPublishedWithItsCoverage() throws {
    let data = try Self.publication().published
    #expect(data.cell("t", "nb_seances", .departement, "51")?.status == .publishable)
    #expect(data.cell("nb_services", "nb_services", .departement, "51")?.value == 1)
    #expect(data.cell("nb_services_attendus", "nb_services_attendus", .departement, "51")?.value == 2)
    let region = try #require(data.cell("nb_services_attendus", "nb_services_attendus", .region, "44"))
    #expect(region.value == Double(Self.directory.count))
  }

  @Test func theRespondentsOnlyTotalsStillAddUp() throws {
    let data = try Self.publication().published
    let region = try #require(data.cell("t", "nb_seances", .region, "44")?.value)
    #expect(region == Self.reports.reduce(0) { $0 + $1.numbers["nb_seances"]! })
  }

  /// A reader counts an `ND` unit 0 in the totals (they cover the respondents only), and a
  /// file giving a value to an `ND` cell is wrong.
  @Test func aReaderCountsANotAvailableUnitZero() throws {
    let csv = PublicationFiles.longCSV(try Self.publication().published)
    let read = PublishedCells(csv: csv)
    #expect(read.problems == [])
    #expect(read.cells["nb_seances|departement|52"]?.value == 0)
    #expect(read.cells["nb_seances|departement|52"]?.status == .notAvailable)
    let tampered = csv.replacingOccurrences(
      of: "nb_seances,,ND,52", with: "nb_seances,3,ND,52")
    #expect(PublishedCells(csv: tampered).problems.contains { $0.contains("non disponible") })
  }

  @Test func theFolderPassesItsAuditWithTheNotAvailableUnits() throws {
    let publication = try Self.publication()
    #expect(publication.auditPasses)
    #expect(try Self.folderAuditProblems(publication) == [])
  }

  /// The problems `enquete audit` finds in the folder `publication` is written to (with its
  /// private audit).
  static func folderAuditProblems(_ publication: Publication) throws -> [String] {
    let folder = FileManager.default.temporaryDirectory.appendingPathComponent("enquete-audit-\(UUID())")
    defer { try? FileManager.default.removeItem(at: folder) }
    let (published, secret) = (
      folder.appendingPathComponent("publie"), folder.appendingPathComponent("prive.json")
    )
    _ = try PublishedFolder.write(publication, to: published.path, privateAudit: secret.path)
    return try PublishedFolderAudit.run(directory: published.path, privateAudit: secret.path).problems
  }
}
