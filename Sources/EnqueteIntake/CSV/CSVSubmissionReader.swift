import EnqueteCore
import Foundation

/// What reading a CSV submission gave, beyond its rows.
public struct CSVReadOutcome: Sendable {
  /// The survey and table the header matches.
  public var survey: SurveyID?
  /// `rapport` or `mesures`.
  public var table: String?
  /// Encoding decided (byte-order mark, or the first non-ASCII field), nil for pure ASCII.
  public var encoding: TextEncoding?
  /// Delimiter and line endings.
  public var detection: CSVDetection?
  /// Data rows handed out.
  public var rowCount = 0
  /// Data rows the filter took (counted, not handed out).
  public var filteredRowCount = 0
  /// For a slice with an end: bytes before it that were not a complete row (0 when a row ended
  /// exactly there).
  public var unreadBytes = 0
  /// For a slice with an end: the state to go on reading from the first unread row (at
  /// `end - unreadBytes`, on `nextLine`), exactly as if the reader had not stopped.
  public var continuation: CSVHeaderState?
  /// The line of the first unread row.
  public var nextLine = 1
  /// File-level problems (refusing the whole file when errors) and notes on what was detected.
  public var diagnostics: [Diagnostic] = []
  /// False when the file must be refused as a whole.
  public var isReadable = true

  /// An outcome with nothing read yet.
  public init() {}
}

/// Takes the data rows that need nothing more than being counted (the fast path of validation):
/// they are not decoded nor handed out. A class, so that the reader can keep it while reading.
public protocol CSVRowFilter: AnyObject {
  /// Called once the header is read: the survey and table, and each column's variable.
  func begin(layout: CSVLayout, columns: [String?])
  /// Whether the row is taken; `decoder` decodes text in the file's encoding.
  func accepts(_ row: CSVRow, decoder: inout FieldDecoder) -> Bool
  /// Takes plain data rows whole, before they are tokenized, as many in a row as it can from the
  /// first (they are then counted as `accepts` would count them); the row it stops at is
  /// tokenized and handed to `accepts(_:decoder:)`. Only rows on one physical line ending with
  /// LF or CRLF, with no quote, may be taken; `encoding` is the one decided so far (nil while
  /// every byte was ASCII).
  func accepts(lines: CSVPendingLines, encoding: TextEncoding?) -> CSVLinesTaken
}

/// A header as one reader read it: what a second reader needs to take the rows of a later part of
/// the same file (see `CSVSubmissionReader.read(path:name:filter:slice:header:onHeader:onRecord:)`).
public struct CSVHeaderState: @unchecked Sendable {
  let mapper: CSVRowMapper
  /// What was detected.
  public let detection: CSVDetection
  /// The survey and table.
  public var layout: CSVLayout? { mapper.layout }
  /// The encoding the header's own text decided, nil while it was ASCII.
  public var encoding: TextEncoding? { mapper.decoder?.encoding }
}

/// The survey and table a CSV header was matched to.
public struct CSVLayout: Sendable, Hashable {
  /// The survey.
  public let survey: SurveyID
  /// `rapport` or `mesures`.
  public let table: String
}

/// Reads a CSV submission into raw records: header matched to the catalog, fields decoded in the
/// file's encoding, one record per data row with its line and columns.
///
/// The file is refused as a whole when it cannot be read as such (undecodable bytes, an open
/// quote, a header missing a required column); a row with the wrong number of fields is handed out
/// with its error, so only its report is refused.
public struct CSVSubmissionReader: Sendable {
  /// Bounds on the input.
  public var limits = CSVLimits.standard
  /// Largest file accepted, in bytes (4 GiB by default; the portal sets its own upload limit).
  public var maximumFileBytes = 4 << 30

  /// A reader with the standard limits.
  public init() {}

  /// Reads the file at `path` (`name` in diagnostics); `onRecord` gets each data row and its problems.
  public func read(
    path: String, name: String, filter: CSVRowFilter? = nil,
    onRecord: (RawRecord, [Diagnostic], CSVLayout) throws -> Void
  ) throws -> CSVReadOutcome {
    try read(path: path, name: name, filter: filter, slice: CSVSlice(), onRecord: onRecord)
  }

  /// Reads part of the file at `path`: from its start up to `slice.end` (`onHeader` then hands out
  /// the header once read), or, with `header` (what the first reader's `onHeader` gave), the rows
  /// from `slice.start`. File-level checks (size, emptiness) belong to the reader of the start.
  public func read(
    path: String, name: String, filter: CSVRowFilter? = nil, slice: CSVSlice, header: CSVHeaderState? = nil,
    onHeader: ((CSVHeaderState) -> Void)? = nil,
    onRecord: (RawRecord, [Diagnostic], CSVLayout) throws -> Void
  ) throws -> CSVReadOutcome {
    let size = (try? FileManager.default.attributesOfItem(atPath: path)[.size] as? Int) ?? 0
    if size > maximumFileBytes {
      var outcome = CSVReadOutcome()
      outcome.isReadable = false
      outcome.diagnostics.append(.fileTooLarge(name, limit: maximumFileBytes))
      return outcome
    }
    return try run(
      .path(path, slice), name: name, filter: filter, header: header, onHeader: onHeader, onRecord: onRecord)
  }

