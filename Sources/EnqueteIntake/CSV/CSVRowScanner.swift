/// Reads one row of CSV text from a buffer for `CSVTokenizer`: records where each field starts and
/// ends, counts physical lines, and enforces the limits. Nothing is copied; a field that needs
/// unquoting (a doubled quote, text after the closing quote) is marked, and unquoted in place only
/// once its row is known to be complete, so that an incomplete row can be read again unchanged.
struct CSVRowScanner {
  private static let quote = UInt8(ascii: "\"")
  private static let lineFeed = UInt8(ascii: "\n")
  private static let carriageReturn = UInt8(ascii: "\r")

  private let base: UnsafeMutablePointer<UInt8>
  private let count: Int
  private let isLast: Bool
  private let delimiter: UInt8
  private let limits: CSVLimits
  private let fields: CSVFieldTable
  private let delimiterPattern: UInt64

  /// Line and line start (offset in the buffer) after the last complete row.
  private(set) var committedLine: Int
  private(set) var committedLineStart: Int
  /// Fields of the row just read.
  private(set) var fieldCount = 0
  private var rowLine = 0
  private var line: Int
  private var lineStart: Int
  private var anyNeedsUnquoting = false

  init(
    base: UnsafeMutablePointer<UInt8>, count: Int, isLast: Bool, delimiter: UInt8, limits: CSVLimits,
    fields: CSVFieldTable, line: Int, lineStart: Int
  ) {
    self.base = base
    self.count = count
    self.isLast = isLast
    self.delimiter = delimiter
    self.limits = limits
    self.fields = fields
    delimiterPattern = UInt64(delimiter) &* 0x0101_0101_0101_0101
    committedLine = line
    committedLineStart = lineStart
    self.line = line
    self.lineStart = lineStart
  }

  /// Reads the row starting at `start`: the offset just past it, or nil when the buffer ends first
  /// (and is not the last). With zero fields, there was nothing left but the end of the text.
  /// - Complexity: O(row length).
  mutating func scanRow(from start: Int) throws -> Int? {
    line = committedLine
    lineStart = committedLineStart
    rowLine = line
    fieldCount = 0
    anyNeedsUnquoting = false
    let text = base
    let stops = fields.stops
    var index = start
    while true {
      let fieldStart = index
      let column = fieldStart - lineStart + 1
      guard index < count else {
        guard isLast else { return nil }
        if fieldCount > 0 { try addField(index, index, column: column, quoted: false, unquote: false) }
        return count
      }
      var quoted = false
      var unquote = false
      var contentStart = fieldStart
      var escapes = 0
      if text[index] == Self.quote {
        let quoteLine = line
        index += 1
        contentStart = index
        while true {
          while index < count {
            let byte = text[index]
            if byte == Self.quote { break }
            if byte == Self.lineFeed {
              line += 1
              lineStart = index + 1
            } else if byte == Self.carriageReturn {
              if index + 1 < count {
                if text[index + 1] != Self.lineFeed {
                  line += 1
                  lineStart = index + 1
                }
              } else if !isLast {
                break
              }
            }
            index += 1
          }
          if index - contentStart - escapes > limits.maximumFieldBytes {
            throw CSVSyntaxError(kind: .fieldTooLong, line: quoteLine, column: column)
          }
          guard index + 1 < count, text[index] == Self.quote else {
            guard isLast else { return nil }
            if index < count {  // the closing quote is the last byte of the text
              try addField(contentStart, index, column: column, quoted: true, unquote: unquote)
              return count
            }
            throw CSVSyntaxError(kind: .unterminatedQuote, line: quoteLine, column: column)
          }
          let after = text[index + 1]
          if after == Self.quote {
            escapes += 1
            unquote = true
            index += 2
            continue
          }
          if after == delimiter || after == Self.lineFeed || after == Self.carriageReturn {
            quoted = true
            try addField(contentStart, index, column: column, quoted: true, unquote: unquote)
            index += 1
          } else {
            unquote = true  // Text after the closing quote: kept, as spreadsheets do.
            index += 1
          }
          break
        }
      }
      if !quoted {
        // Eight bytes at a time while the buffer has them, then byte by byte.
        var found = false
        while index + 8 <= count {
          let hits = stopBits(UnsafeRawPointer(text + index).loadUnaligned(as: UInt64.self))
          if hits != 0 {
            index += hits.trailingZeroBitCount &>> 3
            found = true
            break
          }
          index += 8
        }
        if !found {
          while index < count, !stops[Int(text[index])] { index += 1 }
        }
        if index - contentStart - escapes - (unquote ? 1 : 0) > limits.maximumFieldBytes {
          throw CSVSyntaxError(kind: .fieldTooLong, line: line, column: column)
        }
        guard index < count else {
          guard isLast else { return nil }
          try addField(contentStart, index, column: column, quoted: false, unquote: unquote)
          return count
        }
        try addField(contentStart, index, column: column, quoted: false, unquote: unquote)
      }
      if text[index] == delimiter {
        index += 1
        continue
      }
      return try endRow(terminatorAt: index)
    }
  }

