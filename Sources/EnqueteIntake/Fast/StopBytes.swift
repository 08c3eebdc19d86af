/// Finds the end of an unquoted field eight bytes at a time: the delimiter, CR, LF or a quote
/// (which sends the row to the usual path).
struct StopBytes {
  private let delimiterPattern: UInt64
  private let delimiter: UInt8
  private static let lineFeedPattern: UInt64 = 0x0A0A_0A0A_0A0A_0A0A
  private static let carriageReturnPattern: UInt64 = 0x0D0D_0D0D_0D0D_0D0D
  private static let quotePattern: UInt64 = 0x2222_2222_2222_2222

  init(delimiter: UInt8) {
    self.delimiter = delimiter
    delimiterPattern = UInt64(delimiter) &* 0x0101_0101_0101_0101
  }

  /// The offset of the first stop byte from `index`; one must come before `end`.
  @inline(__always)
  func next(_ text: UnsafePointer<UInt8>, from start: Int, end: Int) -> Int {
    var index = start
    while index + 8 <= end {
      let word = UnsafeRawPointer(text + index).loadUnaligned(as: UInt64.self)
      let hits =
        Self.equal(word, delimiterPattern) | Self.equal(word, Self.lineFeedPattern)
        | Self.equal(word, Self.carriageReturnPattern) | Self.equal(word, Self.quotePattern)
      if hits != 0 { return index + hits.trailingZeroBitCount &>> 3 }
      index += 8
    }
    while true {
      let byte = text[index]
      if byte == delimiter || byte == 0x0A || byte == 0x0D || byte == 0x22 { return index }
      index += 1
    }
  }

  /// The high bit of each byte of `word` equal to the byte of `pattern` (exact, no borrow).
  @inline(__always)
  static func equal(_ word: UInt64, _ pattern: UInt64) -> UInt64 {
    let difference = word ^ pattern
    let low: UInt64 = 0x7F7F_7F7F_7F7F_7F7F
    return ~(((difference & low) &+ low) | difference | low)
  }
}
