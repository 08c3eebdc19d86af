import EnqueteLedger
import Foundation
import Logging

/// What the portal runs on and within: the ledger, the published folders, and its limits.
public struct PortalSettings: Sendable {
  /// The ledger uploads go to, tokens are checked against, and the audit log is written to.
  public var ledger: Ledger
  /// The folder holding published reports: `<survey>/<year>/departements/<code>/` below it.
  public var publications: String
  /// The largest upload accepted, in bytes (413 beyond).
  public var maximumUploadBytes: Int
  /// How long an upload may take to arrive whole (408 beyond).
  public var uploadDeadline: Duration
  /// Where request bodies are spooled while they arrive (removed once handled).
  public var spoolDirectory: String
  /// How many uploads are validated and stored at once (the others wait their turn).
  public var concurrentValidations: Int
  /// Whether a report from a SIRET its campaign's directory does not list is refused (as
  /// `enquete ingest --strict`).
  public var strict: Bool
  /// The clock for reception dates and the audit log (injectable for tests).
  public var clock: @Sendable () -> Date
  /// Where the portal logs (English, never a token nor a value from a report).
  public var logger: Logger

  /// Default largest upload: 64 MiB (a national file of one service is a few kilobytes).
  public static let defaultMaximumUploadBytes = 64 << 20

  /// Settings over `ledger`, with the default limits.
  public init(
    ledger: Ledger, publications: String = "Reports", maximumUploadBytes: Int = defaultMaximumUploadBytes,
    uploadDeadline: Duration = .seconds(120), spoolDirectory: String? = nil,
    concurrentValidations: Int = max(2, ProcessInfo.processInfo.activeProcessorCount), strict: Bool = false,
    clock: @escaping @Sendable () -> Date = { Date() }, logger: Logger = Logger(label: "enquete.portal")
  ) {
    self.ledger = ledger
    self.publications = publications
    self.maximumUploadBytes = maximumUploadBytes
    self.uploadDeadline = uploadDeadline
    self.spoolDirectory =
      spoolDirectory
      ?? (NSTemporaryDirectory() as NSString).appendingPathComponent(
        "enquete-portail-\(ProcessInfo.processInfo.processIdentifier)")
    self.concurrentValidations = concurrentValidations
    self.strict = strict
    self.clock = clock
    self.logger = logger
  }
}
