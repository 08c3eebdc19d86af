import ArgumentParser
import EnqueteCore
import EnquetePipeline
import Foundation

/// `enquete history SIRET`: every file and version received from a service.
struct HistoryCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "history",
    abstract: "Every file and report version received from a service (by SIRET)."
  )

  @Argument(help: "The service's SIRET (14 digits).")
  var siret: String

  @Option(help: "text or json.")
  var format: OutputFormat = .text

  @OptionGroup var ledger: LedgerOptions

  func run() throws {
    let siret = siret.replacingOccurrences(of: " ", with: "")
    let entries = try ledger.open().history(siret: siret)
    if format == .json {
      print(HistoryOutput.json(siret: siret, entries), terminator: "")
    } else {
      print(HistoryOutput.text(siret: siret, entries), terminator: "")
    }
  }
}
