import ArgumentParser
import EnqueteLedger
import EnqueteServer
import Foundation
import Hummingbird
import Logging

/// `enquete serve`: the collection and download portal over the ledger.
struct ServeCommand: AsyncParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "serve",
    abstract: "Run the collection and download portal (HTTP) over the ledger.",
    discussion: """
      Services upload their files (validated and stored as enquete ingest does), statisticians \
      follow their campaigns, départements download their own extract from the published folder. \
      Every request bears a token made with enquete token create. Listens on 127.0.0.1 unless told \
      otherwise; put a TLS proxy in front of it anywhere else. Stops on SIGINT or SIGTERM.
      """
  )

  @Option(name: .customLong("hote"), help: "The address to listen on.")
  var host = "127.0.0.1"

  @Option(help: "The port to listen on (0: any free port, printed on stderr).")
  var port = 8080

  @Option(help: "The published folder (<survey>/<year>/departements/<code>/ below it).")
  var publications = "Reports"

  @Option(
    name: .customLong("taille-max"), help: "The largest upload accepted, in bytes (K and M suffixes allowed)."
  )
  var maximumSize: ByteCount = ByteCount(PortalSettings.defaultMaximumUploadBytes)

  @Option(name: .customLong("delai"), help: "Seconds an upload may take to arrive whole.")
  var deadline = 120

  @Flag(help: "Refuse reports from SIRETs the campaign's directory does not list (as ingest --strict).")
  var strict = false

  @OptionGroup var ledger: LedgerOptions

  func run() async throws {
    let settings = PortalSettings(
      ledger: try ledger.open(), publications: publications, maximumUploadBytes: maximumSize.bytes,
      uploadDeadline: .seconds(deadline), strict: strict, logger: CLILogger.make("enquete.portal"))
    let host = host
    let application = buildApplication(settings: settings, host: host, port: port) { port in
      FileHandle.standardError.write(Data("enquete serve: à l'écoute sur http://\(host):\(port)\n".utf8))
    }
    try await application.runService()
  }
}

/// A size given as bytes, or with a `K` or `M` suffix (powers of 1024).
struct ByteCount: ExpressibleByArgument {
  let bytes: Int

  init(_ bytes: Int) { self.bytes = bytes }

  init?(argument: String) {
    let text = argument.uppercased()
    let factor = text.hasSuffix("M") ? 1 << 20 : text.hasSuffix("K") ? 1 << 10 : 1
    guard let value = Int(factor == 1 ? text : String(text.dropLast())), value > 0 else { return nil }
    bytes = value * factor
  }

  var defaultValueDescription: String { "\(bytes)" }
}
