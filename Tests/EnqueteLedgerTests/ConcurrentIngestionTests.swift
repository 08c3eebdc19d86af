import EnqueteCore
import EnqueteLedger
import EnquetePipeline
import Foundation
import GRDB
import Testing

/// Files validated several at a time and stored in order give the ledger one-by-one ingestion gives.
@Suite struct ConcurrentIngestionTests {
  /// Every report row, as (file id, line, SIRET, version, current, superseded by).
  static func reportRows(_ ledger: Ledger) throws -> [String] {
    try ledger.read { db in
      try ReportRecord.order(ReportRecord.Columns.id).fetchAll(db).map {
        "\($0.fileID) \($0.line) \($0.siret ?? "-") \($0.version ?? 0) \($0.isCurrent) \($0.supersededBy ?? 0)"
      }
    }
  }

  static func fileRows(_ ledger: Ledger) throws -> [String] {
    try ledger.read { db in
      try Row.fetchAll(
        db, sql: "SELECT id, name, sha256, verdict, report_count FROM submission_file ORDER BY id"
      )
      .map {
        "\($0["id"] as Int64) \($0["name"] as String) \($0["sha256"] as String) \($0["verdict"] as String)"
      }
    }
  }

  static func ledgerWithCampaigns(_ label: String) throws -> Ledger {
    let (ledger, _) = try LedgerFixtures.ledger(label)
    for year in [2024, 2025] { try LedgerFixtures.openCampaign(ledger, .mediationFamiliale, year) }
    return ledger
  }

  @Test func theLedgerIsTheOneOfIngestingFileByFile() throws {
    // Both years: 2025 resubmissions supersede 2024's versions, so the order of storing shows.
    let files = LedgerFixtures.sampleFiles(.mediationFamiliale)
    let oneByOne = try Self.ledgerWithCampaigns("one-by-one")
    let serial = Ingestion(ledger: oneByOne, clock: { LedgerFixtures.date })
    var serialOutcomes: [String] = []
    for path in files { serialOutcomes.append(Self.describe(Result { try serial.ingest(path: path) })) }

    let together = try Self.ledgerWithCampaigns("together")
    var outcomes: [String] = []
    var order: [String] = []
    Ingestion(ledger: together, clock: { LedgerFixtures.date }).ingest(paths: files, window: 3) {
      path, outcome in
      order.append(path)
      outcomes.append(Self.describe(outcome))
      return true
    }
    #expect(order == files)
    #expect(outcomes == serialOutcomes)
    #expect(try Self.fileRows(together) == Self.fileRows(oneByOne))
    #expect(try Self.reportRows(together) == Self.reportRows(oneByOne))
    #expect(try Self.reportRows(together).count > 100)
  }

  /// Files are committed by batches: a caller stopping at the third file keeps what its batch
  /// committed with it, and nothing after (batches of one: nothing after the third).
  @Test(arguments: [(batchFiles: 1, kept: 3), (batchFiles: 2, kept: 4), (batchFiles: 5, kept: 5)])
  func nothingIsStoredAfterTheBatchTheCallerStoppedIn(batchFiles: Int, kept: Int) throws {
    let files = LedgerFixtures.sampleFiles(.mediationFamiliale)
    let ledger = try Self.ledgerWithCampaigns("stopped-\(batchFiles)")
    var seen = 0
    Ingestion(ledger: ledger, clock: { LedgerFixtures.date }).ingest(
      paths: files, window: 4, batchFiles: batchFiles
    ) { _, _ in
      seen += 1
      return seen < 3
    }
    #expect(seen == 3)
    #expect(try Self.fileRows(ledger).count == kept)
  }

  @Test func aFileThatCannotBeReadIsReportedInItsPlace() throws {
    let files = Array(LedgerFixtures.sampleFiles(.mediationFamiliale).prefix(3))
    let missing = FileManager.default.temporaryDirectory.appendingPathComponent("absent-\(UUID()).xml").path
    let ledger = try Self.ledgerWithCampaigns("unreadable")
    var outcomes: [Bool] = []
    Ingestion(ledger: ledger).ingest(paths: [files[0], missing, files[1], files[2]]) { _, outcome in
      if case .success = outcome { outcomes.append(true) } else { outcomes.append(false) }
      return true
    }
    #expect(outcomes == [true, false, true, true])
  }

  static func describe(_ outcome: Result<Ingestion.Outcome, any Error>) -> String {
    switch outcome {
    case .success(.stored(let verdict, let file, let superseded)):
      "stored \(file.id) \(verdict.reports.count) \(superseded)"
    case .success(.duplicate(let file)): "duplicate \(file.id)"
    case .failure(let error): "failure \(error)"
    }
  }
}

/// An upload's audit row is written in the file's own transaction: both or neither.
@Suite struct AuditedStoreTests {
  static func event(_ stored: StoreOutcome) -> AuditEvent {
    let (file, outcome) =
      switch stored {
      case .stored(let file, _): (file, "stored")
      case .duplicate(let file): (file, "duplicate")
      }
    return AuditEvent(
      at: LedgerFixtures.date, tokenID: nil, action: "upload", target: "POST /test", outcome: outcome,
      httpStatus: 201, fileID: file.id, sha256: file.sha256)
  }

  @Test func theFileAndItsAuditRowAreStoredTogether() throws {
    let ledger = try ConcurrentIngestionTests.ledgerWithCampaigns("audited")
    let path = LedgerFixtures.sampleFiles(.mediationFamiliale).first { $0.hasSuffix(".xml") }!
    let ingestion = Ingestion(ledger: ledger, clock: { LedgerFixtures.date })
    guard case .submission(let submission) = try ingestion.prepare(path: path) else {
      Issue.record("not prepared")
      return
    }
    guard case .stored(_, let file, _) = try ingestion.storeUpload(submission, audit: Self.event) else {
      Issue.record("not stored")
      return
    }
    _ = try ingestion.storeUpload(submission, audit: Self.event)
    let events = try ledger.auditEvents()
    #expect(events.map(\.outcome) == ["stored", "duplicate"])
    #expect(events.allSatisfy { $0.fileID == file.id && $0.action == "upload" })
  }

  @Test func aFileRefusedByTheLedgerLeavesNoAuditRow() throws {
    let (ledger, _) = try LedgerFixtures.ledger("audited-closed")  // no campaign open
    let path = LedgerFixtures.sampleFiles(.mediationFamiliale).first { $0.hasSuffix(".xml") }!
    let ingestion = Ingestion(ledger: ledger, campaignYear: 2025, clock: { LedgerFixtures.date })
    guard case .submission(let submission) = try ingestion.prepare(path: path) else {
      Issue.record("not prepared")
      return
    }
    #expect(throws: LedgerError.self) { try ingestion.storeUpload(submission, audit: Self.event) }
    #expect(try ledger.auditEvents().isEmpty)
    #expect(try ConcurrentIngestionTests.fileRows(ledger).isEmpty)
  }
}
