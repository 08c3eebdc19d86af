import Foundation
import GRDB
import Logging

/// The ledger: one SQLite file (WAL mode, through GRDB) that keeps campaigns and their expected
/// respondents, every submitted file's original bytes, every report read and every version, and
/// every diagnostic. Nothing is overwritten: a later accepted report supersedes the current one
/// and the history stays.
///
/// Several processes may use one ledger at once: writes are serialised by SQLite (each file in
/// one immediate transaction) and a process waits for the lock instead of failing.
public final class Ledger: Sendable {
  /// The database file.
  public let path: String
  /// The connection. One per process: its page cache stays valid from one file's transaction to
  /// the next (a pool's readers would reload their pages after every write). Other processes
  /// share the file through the write-ahead log.
  let database: DatabaseQueue
  let logger: Logger

  /// The default file name, in the working folder.
  public static let defaultFileName = "enquete.sqlite"
  /// The environment variable naming the ledger file.
  public static let environmentVariable = "ENQUETE_LEDGER"

  /// The connection's page cache, in KiB (SQLite's default is 2 000).
  static let pageCacheKiB = 65_536
  /// The write-ahead log's length, in pages, that makes a commit copy it into the database
  /// (SQLite's default is 1 000 pages of 4 KiB).
  static let checkpointPages = 16_384

  /// How long a writer waits for another process's transaction before giving up.
  public static let busyTimeout: TimeInterval = 120

  /// Opens (creating it if needed) the ledger at `path` and brings its schema up to date.
  public init(path: String, logger: Logger = Logger(label: "enquete.ledger")) throws {
    self.path = path
    self.logger = logger
    var configuration = Configuration()
    configuration.busyMode = .timeout(Self.busyTimeout)
    configuration.foreignKeysEnabled = true
    configuration.label = "enquete.ledger"
    configuration.journalMode = .wal
    database = try DatabaseQueue(path: path, configuration: configuration)
    // GRDB sets NORMAL with WAL: a commit then survives the death of the process but not a power
    // cut. FULL syncs the log at each commit, so a file said stored stays stored.
    try database.writeWithoutTransaction { db in
      try db.execute(sql: "PRAGMA synchronous = FULL")
      // A batch of files is a transaction of up to 16 MB: with SQLite's default 2 MB page cache
      // its pages spilled to the log before the commit, and the log was copied into the database
      // every 4 MB, each time rewriting the same index pages. A 64 MB cache and a checkpoint
      // every 64 MB of log took a national campaign's ingestion from 15.5–16.2 s to 14.3–14.7 s
      // (BENCHMARKS.md); a reader sees no difference, a crash loses nothing more.
      try db.execute(sql: "PRAGMA cache_size = -\(Self.pageCacheKiB)")
      try db.execute(sql: "PRAGMA wal_autocheckpoint = \(Self.checkpointPages)")
    }
    try Self.migrator.migrate(database)
    logger.debug("ledger opened", metadata: ["path": "\(path)"])
  }

  /// The path a command uses: the option if given, else `$ENQUETE_LEDGER`, else
  /// `./enquete.sqlite`.
  public static func resolvePath(option: String?, environment: [String: String]) -> String {
    if let option, !option.isEmpty { return option }
    if let variable = environment[environmentVariable], !variable.isEmpty { return variable }
    return defaultFileName
  }

  /// The journal mode in force (`wal`).
  public func journalMode() throws -> String {
    try database.read { db in try String.fetchOne(db, sql: "PRAGMA journal_mode") ?? "" }
  }

  /// SQLite's own check of the file (`ok` when sound).
  public func integrityCheck() throws -> [String] {
    try database.read { db in try String.fetchAll(db, sql: "PRAGMA integrity_check") }
  }

  /// Runs `body` with read access, for tests and tools that query the tables directly.
  public func read<T>(_ body: (Database) throws -> T) throws -> T { try database.read(body) }
}