  /// The high bit of every byte of `word` (little-endian) that is the delimiter, CR or LF: the
  /// exact zero-byte test (no false positive from borrows), three times, without a branch.
  @inline(__always)
  private func stopBits(_ word: UInt64) -> UInt64 {
    func equal(_ word: UInt64, _ pattern: UInt64) -> UInt64 {
      let difference = word ^ pattern
      let low: UInt64 = 0x7F7F_7F7F_7F7F_7F7F
      return ~(((difference & low) &+ low) | difference | low)
    }
    return equal(word, delimiterPattern) | equal(word, Self.lineFeedPattern)
      | equal(word, Self.carriageReturnPattern)
  }

  private static let lineFeedPattern = UInt64(lineFeed) &* 0x0101_0101_0101_0101
  private static let carriageReturnPattern = UInt64(carriageReturn) &* 0x0101_0101_0101_0101

  /// Ends the row at its CR or LF: the offset after the line break, or nil if a CR ends the buffer.
  private mutating func endRow(terminatorAt index: Int) throws -> Int? {
    if index + 1 - lineStart > limits.maximumLineBytes, rowLine == line {
      throw CSVSyntaxError(kind: .lineTooLong, line: line, column: 1)
    }
    var next = index + 1
    if base[index] == Self.carriageReturn {
      if next == count {
        guard isLast else { return nil }
      } else if base[next] == Self.lineFeed {
        next += 1
      }
    }
    line += 1
    lineStart = next
    return next
  }

  private mutating func addField(_ start: Int, _ end: Int, column: Int, quoted: Bool, unquote: Bool) throws {
    guard fieldCount < limits.maximumFieldsPerRow else {
      throw CSVSyntaxError(kind: .tooManyFields, line: rowLine, column: column)
    }
    fields.starts[fieldCount] = start
    fields.ends[fieldCount] = end
    fields.columns[fieldCount] = column
    fields.quoted[fieldCount] = quoted
    fields.needsUnquoting[fieldCount] = unquote
    anyNeedsUnquoting = anyNeedsUnquoting || unquote
    fieldCount += 1
  }

  /// Unquotes in place the fields marked while reading: `""` becomes `"`, the closing quote goes,
  /// text after it stays.
  mutating func unquoteMarkedFields() {
    guard anyNeedsUnquoting else { return }
    for field in 0..<fieldCount where fields.needsUnquoting[field] {
      var read = fields.starts[field]
      var write = read
      let end = fields.ends[field]
      var inQuotes = true
      while read < end {
        let byte = base[read]
        if inQuotes, byte == Self.quote {
          if read + 1 < end, base[read + 1] == Self.quote {
            read += 1
          } else {
            inQuotes = false
            read += 1
            continue
          }
        }
        base[write] = byte
        write += 1
        read += 1
      }
      fields.ends[field] = write
    }
  }

  /// The row just read, valid until the buffer changes.
  func row(consumed: Int) -> CSVRow {
    CSVRow(
      base: UnsafePointer(base), starts: UnsafePointer(fields.starts), ends: UnsafePointer(fields.ends),
      columnList: UnsafePointer(fields.columns), quotedList: UnsafePointer(fields.quoted),
      count: fieldCount, line: rowLine)
  }

  /// Goes past `rows` rows taken whole, one line each, the last ending just before `next`.
  mutating func skipLines(_ rows: Int, to next: Int) {
    committedLine += rows
    committedLineStart = next
  }

  /// Makes the row just read the starting point of the next.
  mutating func commit() {
    committedLine = line
    committedLineStart = lineStart
  }
}
