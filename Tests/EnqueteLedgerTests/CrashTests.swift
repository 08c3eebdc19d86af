import EnqueteCore
import EnqueteLedger
import Foundation
import Testing

#if canImport(Glibc)
  import Glibc
#endif

/// `kill -9` in the middle of an ingest leaves the ledger as it was before the file being stored.
@Suite(.serialized) struct CrashTests {
  /// Waits until the ledger holds more than `count` files (or the process ends); returns how many.
  static func waitForFiles(beyond count: Int, in ledger: Ledger, while process: Process) throws -> Int {
    let deadline = Date().addingTimeInterval(120)
    while Date() < deadline && process.isRunning {
      let stored = try ledger.read { db in try Int.fetchOne(db, sql: "SELECT count(*) FROM submission_file")!
      }
      if stored > count { return stored }
      usleep(2_000)
    }
    return -1
  }

  @Test func killingAnIngestLeavesAConsistentLedgerAndTheNextRunFinishesIt() throws {
    let files = LedgerFixtures.sampleFiles(.espaceRencontre) + LedgerFixtures.sampleFiles(.mediationFamiliale)
    let (ledger, folder) = try LedgerFixtures.ledger("kill")
    for survey in SurveyID.allCases {
      for year in [2024, 2025] { try LedgerFixtures.openCampaign(ledger, survey, year) }
    }
    var generator = SystemRandomNumberGenerator()
    var killedAt: [Int] = []
    // Several rounds: each starts the same large ingest (files already stored are recognised),
    // lets it store a few more files, then kills it at a random moment.
    for round in 0..<4 {
      let before = try LedgerConsistency.storedNames(ledger).count
      let process = try LedgerFixtures.start(
        ["ingest", "--ledger", ledger.path] + files, in: folder, label: "round\(round)")
      let seen = try Self.waitForFiles(beyond: before + 20 * (round + 1), in: ledger, while: process)
      try #require(seen > 0, "the ingest ended before it could be killed")
      usleep(UInt32.random(in: 0..<40_000, using: &generator))
      kill(process.processIdentifier, SIGKILL)
      process.waitUntilExit()
      #expect(process.terminationReason == .uncaughtSignal)
      // Every file is stored whole or not at all, in the order given: a prefix of the list.
      let stored = try LedgerConsistency.storedNames(ledger)
      killedAt.append(stored.count)
      #expect(stored == Array(files.prefix(stored.count)), "round \(round)")
      #expect(try LedgerConsistency.problems(ledger) == [], "round \(round)")
    }
    #expect(killedAt == killedAt.sorted())
    // A last run finishes the job: the campaign is as if nothing had happened.
    let code = try LedgerFixtures.run(
      ["ingest", "--ledger", ledger.path] + files, in: folder, label: "final")
    #expect(code == 0, "\(LedgerFixtures.stderr("final", in: folder).prefix(1000))")
    #expect(try LedgerConsistency.storedNames(ledger) == files)
    #expect(try LedgerConsistency.problems(ledger) == [])
    let respondents = try [SurveyID.mediationFamiliale, .espaceRencontre].flatMap { survey in
      try [2024, 2025].map { try ledger.status(survey: survey, year: $0).national.respondents }
    }
    #expect(respondents == [272, 275, 200, 203])
  }

  /// A CSV of `count` distinct valid mediation reports: a sample's row, with fresh SIRETs.
  static func largeFile(count: Int, in folder: URL) throws -> String {
    let samples = LedgerFixtures.samples.appendingPathComponent("mediation-familiale/2025")
    let source = try FileManager.default.contentsOfDirectory(atPath: samples.path).sorted()
      .filter { $0.hasPrefix("rapport-") && $0.hasSuffix(".csv") }
      .compactMap { try? String(contentsOf: samples.appendingPathComponent($0), encoding: .utf8) }
      .first { $0.hasPrefix("annee,") && !$0.contains("\r") }!
    let lines = source.split(separator: "\n")
    let siret = String(lines[1].split(separator: ",")[1])
    var text = lines[0] + "\n"
    for index in 0..<count {
      let prefix = "9" + String(format: "%012d", index)
      text += lines[1].replacingOccurrences(
        of: siret, with: prefix + String(Siret.luhnCheckDigit(for: prefix)))
      text += "\n"
    }
    let target = folder.appendingPathComponent("2025")
    try FileManager.default.createDirectory(at: target, withIntermediateDirectories: true)
    let path = target.appendingPathComponent("large.csv").path
    try Data(text.utf8).write(to: URL(fileURLWithPath: path))
    return path
  }

  @Test func killingDuringTheStoringTransactionLeavesTheLedgerAsBefore() throws {
    let (ledger, folder) = try LedgerFixtures.ledger("kill-transaction")
    try LedgerFixtures.openCampaign(ledger, .mediationFamiliale, 2025)
    let large = try Self.largeFile(count: 6_000, in: folder)
    let wal = ledger.path + "-wal"
    let walSize = { ((try? FileManager.default.attributesOfItem(atPath: wal)[.size]) as? Int) ?? 0 }
    let before = walSize()
    let process = try LedgerFixtures.start(
      ["ingest", "--ledger", ledger.path, large], in: folder, label: "large")
    // The transaction is under way when the write-ahead log grows (pages spill before the
    // commit) while no file is stored yet.
    var killedInTransaction = false
    let deadline = Date().addingTimeInterval(300)
    while process.isRunning && Date() < deadline {
      if walSize() > before + 2_000_000 {
        kill(process.processIdentifier, SIGKILL)
        killedInTransaction = true
        break
      }
      usleep(1_000)
    }
    process.waitUntilExit()
    try #require(killedInTransaction, "the ingest ended before its transaction could be caught")
    #expect(process.terminationReason == .uncaughtSignal)
    let counts = try ledger.read { db in
      try ["submission_file", "report", "report_value", "diagnostic"].map {
        try Int.fetchOne(db, sql: "SELECT count(*) FROM \($0)")!
      }
    }
    #expect(counts == [0, 0, 0, 0])
    #expect(try LedgerConsistency.problems(ledger) == [])
    // The next run stores it whole.
    #expect(
      try LedgerFixtures.run(["ingest", "--ledger", ledger.path, large], in: folder, label: "again") == 0)
    #expect(try ledger.status(survey: .mediationFamiliale, year: 2025).unexpectedSirets.count == 6_000)
    #expect(try LedgerConsistency.problems(ledger) == [])
  }
}
