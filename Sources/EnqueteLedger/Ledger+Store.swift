import EnqueteCore
import Foundation
import GRDB

/// A file the ledger holds, as named to the user (without its bytes).
public struct StoredFile: Sendable, Hashable {
  /// Row id, increasing with the order of reception.
  public var id: Int64
  /// The name it was received under (the first time).
  public var name: String
  /// SHA-256 of its bytes.
  public var sha256: String
  /// When it was received (the first time).
  public var receivedAt: Date
  /// The verdict.
  public var verdict: SubmissionFileRecord.Verdict
  /// Reports read.
  public var reportCount: Int
  /// Reports accepted.
  public var acceptedCount: Int
}

/// What storing a file did.
public enum StoreOutcome: Sendable, Hashable {
  /// Kept, with its reports and diagnostics; `superseded` reports stopped being current.
  case stored(StoredFile, superseded: Int)
  /// The same bytes were already kept: nothing was written.
  case duplicate(StoredFile)
}

extension Ledger {
  /// The file already kept with this fingerprint, if any.
  public func storedFile(_ fingerprint: SubmissionFingerprint) throws -> StoredFile? {
    try database.read { db in try Self.storedFile(db, fingerprint) }
  }

  /// The fingerprints of every file kept (``SubmissionFingerprint/key``), read in one query: what
  /// an ingestion of many files checks its files against without a read per file (a read waits
  /// for the write in progress on the ledger's one connection).
  public func storedFingerprints() throws -> Set<String> {
    try database.read { db in
      Set(
        try String.fetchAll(
          db, sql: "SELECT sha256 || '|' || ifnull(companion_sha256, '') FROM submission_file"))
    }
  }

  static func storedFile(_ db: Database, _ fingerprint: SubmissionFingerprint) throws -> StoredFile? {
    let row = try Row.fetchOne(
      db.cachedStatement(
        sql: """
          SELECT id, name, sha256, received_at, verdict, report_count, accepted_count FROM submission_file
          WHERE sha256 = ? AND ifnull(companion_sha256, '') = ?
          """), arguments: [fingerprint.sha256, fingerprint.companionSha256 ?? ""])
    return row.map(storedFile(row:))
  }

  static func storedFile(row: Row) -> StoredFile {
    StoredFile(
      id: row["id"], name: row["name"], sha256: row["sha256"], receivedAt: row["received_at"],
      verdict: row["verdict"], reportCount: row["report_count"], acceptedCount: row["accepted_count"])
  }

  /// Keeps a received file in one transaction: its bytes and fingerprint, every report with its
  /// values, detail and diagnostics, and the file's own diagnostics. An accepted report becomes
  /// the current version of its (survey, year, SIRET) and supersedes the one before. The same
  /// bytes received again are recognised (inside the transaction) and not stored twice.
  ///
  /// A process killed during the call leaves the ledger as it was before it.
  ///
  /// - Throws: `LedgerError` when a report's campaign is not open (nothing is stored then).
  /// - Complexity: O(reports × variables), one write transaction.
  public func store(_ submission: ReceivedSubmission) throws -> StoreOutcome {
    try store(submission, audit: nil)
  }

  /// Keeps a received file as ``store(_:)`` does and, in the same transaction, appends to the audit
  /// log the event `audit` makes of the outcome: the file and its audit row are stored together or
  /// not at all (a process killed in between leaves neither).
  public func store(
    _ submission: ReceivedSubmission, audit: ((StoreOutcome) -> AuditEvent)?
  ) throws -> StoreOutcome {
    let outcome = try database.write { db -> StoreOutcome in
      let outcome = try Self.store(db, submission)
      if let audit { try Self.insert(audit(outcome), db) }
      return outcome
    }
    log(outcome, of: submission)
    return outcome
  }

  private func log(_ outcome: StoreOutcome, of submission: ReceivedSubmission) {
    switch outcome {
    case .stored(let file, let superseded):
      logger.debug(
        "file stored",
        metadata: [
          "file": "\(submission.name)", "id": "\(file.id)", "verdict": "\(file.verdict.rawValue)",
          "reports": "\(file.reportCount)", "superseded": "\(superseded)",
        ])
    case .duplicate(let file):
      logger.debug("file already stored", metadata: ["file": "\(submission.name)", "id": "\(file.id)"])
    }
  }

