import EnqueteCore
import EnqueteLedger

/// Files checked and waiting to be stored together (``Ledger/store(batch:)``), with the index of
/// each in the ingestion's list of paths.
struct IngestionBatch {
  private var files: [(index: Int, prepared: Ingestion.Prepared)] = []
  /// The bytes held (files and companions).
  private(set) var bytes = 0

  /// The files held.
  var count: Int { files.count }

  mutating func append(_ index: Int, _ prepared: Ingestion.Prepared) {
    if case .submission(let submission) = prepared {
      bytes += submission.bytes.count + (submission.companion?.bytes.count ?? 0)
    }
    files.append((index, prepared))
  }

  /// Stores the submissions in one transaction and gives every file's outcome, in order; when the
  /// transaction fails, every submission of the batch fails with its error (nothing was kept).
  func commit(on ledger: Ledger) -> [(Int, Result<Ingestion.Outcome, any Error>)] {
    let submissions = files.compactMap { file -> ReceivedSubmission? in
      if case .submission(let submission) = file.prepared { submission } else { nil }
    }
    var stored: [Result<StoreOutcome, any Error>]
    do {
      stored = submissions.isEmpty ? [] : try ledger.store(batch: submissions)
    } catch {
      stored = submissions.map { _ in .failure(error) }
    }
    var next = stored.makeIterator()
    var submission = submissions.makeIterator()
    return files.map { file in
      switch file.prepared {
      case .duplicate(let existing): return (file.index, .success(.duplicate(existing)))
      case .submission:
        let checked = submission.next()!
        return (
          file.index,
          next.next()!.map { outcome in
            switch outcome {
            case .stored(let kept, let superseded): .stored(checked.verdict, kept, superseded: superseded)
            case .duplicate(let kept): .duplicate(kept)
            }
          }
        )
      }
    }
  }
}

/// The campaigns' directories, read once each for a whole ingestion: which SIRETs a directory
/// lists, asked for every file, would otherwise be a read per file on the ledger's one connection.
struct DirectoryCache {
  let ledger: Ledger
  private var listed: [String: Set<String>] = [:]

  init(ledger: Ledger) { self.ledger = ledger }

  /// Those of `sirets` the directory of the campaign (`survey`, `year`) does not list; nil when
  /// there is no such campaign (asked again next time: it may be opened meanwhile).
  mutating func unexpected(_ sirets: [String], survey: String, year: Int) throws -> Set<String>? {
    let key = "\(survey)|\(year)"
    if listed[key] == nil {
      guard try ledger.unexpected(sirets: [], survey: survey, year: year) != nil else { return nil }
      listed[key] = Set(try ledger.expectedRespondents(survey: survey, year: year).map(\.siret))
    }
    return Set(sirets.filter { !listed[key]!.contains($0) })
  }
}
