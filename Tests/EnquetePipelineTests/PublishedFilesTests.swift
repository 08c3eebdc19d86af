import EnqueteCore
import EnquetePipeline
import EnqueteRender
import Foundation
import Testing

/// The publication in memory is what its files say: the renderers' cells are those `tableaux.csv`
/// reads back as, and the JSON files decode to models that write the same bytes again.
@Suite struct PublishedFilesTests {
  @Test func theCellsInMemoryAreThoseTheLongCSVReadsBackAs() throws {
    let publication = try Publication.run(
      plan: LinkedProtectionTests.plan, year: 2025, reports: LinkedProtectionTests.grandEst)
    let read = try PublishedData(csv: PublicationFiles.longCSV(publication.published))
    #expect(read.year == publication.published.year)
    #expect(read.cells == publication.published.cells)
  }

  @Test func theJSONFilesDecodeToModelsThatWriteTheSameBytes() throws {
    let folder = FileManager.default.temporaryDirectory.appendingPathComponent("enquete-json-\(UUID())")
    defer { try? FileManager.default.removeItem(at: folder) }
    let publication = try Publication.run(
      plan: LinkedProtectionTests.plan, year: 2025, reports: LinkedProtectionTests.grandEst,
      compareHierarchies: true, compareKnowledge: true)
    let published = folder.appendingPathComponent("publie")
    let secret = folder.appendingPathComponent("prive.json")
    _ = try PublishedFolder.write(publication, to: published.path, privateAudit: secret.path)
    func roundTrip<File: Codable>(_ type: File.Type, _ url: URL, _ rendered: (File) -> String) throws {
      let bytes = try Data(contentsOf: url)
      #expect(rendered(try JSONDecoder().decode(type, from: bytes)) == String(decoding: bytes, as: UTF8.self))
    }
    try roundTrip(PublishedStructure.self, published.appendingPathComponent("structure.json")) {
      $0.rendered()
    }
    try roundTrip(PublishedAudit.self, published.appendingPathComponent("audit.json")) { $0.rendered() }
    let audit = try JSONDecoder().decode(PrivateAudit.self, from: Data(contentsOf: secret))
    #expect(audit.hierarchies != nil && audit.knowledge != nil)
    #expect(!audit.hidden.isEmpty)
  }
}
