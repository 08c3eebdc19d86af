import EnqueteCore
import EnqueteLedger
import Foundation
import GRDB
import Testing

@Suite struct MigrationTests {
  /// The migrations released so far, in order. Append a new identifier here when adding a
  /// migration; never edit or remove one (databases in the field have run them).
  static let released = [
    "1-campaigns", "2-submissions", "3-publications", "4-portal", "5-report-figures", "6-detail-tables",
  ]

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
    // A batch's pages stay in the cache until its commit; the log is copied every 64 MB.
    #expect(try ledger.read { db in try Int.fetchOne(db, sql: "PRAGMA cache_size") } == -65_536)
    #expect(try ledger.read { db in try Int.fetchOne(db, sql: "PRAGMA wal_autocheckpoint") } == 16_384)
    #expect(try ledger.integrityCheck() == ["ok"])
  }

  /// A ledger whose values were rows (before `5-report-figures`) and whose detail was an array of
  /// objects (before `6-detail-tables`) keeps every value, typed as it was, through the upgrade:
  /// `report_value` reads the same, the detail is one table with a null where a measure had no
  /// value, and the aggregation's reader finds the numbers, the service's name and the dates.
  @Test func valuesAndDetailOfAnEarlierLedgerReadTheSameOnceCompacted() throws {
    let folder = LedgerFixtures.temporaryFolder("migration-figures")
    let path = folder.appendingPathComponent("old.sqlite").path
    let rows: [[DatabaseValue]] = [
      ["date_reception".databaseValue, DatabaseValue.null, "2024-03-01".databaseValue],
      ["departement_code".databaseValue, DatabaseValue.null, "38".databaseValue],
      ["est_conventionne".databaseValue, 1.0.databaseValue, DatabaseValue.null],
      ["etp_mediateurs".databaseValue, 2.5.databaseValue, DatabaseValue.null],
      ["nb_mediations_terminees".databaseValue, 41.0.databaseValue, DatabaseValue.null],
      ["nom_service".databaseValue, DatabaseValue.null, "Médiation « Isère »".databaseValue],
    ]
    do {
      let old = try DatabaseQueue(path: path)
      try Ledger.migrator.migrate(old, upTo: "4-portal")
      try old.write { db in
        try db.execute(
          sql: """
            INSERT INTO campaign (survey, year, opened_at, directory_name, directory_sha256, directory_bytes)
            VALUES ('mediation-familiale', 2024, '2024-01-02 00:00:00.000', 'a.csv', 'x', x'00');
            INSERT INTO submission_file (id, sha256, name, size, bytes, format, received_at, verdict,
              report_count, accepted_count, warning_count)
            VALUES (1, 'f', 'a.xml', 1, x'00', 'xml', '2024-02-01 00:00:00.000', 'accepted', 1, 1, 0);
            INSERT INTO report (id, file_id, line, survey, year, siret, departement_code, accepted,
              version, is_current)
            VALUES (7, 1, 2, 'mediation-familiale', 2024, '30096427739208', '38', 1, 1, 1);
            INSERT INTO report_detail (report_id, measure_count, measures) VALUES (7, 2, '[
              {"date_reception":"2024-01-05","issue":"en_cours","nb_enfants":2},
              {"contexte_vif":true,"date_fin":"2024-06-01","date_premier_rdv":"2024-02-01","date_reception":"2024-01-10"}]');
            """)
        for row in rows {
          try db.execute(
            sql: "INSERT INTO report_value (report_id, variable, number, text) VALUES (7, ?, ?, ?)",
            arguments: StatementArguments(row))
        }
      }
    }
    let ledger = try Ledger(path: path)
    let read = try ledger.read { db in
      try Row.fetchAll(
        db, sql: "SELECT variable, number, text FROM report_value WHERE report_id = 7 ORDER BY variable")
    }
    #expect(read.map { [$0[0], $0[1], $0[2]] as [DatabaseValue] } == rows)
    let figures = try ledger.currentReports(survey: .mediationFamiliale, year: 2024)
    #expect(figures.count == 1)
    #expect(figures.first?.name == "Médiation « Isère »")
    #expect(
      figures.first?.numbers == ["est_conventionne": 1, "etp_mediateurs": 2.5, "nb_mediations_terminees": 41])
    let detail = try ledger.read { db in
      try String.fetchOne(db, sql: "SELECT measures FROM report_detail WHERE report_id = 7")
    }
    #expect(
      detail
        == #"{"columns":["contexte_vif","date_fin","date_premier_rdv","date_reception","issue","nb_enfants"],"#
        + #""rows":[[null,null,null,"2024-01-05","en_cours",2],[true,"2024-06-01","2024-02-01","2024-01-10",null,null]]}"#
    )
    #expect(
      figures.first?.measures == [
        MeasureDates(reception: CivilDate(year: 2024, month: 1, day: 5), firstVisit: nil, end: nil),
        MeasureDates(
          reception: CivilDate(year: 2024, month: 1, day: 10),
          firstVisit: CivilDate(year: 2024, month: 2, day: 1),
          end: CivilDate(year: 2024, month: 6, day: 1)),
      ])
    #expect(try ledger.integrityCheck() == ["ok"])
  }
}
