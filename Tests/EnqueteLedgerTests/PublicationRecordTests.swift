import EnqueteCore
import EnqueteLedger
import Foundation
import Testing

@Suite struct PublicationRecordTests {
  @Test func publicationsAreKeptAndTheLastOneIsFound() throws {
    let (ledger, _) = try LedgerFixtures.ledger("publications")
    try LedgerFixtures.openCampaign(ledger, .espaceRencontre, 2025)
    #expect(try ledger.lastPublication(survey: .espaceRencontre, year: 2025) == nil)
    let first = try ledger.recordPublication(
      survey: .espaceRencontre, year: 2025, at: LedgerFixtures.date, planVersion: "1.0", toolVersion: "t",
      cells: Array("a,b\n1,2\n".utf8))
    let second = try ledger.recordPublication(
      survey: .espaceRencontre, year: 2025, at: LedgerFixtures.date.addingTimeInterval(60),
      planVersion: "1.0",
      toolVersion: "t", cells: Array("a,b\n1,3\n".utf8))
    #expect(second > first)
    let last = try #require(try ledger.lastPublication(survey: .espaceRencontre, year: 2025))
    #expect(last.id == second)
    #expect(last.cells == Array("a,b\n1,3\n".utf8))
    #expect(last.publishedAt == LedgerFixtures.date.addingTimeInterval(60))
    #expect(try ledger.lastPublication(survey: .mediationFamiliale, year: 2025) == nil)
  }
}
