import EnqueteCore
import EnqueteLedger
import EnquetePipeline
import EnqueteRender
import Foundation
import GRDB
import Testing

/// Resubmissions, duplicates and refused files, through the ingestion the CLI uses.
@Suite struct VersioningTests {
  /// A single-report XML sample of 2025 and its SIRET.
  static let sample: (path: String, siret: String) = {
    let folder = LedgerFixtures.samples.appendingPathComponent("mediation-familiale/2025")
    let name = try! FileManager.default.contentsOfDirectory(atPath: folder.path)
      .filter { $0.hasPrefix("rapport-") && $0.hasSuffix(".xml") }.sorted()[0]
    return (folder.appendingPathComponent(name).path, String(name.dropFirst(8).prefix(14)))
  }()

  /// Writes the sample, with `edit` applied to its text, as `<folder>/<sub>/2025/<name>`.
  static func variant(_ folder: URL, _ sub: String, edit: (String) -> String = { $0 }) -> String {
    let original = try! String(contentsOfFile: sample.path, encoding: .utf8)
    let target = folder.appendingPathComponent("\(sub)/2025")
    try! FileManager.default.createDirectory(at: target, withIntermediateDirectories: true)
    let path = target.appendingPathComponent((sample.path as NSString).lastPathComponent).path
    try! Data(edit(original).utf8).write(to: URL(fileURLWithPath: path))
    return path
  }

  static func rename(_ text: String) -> String {
    text.replacingOccurrences(of: "</nom_service>", with: " (corrigé)</nom_service>")
  }

  static func breakCount(_ text: String) -> String {
    let start = text.range(of: "<nb_lieux_accueil>")!.upperBound
    let end = text.range(of: "</nb_lieux_accueil>")!.lowerBound
    return text.replacingCharacters(in: start..<end, with: "beaucoup")
  }

  static func reports(_ ledger: Ledger, siret: String) throws -> [ReportRecord] {
    try ledger.read { db in
      try ReportRecord.filter(ReportRecord.Columns.siret == siret).order(ReportRecord.Columns.id).fetchAll(db)
    }
  }

  @Test func aResubmissionSupersedesAndTheHistoryStays() throws {
    let (ledger, folder) = try LedgerFixtures.ledger("supersede")
    try LedgerFixtures.openCampaign(ledger, .mediationFamiliale, 2025)
    let ingestion = Ingestion(ledger: ledger, clock: { LedgerFixtures.date })
    guard case .stored(_, let first, 0) = try ingestion.ingest(path: Self.variant(folder, "v1")) else {
      Issue.record("first file not stored")
      return
    }
    guard
      case .stored(_, let second, 1) = try ingestion.ingest(
        path: Self.variant(folder, "v2", edit: Self.rename))
    else {
      Issue.record("second file not stored as superseding")
      return
    }
    let rows = try Self.reports(ledger, siret: Self.sample.siret)
    #expect(rows.map(\.version) == [1, 2])
    #expect(rows.map(\.isCurrent) == [false, true])
    #expect(rows[0].supersededBy == rows[1].id)
    #expect(rows.map(\.fileID) == [first.id, second.id])
    let name = try ledger.read { db in
      try String.fetchOne(
        db,
        sql: """
          SELECT v.text FROM report r JOIN report_value v ON v.report_id = r.id AND v.variable = 'nom_service'
          WHERE r.siret = ? AND r.is_current
          """, arguments: [Self.sample.siret])
    }
    #expect(name?.hasSuffix("(corrigé)") == true)
    let history = try ledger.history(siret: Self.sample.siret)
    #expect(history.map(\.file.id) == [first.id, second.id])
    #expect(history[0].reports[0].supersededBy?.version == 2)
    #expect(history[0].reports[0].supersededBy?.fileID == second.id)
    #expect(history[1].reports[0].isCurrent)
    let text = HistoryOutput.text(siret: Self.sample.siret, history)
    #expect(text.contains("version 1, remplacée par la version 2 (fichier n° \(second.id))"))
    #expect(text.contains("version 2, courante"))
    #expect(try ledger.status(survey: .mediationFamiliale, year: 2025).national.respondents == 1)
  }

