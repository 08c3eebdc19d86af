import ArgumentParser
import EnqueteCore
import EnqueteLedger
import EnquetePipeline
import Foundation
import Logging

/// The options every ledger command shares: where the ledger is.
struct LedgerOptions: ParsableArguments {
  @Option(
    name: .customLong("ledger"),
    help: "The ledger file (default: $\(Ledger.environmentVariable), else ./\(Ledger.defaultFileName)).")
  var path: String?

  /// The file used: the option, else the environment variable, else the default.
  var resolvedPath: String {
    Ledger.resolvePath(option: path, environment: ProcessInfo.processInfo.environment)
  }

  /// Opens the ledger (creating it and migrating its schema as needed).
  func open() throws -> Ledger { try Ledger(path: resolvedPath, logger: CLILogger.make("enquete.ledger")) }
}

/// The two arguments that name a campaign: `SURVEY YEAR`.
struct CampaignArguments: ParsableArguments {
  @Argument(help: "mediation-familiale or espace-rencontre.")
  var survey: SurveyID

  @Argument(help: "The survey year.")
  var year: Int
}

/// Loggers of the command line: to stderr, warnings and above unless `ENQUETE_LOG_LEVEL` says
/// otherwise (`info`, `debug`…), so that stdout carries only results.
enum CLILogger {
  static func make(_ label: String) -> Logger {
    var logger = Logger(label: label) { StreamLogHandler.standardError(label: $0) }
    logger.logLevel =
      ProcessInfo.processInfo.environment["ENQUETE_LOG_LEVEL"].flatMap(Logger.Level.init(rawValue:))
      ?? .warning
    return logger
  }
}

/// A date given on the command line (`--date 2025-03-14T10:00:00Z`), to record instead of now.
struct DateArgument: ExpressibleByArgument {
  let date: Date

  init?(argument: String) {
    guard let date = FrenchFormat.parseDate(argument) else { return nil }
    self.date = date
  }
}

extension SurveyID: ExpressibleByArgument {}

/// Runs `body`, turning what the ledger refuses into a French usage error (exit 64).
func withLedgerErrors<T>(_ body: () throws -> T) throws -> T {
  do {
    return try body()
  } catch let error as LedgerError {
    FileHandle.standardError.write(Data("enquete: erreur : \(error)\n".utf8))
    throw ExitStatus.usage
  }
}
