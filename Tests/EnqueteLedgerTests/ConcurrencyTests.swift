import EnqueteCore
import EnqueteLedger
import EnquetePipeline
import Foundation
import Testing

/// Two `enquete ingest` processes at once on one ledger lose nothing and store nothing twice.
@Suite(.serialized) struct ConcurrencyTests {
  @Test func twoConcurrentIngestsOfAHundredFilesEachLoseNothing() throws {
    let files = LedgerFixtures.sampleFiles(.mediationFamiliale)
    try #require(files.count >= 150)
    // Two sets of 100 files that share 50: both processes race to store those.
    let first = Array(files[0..<100])
    let second = Array(files[50..<150])
    let (ledger, folder) = try LedgerFixtures.ledger("concurrent")
    try LedgerFixtures.openCampaign(ledger, .mediationFamiliale, 2024)
    try LedgerFixtures.openCampaign(ledger, .mediationFamiliale, 2025)
    let a = try LedgerFixtures.start(["ingest", "--ledger", ledger.path] + first, in: folder, label: "a")
    let b = try LedgerFixtures.start(["ingest", "--ledger", ledger.path] + second, in: folder, label: "b")
    a.waitUntilExit()
    b.waitUntilExit()
    #expect(a.terminationStatus == 0, "\(LedgerFixtures.stderr("a", in: folder).prefix(1000))")
    #expect(b.terminationStatus == 0, "\(LedgerFixtures.stderr("b", in: folder).prefix(1000))")

    // Every file is there once, under the name one of the processes gave it.
    let stored = try LedgerConsistency.storedNames(ledger)
    #expect(stored.count == 150)
    #expect(Set(stored) == Set(first + second))
    #expect(try LedgerConsistency.problems(ledger) == [])
    // Each process said, for each of its files, stored or already received.
    var storedByProcesses = 0
    for label in ["a", "b"] {
      let out = try String(contentsOf: folder.appendingPathComponent("\(label).out"), encoding: .utf8)
      let lines = out.split(separator: "\n").filter { !$0.hasPrefix("Total") }
      #expect(lines.count == 100)
      storedByProcesses += lines.count { $0.contains("— enregistré") }
      #expect(lines.allSatisfy { $0.contains("— enregistré") || $0.contains("déjà reçu") })
    }
    #expect(storedByProcesses == 150)

    // The same files ingested one by one give the same current reports and the same rows.
    let (reference, _) = try LedgerFixtures.ledger("concurrent-reference")
    try LedgerFixtures.openCampaign(reference, .mediationFamiliale, 2024)
    try LedgerFixtures.openCampaign(reference, .mediationFamiliale, 2025)
    let ingestion = Ingestion(ledger: reference)
    for path in files[0..<150] { _ = try ingestion.ingest(path: path) }
    #expect(try LedgerConsistency.currentReports(ledger) == LedgerConsistency.currentReports(reference))
    let rowCounts = { (ledger: Ledger) in
      try ledger.read { db in
        try ["report", "report_value", "report_detail", "diagnostic"].map {
          try Int.fetchOne(db, sql: "SELECT count(*) FROM \($0)")!
        }
      }
    }
    #expect(try rowCounts(ledger) == rowCounts(reference))
  }
}