  @Test func theSameFileSentTwiceIsStoredOnce() throws {
    let (ledger, folder) = try LedgerFixtures.ledger("duplicate")
    try LedgerFixtures.openCampaign(ledger, .mediationFamiliale, 2025)
    let ingestion = Ingestion(ledger: ledger, clock: { LedgerFixtures.date })
    guard case .stored(_, let first, _) = try ingestion.ingest(path: Self.variant(folder, "a")) else {
      Issue.record("first file not stored")
      return
    }
    // The same bytes again, under the same name and under another folder.
    for path in [Self.variant(folder, "a"), Self.variant(folder, "b")] {
      guard case .duplicate(let file) = try ingestion.ingest(path: path) else {
        Issue.record("\(path) stored twice")
        continue
      }
      #expect(file.id == first.id)
    }
    let counts = try ledger.read { db in
      (
        try Int.fetchOne(db, sql: "SELECT count(*) FROM submission_file")!,
        try Int.fetchOne(db, sql: "SELECT count(*) FROM report")!
      )
    }
    #expect(counts == (1, 1))
  }

  @Test func aRefusedFileIsKeptWithItsDiagnosticsAndTheCurrentVersionStays() throws {
    let (ledger, folder) = try LedgerFixtures.ledger("refused")
    try LedgerFixtures.openCampaign(ledger, .mediationFamiliale, 2025)
    let ingestion = Ingestion(ledger: ledger, clock: { LedgerFixtures.date })
    _ = try ingestion.ingest(path: Self.variant(folder, "v1"))
    let refusedPath = Self.variant(folder, "v2", edit: Self.breakCount)
    guard case .stored(let verdict, let file, 0) = try ingestion.ingest(path: refusedPath) else {
      Issue.record("refused file not stored")
      return
    }
    #expect(!verdict.isValid)
    #expect(file.verdict == .refused)
    let (bytes, codes) = try ledger.read { db in
      (
        try Data.fetchOne(db, sql: "SELECT bytes FROM submission_file WHERE id = ?", arguments: [file.id])!,
        try String.fetchAll(
          db,
          sql: """
            SELECT d.code FROM diagnostic d JOIN report r ON r.id = d.report_id
            WHERE d.file_id = ? AND d.severity = 'error'
            """, arguments: [file.id])
      )
    }
    #expect(bytes == FileManager.default.contents(atPath: refusedPath))
    #expect(codes.contains("validate.type"))
    let rows = try Self.reports(ledger, siret: Self.sample.siret)
    #expect(rows.map(\.accepted) == [true, false])
    #expect(rows.map(\.isCurrent) == [true, false])
    let status = try ledger.status(survey: .mediationFamiliale, year: 2025)
    #expect(status.national.respondents == 1)
    let reminder = status.reminders.first { $0.siret == Self.sample.siret }
    #expect(reminder?.reason == .lastFileRefused)
    #expect(reminder?.isRespondent == true)
    #expect(StatusOutput.remindersCSV(status).contains("\(Self.sample.siret),"))
  }

  @Test func aFileWhoseFirstRowOfASiretIsAcceptedIsNoRefusalForIt() throws {
    let (ledger, _) = try LedgerFixtures.ledger("repeated-siret")
    try LedgerFixtures.openCampaign(ledger, .mediationFamiliale, 2025)
    let path = LedgerFixtures.samples.appendingPathComponent("invalid/csv-siret-en-double.csv").path
    guard case .stored(_, let file, _) = try Ingestion(ledger: ledger, campaignYear: 2025).ingest(path: path)
    else {
      Issue.record("not stored")
      return
    }
    #expect(file.verdict == .partial)
    let reports = try ledger.read { db in
      try ReportRecord.filter(ReportRecord.Columns.fileID == file.id).order(ReportRecord.Columns.id).fetchAll(
        db)
    }
    #expect(reports.map(\.accepted) == [true, false])
    #expect(Set(reports.compactMap(\.siret)).count == 1)
    let status = try ledger.status(survey: .mediationFamiliale, year: 2025)
    #expect(status.national.respondents == 1)
    #expect(!status.reminders.contains { $0.siret == reports[0].siret })
  }

  @Test func anUnreadableFileIsQuarantinedWithItsBytes() throws {
    let (ledger, folder) = try LedgerFixtures.ledger("unreadable")
    try LedgerFixtures.openCampaign(ledger, .mediationFamiliale, 2025)
    let path = Self.variant(folder, "cut") { String($0.prefix($0.count / 2)) }
    guard case .stored(let verdict, let file, 0) = try Ingestion(ledger: ledger).ingest(path: path) else {
      Issue.record("unreadable file not stored")
      return
    }
    #expect(!verdict.isReadable)
    #expect(file.verdict == .refused)
    let stored = try ledger.read { db in
      try SubmissionFileRecord.fetchOne(db, key: file.id)
    }
    #expect(stored?.bytes == FileManager.default.contents(atPath: path))
    let codes = try ledger.read { db in
      try String.fetchAll(
        db, sql: "SELECT code FROM diagnostic WHERE file_id = ? AND report_id IS NULL", arguments: [file.id])
    }
    #expect(codes.contains("xml.malformed"))
  }

