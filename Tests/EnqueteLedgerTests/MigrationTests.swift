import EnqueteLedger
import Foundation
import GRDB
import Testing

@Suite struct MigrationTests {
  /// The migrations released so far, in order. Append a new identifier here when adding a
  /// migration; never edit or remove one (databases in the field have run them).
  static let released = ["1-campaigns", "2-submissions", "3-publications", "4-portal"]

  @Test func registeredMigrationsKeepTheReleasedOnesAsAPrefix() {
    let registered = Ledger.migrator.migrations
    #expect(Array(registered.prefix(Self.released.count)) == Self.released)
    #expect(Set(registered).count == registered.count)
  }

  @Test func aLedgerMigratedByAnEarlierListIsUpgradedWithItsData() throws {
    let folder = LedgerFixtures.temporaryFolder("migration")
    let path = folder.appendingPathComponent("old.sqlite").path
    // A ledger as the first release left it: only the first migration, one campaign in it.
    do {
      let old = try DatabaseQueue(path: path)
      try Ledger.migrator.migrate(old, upTo: Self.released[0])
      try old.write { db in
        try db.execute(
          sql: """
            INSERT INTO campaign (survey, year, opened_at, directory_name, directory_sha256, directory_bytes)
            VALUES ('mediation-familiale', 2024, '2024-01-02 00:00:00.000', 'a.csv', 'x', x'00');
            INSERT INTO expected_respondent VALUES (1, '30096427739208', 'Service', '38');
            """)
        #expect(try !db.tableExists("report"))
      }
    }
    let ledger = try Ledger(path: path)
    let applied = try ledger.read { db in try Ledger.migrator.appliedMigrations(db) }
    #expect(applied == Ledger.migrator.migrations)
    let campaigns = try ledger.campaigns()
    #expect(campaigns.map(\.year) == [2024])
    #expect(campaigns.first?.expectedCount == 1)
    #expect(try ledger.journalMode() == "wal")
    // FULL (2): a commit survives a power cut, not only the death of the process.
    #expect(try ledger.read { db in try Int.fetchOne(db, sql: "PRAGMA synchronous") } == 2)
    #expect(try ledger.integrityCheck() == ["ok"])
  }
}
