import EnqueteAggregate
import EnqueteCore
import EnqueteProtect
import Testing

@testable import EnquetePipeline

/// The publication's tables written for τ-Argus (one per hierarchy, codes carrying their level),
/// and a pattern made elsewhere audited over the joint publication: protecting the régions and
/// the cours d'appel separately, as τ-Argus must, leaves Haute-Marne recoverable.
@Suite struct PublicationTauArgusTests {
  static func publication() throws -> Publication {
    try Publication.run(plan: LinkedProtectionTests.plan, year: 2025, reports: LinkedProtectionTests.grandEst)
  }

  @Test func eachTableIsWrittenAlongEachHierarchyWithItsValues() throws {
    let publication = try Self.publication()
    let tables = publication.tauArgusTables
    #expect(tables.map(\.folder) == ["t-nb_seances-regions", "t-nb_seances-cours"])
    let regions = tables[0].table
    #expect(regions.dimensions.count == 1)
    let geography = regions.dimensions[0]
    let marne = try #require(geography.position(of: "D52"))
    #expect(geography.codes[geography.parents[marne]!] == "R44")
    #expect(geography.children[marne].map { geography.codes[$0] } == ["S00000000000004"])
    // Every cell is the publication's, and names it.
    for (index, cell) in regions.table.cells.enumerated() {
      let (system, place) = try #require(publication.linked.location[tables[0].cellIDs[index]])
      #expect(cell.value == publication.linked.systems[system].table.cells[place].value)
    }
    let cours = tables[1].table.dimensions[0]
    #expect(cours.codes[cours.parents[cours.position(of: "D52")!]!] == "CAdijon")
    let files = PublicationTauArgus.files(publication.tauArgusTables, directory: "/prive/tau")
    #expect(files["t-nb_seances-regions/batch.arb"]!.contains("<SUPPRESS> OPT(1,60)"))  // one dimension
    #expect(files["t-nb_seances-cours/table.rda"]!.contains("\"/prive/tau/t-nb_seances-cours/GEO.hrc\""))
  }

  @Test func aPatternProtectingEachHierarchyAloneFailsTheJointAudit() throws {
    let publication = try Self.publication()
    // Hidden in the régions' table only as a tool without linked tables would: Haute-Marne and
    // the Ardennes (08), each with their service.
    let output = """
      ,"Total","R44","D08","S00000000000001","D10","D51","D52","S00000000000004"
      ,483,423,x,x,47,54,x,x
      """
    let tables = publication.tauArgusTables
    let hidden = try PublicationTauArgus.suppressedCells(tables, outputs: [tables[0].folder: output])
    #expect(hidden.contains("nb_seances|departement|52") && hidden.contains("nb_seances|departement|08"))
    let audit = try PublicationTauArgus.audit(
      tables, hidden: hidden, linked: publication.linked, protections: publication.protections,
      settings: publication.settings)
    #expect(audit.primariesPublished.isEmpty)
    #expect(audit.failures.contains("nb_seances|departement|52"))
    // The publication's own pattern passes the same audit.
    var own = Set<String>()
    for (system, protection) in publication.protections.enumerated() {
      for (cell, status) in protection.statuses.enumerated() where status == .secondary {
        own.insert(publication.linked.systems[system].table.cells[cell].id)
      }
    }
    #expect(
      try PublicationTauArgus.audit(
        tables, hidden: own, linked: publication.linked, protections: publication.protections,
        settings: publication.settings
      ).failures.isEmpty)
  }
}