  @Test(arguments: [false, true])
  func aSiretOutsideTheDirectoryIsWarnedOrRefused(strict: Bool) throws {
    let (ledger, folder) = try LedgerFixtures.ledger("unexpected")
    let bytes = [UInt8](
      FileManager.default.contents(atPath: LedgerFixtures.directoryPath(.mediationFamiliale, 2025))!)
    let directory = try DirectoryFile.read(bytes: bytes, name: "a.csv", survey: .mediationFamiliale)
      .filter { $0.siret != Self.sample.siret }
    try ledger.openCampaign(
      survey: .mediationFamiliale, year: 2025, directory: directory, directoryName: "a.csv",
      directoryBytes: bytes,
      at: LedgerFixtures.date)
    guard
      case .stored(let verdict, _, _) = try Ingestion(ledger: ledger, strict: strict)
        .ingest(path: Self.variant(folder, "x"))
    else {
      Issue.record("not stored")
      return
    }
    let diagnostic = verdict.allDiagnostics.first { $0.code == "ledger.unexpected-siret" }
    #expect(diagnostic?.severity == (strict ? .error : .warning))
    #expect(verdict.isValid == !strict)
    let status = try ledger.status(survey: .mediationFamiliale, year: 2025)
    #expect(status.unexpectedSirets == (strict ? [] : [Self.sample.siret]))
    #expect(status.national.respondents == 0)
  }

  @Test func aFileOfACampaignNotOpenIsNotStored() throws {
    let (ledger, folder) = try LedgerFixtures.ledger("not-open")
    #expect(throws: LedgerError.campaignNotOpen(survey: "mediation-familiale", year: 2025)) {
      try Ingestion(ledger: ledger).ingest(path: Self.variant(folder, "a"))
    }
    try LedgerFixtures.openCampaign(ledger, .mediationFamiliale, 2025)
    try ledger.closeCampaign(survey: .mediationFamiliale, year: 2025, at: LedgerFixtures.date)
    #expect(throws: LedgerError.campaignClosed(survey: "mediation-familiale", year: 2025)) {
      try Ingestion(ledger: ledger).ingest(path: Self.variant(folder, "a"))
    }
    #expect(try ledger.read { db in try Int.fetchOne(db, sql: "SELECT count(*) FROM submission_file") } == 0)
  }

  @Test func aCSVReportFileIsKeptWithItsCompanionAndDetail() throws {
    let (ledger, _) = try LedgerFixtures.ledger("companion")
    try LedgerFixtures.openCampaign(ledger, .espaceRencontre, 2025)
    let folder = LedgerFixtures.samples.appendingPathComponent("espace-rencontre/2025")
    let detail = try FileManager.default.contentsOfDirectory(atPath: folder.path)
      .filter { $0.hasSuffix("-mesures.csv") }.sorted()[0]
    let report = folder.appendingPathComponent(String(detail.dropLast("-mesures.csv".count)) + ".csv").path
    guard case .stored(_, let file, _) = try Ingestion(ledger: ledger).ingest(path: report) else {
      Issue.record("not stored")
      return
    }
    let stored = try ledger.read { db in try SubmissionFileRecord.fetchOne(db, key: file.id)! }
    let companion = FileManager.default.contents(atPath: folder.appendingPathComponent(detail).path)!
    #expect(stored.companionBytes == companion)
    #expect(stored.companionSha256 == SHA256.hex([UInt8](companion)))
    let measures = try ledger.read { db in
      try Int.fetchOne(
        db,
        sql: """
          SELECT sum(json_array_length(d.measures, '$.rows')) FROM report_detail d JOIN report r ON r.id = d.report_id
          WHERE r.file_id = ?
          """, arguments: [file.id])
    }
    let lines = String(decoding: companion, as: UTF8.self).split(whereSeparator: \.isNewline).count
    #expect(measures == lines - 1)
  }

  @Test func theLedgerRefusesASecondCurrentVersion() throws {
    let (ledger, folder) = try LedgerFixtures.ledger("invariant")
    try LedgerFixtures.openCampaign(ledger, .mediationFamiliale, 2025)
    _ = try Ingestion(ledger: ledger).ingest(path: Self.variant(folder, "a"))
    let pool = try DatabasePool(path: ledger.path)
    #expect(throws: DatabaseError.self) {
      try pool.write { db in
        try db.execute(
          sql: """
            INSERT INTO report (file_id, line, survey, year, siret, accepted, version, is_current)
            SELECT file_id, line, survey, year, siret, 1, version + 1, 1 FROM report
            """)
      }
    }
  }
}
