/// A byte-level RFC 4180 tokenizer over a buffer of text: it hands out every *complete* row at the
/// front of the buffer, with its fields as offsets into the buffer itself (no copy), and says how
/// many bytes those rows took. The caller keeps the rest (an incomplete row) and calls again with
/// more bytes after it (`CSVRowBuffer` does that).
///
/// Quoted fields may hold delimiters, doubled quotes and line breaks (CRLF, LF or CR); a quote in
/// the middle of an unquoted field, or text after a closing quote, is kept as it stands, as Excel
/// and LibreOffice read it. A quoted field with a doubled quote or trailing text is unquoted in
/// place once its row is complete. Bytes are not decoded here: the delimiter and the quote are
/// ASCII in every encoding enquete reads (UTF-16 input is transcoded to UTF-8 before).
public struct CSVTokenizer {
  /// The field separator (`;`, `,` or tab).
  public let delimiter: UInt8
  /// Bounds on fields, rows and lines.
  public let limits: CSVLimits

  private let fields: CSVFieldTable
  /// Line where the next row starts (1-based).
  private var line = 1
  /// Absolute offset of the first byte of the current physical line.
  private var lineStart = 0
  /// Absolute offset of the first byte of the buffer passed next.
  private var consumed = 0

  /// A tokenizer for one file (or for a part of it that starts on `line`).
  public init(delimiter: UInt8, limits: CSVLimits = .standard, line: Int = 1) {
    self.delimiter = delimiter
    self.limits = limits
    self.line = line
    fields = CSVFieldTable(capacity: limits.maximumFieldsPerRow + 1, delimiter: delimiter)
  }

  /// The line the tokenizer is on (1-based): after the last buffer, the number of lines read.
  public var currentLine: Int { line }

  /// Reads the complete rows at the front of `buffer`, calling `onRow` for each, and returns the
  /// number of bytes they took. The next call must pass a buffer that starts with the bytes not
  /// taken. With `isLast`, the end of the buffer ends the last row (and an open quote is an error).
  ///
  /// `takeLine` is offered each row first: when it takes it whole (a plain row on one line, ending
  /// with LF or CRLF before the `end` it is given), it returns the offset past the line break and
  /// the row is not tokenized nor handed to `onRow`. Its `end` keeps a row taken whole within the
  /// limits on field and line lengths.
  /// - Complexity: O(buffer size) for the rows handed out; an incomplete row is read again next time.
  public mutating func tokenize(
    _ buffer: UnsafeMutableBufferPointer<UInt8>, isLast: Bool,
    takeLine: (CSVPendingLine) -> Int? = { _ in nil }, onRow: (CSVRow) throws -> Void
  ) throws -> Int {
    guard let base = buffer.baseAddress else { return 0 }
    var scanner = CSVRowScanner(
      base: base, count: buffer.count, isLast: isLast, delimiter: delimiter, limits: limits,
      fields: fields, line: line, lineStart: lineStart - consumed)
    let reach = min(limits.maximumFieldBytes, limits.maximumLineBytes)
    var taken = 0
    while taken < buffer.count {
      let pending = CSVPendingLine(
        text: UnsafePointer(base), start: taken, end: min(buffer.count, taken + reach),
        line: scanner.committedLine, delimiter: delimiter)
      if let next = takeLine(pending) {
        scanner.skipLine(to: next)
        taken = next
        continue
      }
      guard let next = try scanner.scanRow(from: taken) else { break }
      if scanner.fieldCount > 0 {
        scanner.unquoteMarkedFields()
        try onRow(scanner.row(consumed: consumed))
      }
      scanner.commit()
      taken = next
    }
    line = scanner.committedLine
    lineStart = scanner.committedLineStart + consumed
    consumed += taken
    return taken
  }
}

/// Where the fields of the current row are: preallocated once per tokenizer, so that reading a row
/// allocates nothing. A class only to free its memory.
final class CSVFieldTable {
  let starts: UnsafeMutablePointer<Int>
  let ends: UnsafeMutablePointer<Int>
  let columns: UnsafeMutablePointer<Int>
  let quoted: UnsafeMutablePointer<Bool>
  let needsUnquoting: UnsafeMutablePointer<Bool>
  /// For each byte, whether it ends an unquoted field (the delimiter, CR, LF).
  let stops: UnsafeMutablePointer<Bool>
  let capacity: Int

  init(capacity: Int, delimiter: UInt8) {
    self.capacity = capacity
    starts = .allocate(capacity: capacity)
    ends = .allocate(capacity: capacity)
    columns = .allocate(capacity: capacity)
    quoted = .allocate(capacity: capacity)
    needsUnquoting = .allocate(capacity: capacity)
    stops = .allocate(capacity: 256)
    stops.initialize(repeating: false, count: 256)
    stops[Int(delimiter)] = true
    stops[Int(UInt8(ascii: "\n"))] = true
    stops[Int(UInt8(ascii: "\r"))] = true
  }

  deinit {
    starts.deallocate()
    ends.deallocate()
    columns.deallocate()
    quoted.deallocate()
    needsUnquoting.deallocate()
    stops.deallocate()
  }
}
