import EnqueteCore
import EnqueteLedger
import Foundation
import GRDB
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

  /// A publication keeps the ids of the reports it was made from (a new one is protected with
  /// them); a list that does not read is corruption, never "no report".
  @Test func aPublicationKeepsItsReportIDsAndRefusesACorruptList() throws {
    let (ledger, folder) = try LedgerFixtures.ledger("publication-ids")
    try LedgerFixtures.openCampaign(ledger, .espaceRencontre, 2025)
    let number = try ledger.recordPublication(
      survey: .espaceRencontre, year: 2025, at: LedgerFixtures.date, planVersion: "1.0", toolVersion: "t",
      cells: Array("a,b\n1,2\n".utf8))
    let last = try #require(try ledger.lastPublication(survey: .espaceRencontre, year: 2025))
    #expect(last.reportIDs == (try ledger.currentReportIDs(survey: .espaceRencontre, year: 2025)))
    let queue = try DatabaseQueue(path: folder.appendingPathComponent("ledger.sqlite").path)
    try queue.write {
      try $0.execute(sql: "UPDATE publication SET report_ids = '[1,' WHERE id = ?", arguments: [number])
    }
    #expect(throws: DatabaseError.self) { try ledger.lastPublication(survey: .espaceRencontre, year: 2025) }
  }
}
