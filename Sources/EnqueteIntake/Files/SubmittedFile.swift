import EnqueteCore
import Foundation

/// A file as a service sent it, before any check: how diagnostics name it, where its bytes are,
/// and, for a CSV report file, its per-measure companion (`<name>-mesures.csv`).
///
/// What ``Intake/check(_:keeping:onRemarks:)`` takes. Its bytes are read once: ``read(path:name:)``
/// holds them in memory (what `ingest` and the portal keep in the ledger, and check from there);
/// ``onDisk(path:name:)`` leaves them on disk, for a check that keeps nothing (`enquete validate`
/// streams a file of any size through flat memory).
public struct SubmittedFile: Sendable {
  /// Where the bytes are.
  public enum Content: Sendable {
    /// Read whole, once (what the ledger keeps).
    case inMemory([UInt8])
    /// Left on disk at this path, streamed by the check.
    case onDisk(String)
  }

  /// The per-measure companion of a CSV report file.
  public struct Companion: Sendable {
    /// How diagnostics name it.
    public var name: String
    /// Its bytes, or its path.
    public var content: Content
  }

  /// How diagnostics (and the ledger) name the file.
  public var name: String
  /// Its bytes, or its path.
  public var content: Content
  /// The per-measure detail of a CSV report file, when there is one.
  public var companion: Companion?
  /// XML or CSV, by the name's extension (nil: neither, the check says so).
  public var format: SubmissionFormat?
  /// Whether this is a per-measure detail (`…-mesures.csv`) read from disk without its report file.
  var isLoneDetail = false

  /// A file whose bytes are already in memory (an upload, a test); `companion` for a CSV report
  /// file with its per-measure detail; `format` when it is not the name's extension's.
  public init(
    name: String, bytes: [UInt8], companion: (name: String, bytes: [UInt8])? = nil,
    format: SubmissionFormat? = nil
  ) {
    self.name = name
    content = .inMemory(bytes)
    self.companion = companion.map { Companion(name: $0.name, content: .inMemory($0.bytes)) }
    self.format = format ?? SubmissionKind.of(path: name)
  }

  private init(name: String, content: Content, companion: Companion?, path: String) {
    self.name = name
    self.content = content
    self.companion = companion
    format = SubmissionKind.of(path: path)
    isLoneDetail = CSVSubmissionCheck.isDetailFile(path)
  }

  /// The file at `path` (named `name` in diagnostics, `path` by default), read once into memory,
  /// with its companion when it is a CSV report file that has one. A companion given alone stands
  /// for its report file when that file is there (they are checked and kept together).
  /// - Throws: an error reading a file.
  public static func read(path given: String, name: String? = nil) throws -> SubmittedFile {
    let (path, name, companion) = pair(path: given, name: name ?? given)
    return SubmittedFile(
      name: name, content: .inMemory(try readBytes(path)),
      companion: try companion.map { Companion(name: $0.name, content: .inMemory(try readBytes($0.path))) },
      path: path)
  }

  /// The file at `path` left on disk (streamed by the check, never held whole).
  public static func onDisk(path given: String, name: String? = nil) -> SubmittedFile {
    let (path, name, companion) = pair(path: given, name: name ?? given)
    return SubmittedFile(
      name: name, content: .onDisk(path),
      companion: companion.map { Companion(name: $0.name, content: .onDisk($0.path)) },
      path: path)
  }

  /// The bytes, when they are in memory.
  public var bytes: [UInt8]? { content.bytes }

  /// The companion's name and bytes, when it has one in memory.
  public var companionBytes: (name: String, bytes: [UInt8])? {
    guard let companion, let bytes = companion.content.bytes else { return nil }
    return (companion.name, bytes)
  }

  /// The file to read for `path` (its report file when `path` is a companion whose report file is
  /// there) and its companion's path, when it has one.
  private static func pair(
    path given: String, name: String
  ) -> (path: String, name: String, companion: (name: String, path: String)?) {
    var path = given
    var name = name
    let manager = FileManager.default
    if CSVSubmissionCheck.isDetailFile(given),
      manager.fileExists(atPath: CSVSubmissionCheck.reportFile(of: given))
    {
      path = CSVSubmissionCheck.reportFile(of: given)
      name = CSVSubmissionCheck.reportFile(of: name)
    }
    let detailPath = CSVSubmissionCheck.detailFile(of: path)
    guard SubmissionKind.of(path: path) == .csv, !CSVSubmissionCheck.isDetailFile(path),
      manager.fileExists(atPath: detailPath)
    else { return (path, name, nil) }
    return (path, name, (CSVSubmissionCheck.detailFile(of: name), detailPath))
  }

  static func readBytes(_ path: String) throws -> [UInt8] {
    [UInt8](try Data(contentsOf: URL(fileURLWithPath: path), options: .mappedIfSafe))
  }
}

/// What a name holds, by its extension.
enum SubmissionKind {
  static func of(path: String) -> SubmissionFormat? {
    switch (path as NSString).pathExtension.lowercased() {
    case "xml": .xml
    case "csv", "txt", "tsv": .csv
    default: nil
    }
  }
}

extension SubmittedFile {
  /// The survey an XML file's root element declares by its namespace (read from its first 64 KiB).
  var declaredSurvey: SurveyID? {
    let finding: XMLPrologue.Finding
    switch content {
    case .inMemory(let bytes): finding = XMLPrologue.scan(bytes.prefix(64 * 1024))
    case .onDisk(let path):
      guard let handle = FileHandle(forReadingAtPath: path),
        let data = try? handle.read(upToCount: 64 * 1024)
      else { return nil }
      try? handle.close()
      finding = XMLPrologue.scan(data)
    }
    guard case .root(let namespace?, _) = finding else { return nil }
    return XMLPrologue.survey(forNamespace: namespace)
  }
}

extension SubmittedFile.Content {
  /// The bytes, when they are in memory.
  public var bytes: [UInt8]? {
    if case .inMemory(let bytes) = self { bytes } else { nil }
  }

  /// Reads the CSV file (`name` in diagnostics); `onRecord` gets each data row and its problems.
  func readCSV(
    name: String, filter: CSVRowFilter? = nil, onRecord: (RawRecord, [Diagnostic], CSVLayout) throws -> Void
  ) throws -> CSVReadOutcome {
    switch self {
    case .inMemory(let bytes):
      try CSVSubmissionReader().read(bytes: bytes, name: name, filter: filter, onRecord: onRecord)
    case .onDisk(let path):
      try CSVSubmissionReader().read(path: path, name: name, filter: filter, onRecord: onRecord)
    }
  }

  /// About how many rows the file holds (so that the SIRET registry is sized once).
  var estimatedRows: Int {
    switch self {
    case .inMemory(let bytes):
      let head = bytes.prefix(64 * 1024)
      let lines = head.count { $0 == UInt8(ascii: "\n") }
      guard lines >= 2 else { return 0 }
      return Int(Double(bytes.count) / (Double(head.count) / Double(lines)) * 1.02)
    case .onDisk(let path):
      return CSVSubmissionCheck.estimatedRows(path)
    }
  }
}