  /// Reads CSV held in memory.
  public func read(
    bytes: [UInt8], name: String, filter: CSVRowFilter? = nil,
    onRecord: (RawRecord, [Diagnostic], CSVLayout) throws -> Void
  ) throws -> CSVReadOutcome {
    try run(.bytes(bytes), name: name, filter: filter, onRecord: onRecord)
  }

  private enum Input {
    case path(String, CSVSlice)
    case bytes([UInt8])
  }

  private func run(
    _ input: Input, name: String, filter: CSVRowFilter?, header: CSVHeaderState? = nil,
    onHeader: ((CSVHeaderState) -> Void)? = nil,
    onRecord: (RawRecord, [Diagnostic], CSVLayout) throws -> Void
  ) throws -> CSVReadOutcome {
    var outcome = CSVReadOutcome()
    var rows = header.map { CSVRowMapper(continuing: $0.mapper, filter: filter) } ?? CSVRowMapper(file: name)
    if let header {
      outcome.survey = header.layout?.survey
      outcome.table = header.layout?.table
    } else {
      rows.filter = filter
    }
    var reader = CSVReader()
    reader.limits = limits
    do {
      var detected: CSVDetection?
      let onDetect = { (detection: CSVDetection) in
        detected = detection
        if header == nil { rows.start(announced: detection.announcedEncoding) }
      }
      if let onHeader {
        // Handed over without this reader's filter and callbacks: a reader keeping the state must
        // not keep this one's (the second part's reader holding its own starter made a cycle).
        rows.onHeader = { mapper in
          onHeader(
            CSVHeaderState(mapper: CSVRowMapper(continuing: mapper, filter: nil), detection: detected!))
        }
      }
      switch input {
      case .path(let path, let slice):
        let end = try reader.read(
          path: path, slice: slice, onDetect: onDetect,
          takeLines: { rows.takeLines($0, outcome: &outcome) }
        ) { row in
          try rows.take(row, outcome: &outcome, onRecord: onRecord)
        }
        outcome.detection = end.detection
        outcome.unreadBytes = end.unreadBytes
        outcome.nextLine = end.nextLine
        if slice.end != nil, rows.sawHeader {
          outcome.continuation = CSVHeaderState(
            mapper: CSVRowMapper(continuing: rows, filter: nil), detection: end.detection)
        }
      case .bytes(let bytes):
        outcome.detection = try reader.read(
          bytes: bytes, onDetect: onDetect, takeLines: { rows.takeLines($0, outcome: &outcome) }
        ) { row in
          try rows.take(row, outcome: &outcome, onRecord: onRecord)
        }
      }
    } catch let error as CSVSyntaxError {
      outcome.isReadable = false
      outcome.diagnostics.append(syntaxDiagnostic(error, file: name))
    } catch let error as CSVRowMapper.Undecodable {
      outcome.isReadable = false
      outcome.diagnostics.append(
        Diagnostic(
          .error, code: "csv.encoding",
          message:
            "Des octets de ce champ ne sont pas du texte \(error.encoding.rawValue), l'encodage du début du fichier : "
            + "enregistrez tout le fichier dans un seul encodage (UTF-8 de préférence).",
          location: .init(file: name, line: error.line, column: error.column)))
    } catch is FileReadError {
      outcome.isReadable = false
      outcome.diagnostics.append(
        .fileUnreadable(name))
    }
    outcome.encoding = rows.decoder?.encoding
    if header != nil { return outcome }  // the reader of the start says what concerns the whole file
    if !rows.sawHeader && outcome.isReadable {
      outcome.isReadable = false
      outcome.diagnostics.append(
        .fileEmpty(name))
    }
    if outcome.isReadable, let note = Self.detectedNote(outcome, file: name) {
      outcome.diagnostics.insert(note, at: 0)
    }
    return outcome
  }

  /// The note saying what was detected (encoding, delimiter, line endings, table).
  public static func detectedNote(_ outcome: CSVReadOutcome, file name: String) -> Diagnostic? {
    guard let detection = outcome.detection else { return nil }
    let encoding = outcome.encoding?.rawValue ?? "ASCII (compatible UTF-8)"
    return Diagnostic(
      .note, code: "csv.detected",
      message:
        "Lu comme CSV \(encoding), séparateur \(DelimiterSniffer.frenchName(detection.delimiter)), "
        + "fins de ligne \(detection.crlf ? "Windows (CRLF)" : "Unix (LF)")"
        + (outcome.table.map { ", table « \($0) »" } ?? "") + ".",
      location: .init(file: name))
  }

  private func syntaxDiagnostic(_ error: CSVSyntaxError, file: String) -> Diagnostic {
    let message: String
    switch error.kind {
    case .unterminatedQuote:
      message =
        "Un guillemet ouvert ici n'est jamais refermé : le reste du fichier ne peut pas être lu. Doublez les guillemets à l'intérieur d'un champ (\"\") ou refermez-le."
    case .fieldTooLong:
      message =
        "Un champ dépasse \(limits.maximumFieldBytes / 1024) Kio : ce n'est pas une valeur de l'enquête (guillemet non refermé ?)."
    case .tooManyFields:
      message =
        "Une ligne a plus de \(limits.maximumFieldsPerRow) champs : ce n'est pas un fichier de l'enquête."
    case .lineTooLong:
      message =
        "Une ligne dépasse \(limits.maximumLineBytes / 1024) Kio : ce n'est pas un fichier de l'enquête."
    }
    return Diagnostic(
      .error, code: error.kind.rawValue, message: message,
      location: .init(file: file, line: error.line, column: error.column))
  }
}
