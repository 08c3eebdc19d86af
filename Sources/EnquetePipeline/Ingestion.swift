import EnqueteCore
import EnqueteIntake
import EnqueteLedger
import Foundation
import Logging

/// Validates a submitted file, then keeps it in the ledger: the validation stage and the store,
/// composed. What `enquete ingest` (and later the portal) calls, file by file.
public struct Ingestion: Sendable {
  /// What became of one file.
  public enum Outcome: Sendable {
    /// Validated and kept; `superseded` earlier versions stopped being current.
    case stored(FileVerdict, StoredFile, superseded: Int)
    /// The same bytes were already in the ledger: not validated nor stored again.
    case duplicate(StoredFile)
  }

  /// The ledger files go to.
  public let ledger: Ledger
  /// The campaign year; nil takes it from a folder named after a year, else from each report.
  public var campaignYear: Int?
  /// Whether a report from a SIRET the campaign's directory does not list is refused (else it is
  /// accepted with a warning).
  public var strict: Bool
  /// The date recorded as the file's reception (injectable for tests and replays).
  public var clock: @Sendable () -> Date
  let logger: Logger

  /// An ingestion into `ledger`.
  public init(
    ledger: Ledger, campaignYear: Int? = nil, strict: Bool = false,
    clock: @escaping @Sendable () -> Date = { Date() }, logger: Logger = Logger(label: "enquete.ingest")
  ) {
    self.ledger = ledger
    self.campaignYear = campaignYear
    self.strict = strict
    self.clock = clock
    self.logger = logger
  }

  /// Ingests the file at `path` (a CSV report file with its `-mesures.csv` companion when there is
  /// one; a companion given alone stands for its report file).
  ///
  /// - Throws: `LedgerError` when the file's campaign is not open (nothing stored), or an error
  ///   reading the file.
  /// - Complexity: validation of the file, then one write transaction.
  public func ingest(path given: String) throws -> Outcome {
    try commit(prepare(path: given))
  }

  /// A file read and validated, not yet stored (``prepare(path:)``), or already in the ledger.
  public enum Prepared: Sendable {
    /// Validated, to be stored by ``commit(_:)``.
    case submission(ReceivedSubmission)
    /// The same bytes were already in the ledger.
    case duplicate(StoredFile)
  }

  /// Reads and validates the file at `path` without writing anything: the part of ``ingest(path:)``
  /// that several files can go through at once.
  /// - Throws: an error reading the file or the ledger.
  /// - Complexity: validation of the file.
  public func prepare(path given: String) throws -> Prepared {
    try prepare(path: given, stored: nil)
  }

  /// ``prepare(path:)``, the files already kept known by their fingerprints (`stored`, read once
  /// for many files; nil: asked of the ledger). A file kept meanwhile is recognised by the store.
  func prepare(path given: String, stored: Set<String>?) throws -> Prepared {
    let file = try SubmittedFile.read(path: given)
    let fingerprint = SubmissionFingerprint(bytes: file.bytes ?? [], companion: file.companionBytes?.bytes)
    if stored?.contains(fingerprint.key) ?? true, let existing = try ledger.storedFile(fingerprint) {
      return .duplicate(existing)
    }
    let checked = Intake(campaignYear: campaignYear).check(file, keeping: .reports, path: file.name)
    return .submission(ReceivedSubmission(checked, fingerprint: fingerprint, receivedAt: clock()))
  }

  /// Ingests `paths` in the order given: files are read and checked on the machine's cores, up to
  /// `window` files and `windowBytes` bytes ahead, while the files before them are stored, in
  /// order — so the ledger's ids and versions are those of ingesting the files one by one. Files are stored in batches
  /// (``Ledger/store(batch:)``: one transaction, a savepoint per file) of at most `batchFiles`
  /// files or `batchBytes` bytes, so a campaign of small files does not wait for one synchronous
  /// commit each; a file is said stored only once its batch is committed.
  ///
  /// `onOutcome` is called on the calling thread, once per path, in order, as soon as that file is
  /// stored (or has failed: a read error, or `LedgerError` when its campaign is not open); when it
  /// returns `false`, no further file is checked nor stored — but the files committed in the same
  /// batch as that one stay kept (`batchFiles: 1` keeps nothing after it).
  /// - Complexity: the checks spread over the cores; the stores one batch after the other.
  public func ingest(
    paths: [String], window: Int = 1024, windowBytes: Int = 32 << 20,
    batchFiles: Int = 64, batchBytes: Int = 16 << 20,
    onOutcome: (String, Result<Outcome, any Error>) -> Bool
  ) {
    // The files kept, read once: a read per file would wait for each store on the one connection.
    let stored = try? ledger.storedFingerprints()
    var directories = DirectoryCache(ledger: ledger)
    var batch = IngestionBatch()
    var going = true
    func flush() -> Bool {
      let outcomes = batch.commit(on: ledger)
      defer { batch = IngestionBatch() }
      for (index, outcome) in outcomes where going {
        going = onOutcome(paths[index], outcome)
      }
      return going
    }
    // A file that failed before its store: the files before it are stored first, in order.
    func fail(_ index: Int, _ error: any Error) -> Bool {
      guard flush() else { return false }
      going = onOutcome(paths[index], .failure(error))
      return going
    }
    // Files are checked ahead of the store, as many as `window` and `windowBytes` allow: a store
    // of a batch takes as long as checking dozens of small files, during which the cores go on.
    let sizes = paths.map(Self.size(of:))
    InOrder.run(count: paths.count, window: window, weights: sizes, budget: windowBytes) { index in
      Result { try self.prepare(path: paths[index], stored: stored) }
    } consume: { index, prepared in
      switch prepared {
      case .failure(let error):
        return fail(index, error)
      case .success(.duplicate(let file)):
        batch.append(index, .duplicate(file))
      case .success(.submission(var submission)):
        do {
          try checkDirectory(&submission) { try directories.unexpected($0, survey: $1, year: $2) }
          batch.append(index, .submission(submission))
        } catch {
          return fail(index, error)
        }
      }
      return batch.count < batchFiles && batch.bytes < batchBytes ? true : flush()
    }
    if going { _ = flush() }
  }

