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
  /// `takeLines` is offered the rows first: it takes as many plain rows whole as it can (each on
  /// one line ending with LF or CRLF, within the `reach` it is given, which keeps them within the
  /// limits on field and line lengths); those are not tokenized nor handed to `onRow`. The
  /// tokenizer reads the next row itself, then offers the rest again.
  /// - Complexity: O(buffer size) for the rows handed out; an incomplete row is read again next time.
  public mutating func tokenize(
    _ buffer: UnsafeMutableBufferPointer<UInt8>, isLast: Bool,
    takeLines: (CSVPendingLines) -> CSVLinesTaken = { .none($0) }, onRow: (CSVRow) throws -> Void
  ) throws -> Int {
    guard let base = buffer.baseAddress else { return 0 }
    var scanner = CSVRowScanner(
      base: base, count: buffer.count, isLast: isLast, delimiter: delimiter, limits: limits,
      fields: fields, line: line, lineStart: lineStart - consumed)
    let reach = min(limits.maximumFieldBytes, limits.maximumLineBytes)
    var taken = 0
    while taken < buffer.count {
      let pending = CSVPendingLines(
        text: UnsafePointer(base), start: taken, count: buffer.count, reach: reach,
        line: scanner.committedLine,
        delimiter: delimiter)
      let whole = takeLines(pending)
      if whole.rows > 0 {
        scanner.skipLines(whole.rows, to: whole.end)
        taken = whole.end
        if taken == buffer.count { break }
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
