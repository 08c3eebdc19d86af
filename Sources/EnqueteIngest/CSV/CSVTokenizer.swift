/// A byte-level, streaming RFC 4180 tokenizer: feed it chunks of any size, get complete rows.
///
/// Quoted fields may hold delimiters, doubled quotes and line breaks (CRLF, LF or CR); a quote in
/// the middle of an unquoted field, or text after a closing quote, is kept as it stands, as Excel
/// and LibreOffice read it. Bytes are not decoded here: the delimiter and the quote are ASCII in
/// every encoding enquete reads (UTF-16 input is transcoded to UTF-8 before).
///
/// Memory is one row, whatever the file size.
public struct CSVTokenizer {
  private enum State {
    case fieldStart, unquoted, quoted, quoteInQuoted, afterCarriageReturn
  }

  private static let quote = UInt8(ascii: "\"")
  private static let lineFeed = UInt8(ascii: "\n")
  private static let carriageReturn = UInt8(ascii: "\r")

  /// The field separator (`;`, `,` or tab).
  public let delimiter: UInt8
  /// Bounds on fields, rows and lines.
  public let limits: CSVLimits

  private var state = State.fieldStart
  private var row = CSVRow()
  private var fieldStart = 0
  private var fieldColumn = 1
  private var quoteLine = 1
  private var quoteColumn = 1
  private var line = 1
  private var lineStart = 0
  private var consumed = 0
  /// A CR ended the previous chunk inside quotes: an LF opening this one belongs to it.
  private var carriageReturnEndedChunk = false

  /// A tokenizer for one file.
  public init(delimiter: UInt8, limits: CSVLimits = .standard) {
    self.delimiter = delimiter
    self.limits = limits
  }

  /// Reads `chunk`, calling `onRow` for every row it completes.
  /// - Complexity: O(chunk size); each byte is looked at once.
  public mutating func feed(
    _ chunk: UnsafeBufferPointer<UInt8>, onRow: (CSVRow) throws -> Void
  ) throws {
    let delimiter = self.delimiter
    var index = 0
    let count = chunk.count
    while index < count {
      switch state {
      case .afterCarriageReturn:
        if chunk[index] == Self.lineFeed {
          index += 1
          lineStart = consumed + index
        }
        state = .fieldStart
      case .fieldStart:
        if row.ends.isEmpty { row.line = line }
        let byte = chunk[index]
        fieldColumn = consumed + index - lineStart + 1
        fieldStart = row.bytes.count
        if byte == Self.quote {
          quoteLine = line
          quoteColumn = fieldColumn
          state = .quoted
          index += 1
        } else {
          state = .unquoted
        }
      case .unquoted:
        var end = index
        while end < count {
          let byte = chunk[end]
          if byte == delimiter || byte == Self.lineFeed || byte == Self.carriageReturn { break }
          end += 1
        }
        try append(chunk, index, end)
        index = end
        guard index < count else { break }
        let byte = chunk[index]
        index += 1
        try endField(quoted: false)
        if byte != delimiter { try endRow(byte: byte, at: index, onRow: onRow) } else { state = .fieldStart }
      case .quoted:
        var end = index
        if carriageReturnEndedChunk, chunk[index] == Self.lineFeed {
          line -= 1  // CRLF split between chunks: one line break, counted at the LF.
        }
        carriageReturnEndedChunk = false
        while end < count {
          let byte = chunk[end]
          if byte == Self.quote { break }
          if byte == Self.lineFeed
            || (byte == Self.carriageReturn && (end + 1 == count || chunk[end + 1] != Self.lineFeed))
          {
            line += 1
            lineStart = consumed + end + 1
            carriageReturnEndedChunk = byte == Self.carriageReturn && end + 1 == count
          }
          end += 1
        }
        try append(chunk, index, end)
        index = end
        if index < count {
          index += 1
          state = .quoteInQuoted
        }
      case .quoteInQuoted:
        let byte = chunk[index]
        if byte == Self.quote {
          try append(chunk, index, index + 1)
          index += 1
          state = .quoted
        } else if byte == delimiter {
          index += 1
          try endField(quoted: true)
          state = .fieldStart
        } else if byte == Self.lineFeed || byte == Self.carriageReturn {
          index += 1
          try endField(quoted: true)
          try endRow(byte: byte, at: index, onRow: onRow)
        } else {
          state = .unquoted  // Text after the closing quote: kept, as spreadsheets do.
        }
      }
    }
    consumed += count
  }

  /// Ends the input: emits the last row if the file does not end with a line break.
  public mutating func finish(onRow: (CSVRow) throws -> Void) throws {
    switch state {
    case .quoted:
      throw CSVSyntaxError(kind: .unterminatedQuote, line: quoteLine, column: quoteColumn)
    case .fieldStart, .afterCarriageReturn:
      guard !row.ends.isEmpty else { return }
      fieldStart = row.bytes.count
      try endField(quoted: false)
    case .unquoted:
      try endField(quoted: false)
    case .quoteInQuoted:
      try endField(quoted: true)
    }
    try onRow(row)
    row.reset(line: line)
    state = .fieldStart
  }

  /// The line the tokenizer is on (1-based): after `finish`, the number of lines read.
  public var currentLine: Int { line }

  private mutating func append(_ chunk: UnsafeBufferPointer<UInt8>, _ start: Int, _ end: Int) throws {
    guard end > start else { return }
    if row.bytes.count - fieldStart + (end - start) > limits.maximumFieldBytes {
      throw CSVSyntaxError(
        kind: .fieldTooLong, line: state == .quoted ? quoteLine : line, column: fieldColumn)
    }
    row.bytes.append(contentsOf: UnsafeBufferPointer(rebasing: chunk[start..<end]))
  }

  private mutating func endField(quoted: Bool) throws {
    guard row.ends.count < limits.maximumFieldsPerRow else {
      throw CSVSyntaxError(kind: .tooManyFields, line: row.line, column: fieldColumn)
    }
    row.ends.append(row.bytes.count)
    row.quoted.append(quoted)
    row.columns.append(fieldColumn)
  }

  private mutating func endRow(byte: UInt8, at index: Int, onRow: (CSVRow) throws -> Void) throws {
    let position = consumed + index
    if position - lineStart > limits.maximumLineBytes, row.line == line {
      throw CSVSyntaxError(kind: .lineTooLong, line: line, column: 1)
    }
    try onRow(row)
    line += 1
    lineStart = position
    row.reset(line: line)
    state = byte == Self.carriageReturn ? .afterCarriageReturn : .fieldStart
  }
}