  /// The size of the file at `path` in bytes (0 when it cannot be read: its read fails later).
  private static func size(of path: String) -> Int {
    var status = stat()
    return stat(path, &status) == 0 ? Int(status.st_size) : 0
  }

  /// Checks a prepared file's SIRETs against its campaign's directory, then stores it in one write
  /// transaction (a file stored meanwhile with the same bytes is recognised there, and not stored
  /// twice).
  /// - Throws: `LedgerError` when the file's campaign is not open (nothing stored).
  public func commit(_ prepared: Prepared) throws -> Outcome {
    try commit(prepared, audit: nil)
  }

  /// ``commit(_:)``, appending in the same transaction the audit event `audit` makes of the outcome.
  func commit(_ prepared: Prepared, audit: ((StoreOutcome) -> AuditEvent)?) throws -> Outcome {
    switch prepared {
    case .duplicate(let file): return .duplicate(file)
    case .submission(var submission):
      try checkDirectory(&submission) { try ledger.unexpected(sirets: $0, survey: $1, year: $2) }
      switch try ledger.store(submission, audit: audit) {
      case .stored(let file, let superseded): return .stored(submission.verdict, file, superseded: superseded)
      case .duplicate(let file): return .duplicate(file)
      }
    }
  }

  /// Adds to each accepted report whose SIRET the campaign's directory does not list a warning
  /// (an error under `strict`), and updates the verdict's list of reports with remarks.
  ///
  /// `unexpected` gives, of some SIRETs, those a campaign's directory does not list (nil: no such
  /// campaign), as ``Ledger/unexpected(sirets:survey:year:)`` does.
  func checkDirectory(
    _ submission: inout ReceivedSubmission,
    unexpected: (_ sirets: [String], _ survey: String, _ year: Int) throws -> Set<String>?
  ) throws {
    guard let survey = submission.verdict.survey, submission.verdict.isReadable else { return }
    var byYear: [Int: [Int]] = [:]
    for index in submission.reports.indices where submission.reports[index].isAccepted {
      let report = submission.reports[index]
      guard report.siret != nil, let year = submission.year(of: report) else { continue }
      byYear[year, default: []].append(index)
    }
    var added = false
    for (year, indices) in byYear.sorted(by: { $0.key < $1.key }) {
      // No campaign: the ledger refuses the file as a whole (not open).
      guard
        let unlisted = try unexpected(indices.map { submission.reports[$0].siret! }, survey.rawValue, year)
      else { continue }
      for index in indices where unlisted.contains(submission.reports[index].siret!) {
        added = true
        let report = submission.reports[index]
        submission.reports[index].diagnostics.append(
          Diagnostic(
            strict ? .error : .warning, code: "ledger.unexpected-siret",
            message: "Ce SIRET ne figure pas dans l'annuaire des services attendus de la campagne "
              + "\(survey.frenchName) \(year)"
              + (strict ? " : rapport refusé (--strict)." : " : rapport accepté, à vérifier."),
            location: .init(file: submission.name, line: report.line), report: report.siret, variable: "siret"
          ))
      }
    }
    if added {
      submission.verdict.reports = submission.reports.filter { !$0.diagnostics.isEmpty }
        .map(ValidatedReportSummary.init)
    }
  }

}

extension ReceivedSubmission {
  /// A checked file as the ledger receives it (its bytes were read into memory by the check).
  init(_ checked: CheckedFile, fingerprint: SubmissionFingerprint? = nil, receivedAt: Date) {
    self.init(
      name: checked.file.name, bytes: checked.file.bytes ?? [], companion: checked.file.companionBytes,
      fingerprint: fingerprint, encoding: checked.encoding, campaignYear: checked.campaignYear,
      receivedAt: receivedAt, verdict: checked.verdict, reports: checked.reports)
  }
}
