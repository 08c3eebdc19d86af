import ArgumentParser
import EnqueteCore
import EnqueteLedger
import EnquetePipeline
import EnqueteRender
import Foundation

/// `enquete ingest`: validates submissions and keeps them in the ledger, accepted or not.
struct IngestCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "ingest",
    abstract: "Validate submission files and keep them in the ledger (every version, refused files too).",
    discussion: """
      Each file is stored in one transaction: its original bytes and SHA-256, every report and \
      diagnostic. An accepted report becomes the current version for its survey, year and SIRET. \
      The same file sent twice is stored once. Diagnostics go to stderr as `validate` prints them. \
      Exit status 0 when everything is accepted, 65 when anything is refused, 64 when a file's \
      campaign is not open (that file is not stored).
      """
  )

  @Argument(help: "Files or folders (folders are searched for .xml and .csv files).")
  var paths: [String]

  @Option(
    name: .customLong("annee"),
    help: "Campaign year (default: a folder named after a year in the path, else each report's year).")
  var year: Int?

  @Flag(
    help:
      "Refuse reports from a SIRET the campaign's directory does not list (default: accept with a warning).")
  var strict = false

  @Option(help: "Date to record as the reception (ISO 8601; default: now).")
  var date: DateArgument?

  @Option(help: "text or json.")
  var format: OutputFormat = .text

  @Flag(help: "Also show notes (what was detected: encoding, delimiter…).")
  var verbose = false

  @OptionGroup var ledger: LedgerOptions

  func run() throws {
    let fixed = date?.date
    let ingestion = Ingestion(
      ledger: try ledger.open(), campaignYear: year, strict: strict, clock: { fixed ?? Date() },
      logger: CLILogger.make("enquete.ingest"))
    var results: [IngestOutput.Result] = []
    var missing = false
    var notOpen = false
    var present: [String] = []
    for path in Validation.files(in: paths) {
      if FileManager.default.fileExists(atPath: path) {
        present.append(path)
      } else {
        VerdictOutput.printNotFound(path)
        missing = true
      }
    }
    var failure: (any Error)?
    ingestion.ingest(paths: present) { path, outcome in
      let result: IngestOutput.Result
      switch outcome {
      case .success(let stored): result = .init(path: path, outcome: stored)
      case .failure(let error as LedgerError):
        FileHandle.standardError.write(Data("\(path): erreur: \(error) [ledger.campaign-not-open]\n".utf8))
        notOpen = true
        result = .init(path: path, refusal: error)
      case .failure(let error):
        failure = error
        return false
      }
      results.append(result)
      guard format == .text else { return true }
      if case .stored(let verdict, _, _)? = result.outcome {
        VerdictOutput.printDiagnostics(verdict, verbose: verbose)
      }
      print(IngestOutput.line(result))
      return true
    }
    if let failure { throw failure }
    if format == .json {
      print(IngestOutput.json(results), terminator: "")
    } else if results.count > 1 {
      let verdicts = results.compactMap(\.verdict)
      print(VerdictText.total(verdicts) + ", " + IngestOutput.ledgerTotal(results))
    }
    if notOpen { throw ExitStatus.usage }
    if results.contains(where: \.isRefused) { throw ExitStatus.dataError }
    if missing { throw ExitStatus.checkFailed }
  }
}