  /// Keeps several received files in one write transaction, each as ``store(_:)`` keeps it but in
  /// a savepoint of its own: a file that fails (its campaign not open) leaves nothing, the others
  /// are kept. What `enquete ingest` does with a run of small files, which would otherwise wait
  /// for one synchronous commit each. A process killed during the call leaves the ledger as it
  /// was before it: none of the batch is kept, and nothing of it was acknowledged.
  ///
  /// - Returns: each file's outcome, in order.
  /// - Throws: when SQLite fails (nothing of the batch is kept then).
  /// - Complexity: O(reports × variables) over the batch, one write transaction.
  public func store(batch submissions: [ReceivedSubmission]) throws -> [Result<StoreOutcome, any Error>] {
    let outcomes = try database.write { db in
      try submissions.map { submission -> Result<StoreOutcome, any Error> in
        var stored: StoreOutcome?
        do {
          try db.inSavepoint {
            stored = try Self.store(db, submission)
            return .commit
          }
        } catch let error as LedgerError {
          return .failure(error)
        }
        return .success(stored!)
      }
    }
    for (submission, outcome) in zip(submissions, outcomes) {
      if case .success(let stored) = outcome { log(stored, of: submission) }
    }
    return outcomes
  }

  static func store(_ db: Database, _ submission: ReceivedSubmission) throws -> StoreOutcome {
    if let existing = try Self.storedFile(db, submission.fingerprint) { return .duplicate(existing) }
    let survey = submission.verdict.survey?.rawValue
    if let survey {
      var years = Set(submission.reports.compactMap { submission.year(of: $0) })
      if let year = submission.campaignYear { years.insert(year) }
      for year in years.sorted() { try Self.requireOpen(db, survey: survey, year: year) }
    }
    var file = Self.fileRecord(submission)
    try file.insert(db)
    let fileID = file.id!
    let writer = try ReportWriter(db: db, fileID: fileID)
    for diagnostic in submission.verdict.diagnostics { try writer.insert(diagnostic, reportID: nil) }
    var superseded = 0
    for report in submission.reports {
      if try writer.insert(
        report, survey: survey, year: submission.year(of: report), accepted: submission.isAccepted(report))
      {
        superseded += 1
      }
    }
    return .stored(
      StoredFile(
        id: fileID, name: file.name, sha256: file.sha256, receivedAt: file.receivedAt,
        verdict: file.verdict,
        reportCount: file.reportCount, acceptedCount: file.acceptedCount), superseded: superseded)
  }

  static func fileRecord(_ submission: ReceivedSubmission) -> SubmissionFileRecord {
    let reportCount = submission.reports.count
    let acceptedCount = submission.reports.count { submission.isAccepted($0) }
    let fileErrors = submission.verdict.diagnostics.contains { $0.severity == .error }
    let verdict: SubmissionFileRecord.Verdict =
      acceptedCount == 0
      ? .refused : (acceptedCount == reportCount && !fileErrors ? .accepted : .partial)
    let warnings =
      submission.verdict.diagnostics.count { $0.severity == .warning }
      + submission.reports.map { $0.diagnostics.count { $0.severity == .warning } }.reduce(0, +)
    return SubmissionFileRecord(
      sha256: submission.fingerprint.sha256, name: submission.name, size: submission.bytes.count,
      bytes: Data(submission.bytes), companionName: submission.companion?.name,
      companionSha256: submission.fingerprint.companionSha256,
      companionBytes: submission.companion.map { Data($0.bytes) }, format: submission.verdict.format.rawValue,
      encoding: submission.encoding, survey: submission.verdict.survey?.rawValue,
      year: submission.campaignYear ?? submission.reports.lazy.compactMap { submission.year(of: $0) }.first,
      receivedAt: submission.receivedAt, verdict: verdict, reportCount: reportCount,
      acceptedCount: acceptedCount, warningCount: warnings)
  }
}
