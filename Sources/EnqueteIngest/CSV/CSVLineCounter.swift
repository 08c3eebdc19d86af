#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// Counts line breaks in the first bytes of a file the way `CSVTokenizer` numbers lines (LF, CRLF
/// and a lone CR each end a line, inside quoted fields too), and finds where to split a file: what
/// a second reader needs to start in the middle of a file on the right line.
public enum CSVLineCounter {
  /// The line on which byte `offset` of the file lies (1-based).
  /// - Complexity: O(offset), eight bytes at a time.
  public static func line(at offset: Int, path: String) throws -> Int {
    let descriptor = open(path, O_RDONLY)
    guard descriptor >= 0 else { throw FileReadError(path: path, code: errno) }
    defer { close(descriptor) }
    let size = 1 << 20
    let buffer = UnsafeMutableRawPointer.allocate(byteCount: size + 8, alignment: 8)
    defer { buffer.deallocate() }
    var breaks = 0
    var position = 0
    var previousWasCarriageReturn = false
    while position < offset {
      let count = read(descriptor, buffer, min(size, offset - position))
      if count < 0 && errno == EINTR { continue }
      guard count > 0 else { break }
      // A CR at the end of the last buffer followed by an LF here was counted as a lone CR.
      if previousWasCarriageReturn && buffer.load(as: UInt8.self) == 0x0A { breaks -= 1 }
      breaks += countBreaks(UnsafeRawBufferPointer(start: buffer, count: count))
      previousWasCarriageReturn = buffer.load(fromByteOffset: count - 1, as: UInt8.self) == 0x0D
      position += count
    }
    return breaks + 1
  }

  /// Line breaks in `bytes`: LFs, plus CRs not followed by an LF (in `bytes`).
  static func countBreaks(_ bytes: UnsafeRawBufferPointer) -> Int {
    var lineFeeds = 0
    var carriageReturns = 0
    var pairs = 0
    var index = 0
    var lastWasCarriageReturn = false
    while index + 8 <= bytes.count {
      let word = bytes.loadUnaligned(fromByteOffset: index, as: UInt64.self)
      let lf = equal(word, 0x0A)
      let cr = equal(word, 0x0D)
      lineFeeds += lf.nonzeroBitCount
      carriageReturns += cr.nonzeroBitCount
      pairs += (cr & (lf >> 8)).nonzeroBitCount
      if lastWasCarriageReturn && lf & 0x80 != 0 { pairs += 1 }
      lastWasCarriageReturn = cr >> 63 != 0
      index += 8
    }
    while index < bytes.count {
      let byte = bytes[index]
      if byte == 0x0A {
        lineFeeds += 1
        if lastWasCarriageReturn { pairs += 1 }
      } else if byte == 0x0D {
        carriageReturns += 1
      }
      lastWasCarriageReturn = byte == 0x0D
      index += 1
    }
    return lineFeeds + carriageReturns - pairs
  }

  /// The offset just after the first LF at or after `offset` (nil when none): where a second
  /// reader can guess a row starts. It is only a guess (the LF may be inside a quoted field); the
  /// first reader, stopping there, tells whether a row really ended there.
  public static func rowStart(after offset: Int, path: String) throws -> Int? {
    let descriptor = open(path, O_RDONLY)
    guard descriptor >= 0 else { throw FileReadError(path: path, code: errno) }
    defer { close(descriptor) }
    var buffer = [UInt8](repeating: 0, count: 1 << 20)
    let count = buffer.withUnsafeMutableBytes { pread(descriptor, $0.baseAddress, $0.count, off_t(offset)) }
    guard count > 0, let found = buffer[0..<count].firstIndex(of: 0x0A) else { return nil }
    return offset + found + 1
  }

  /// The high bit of each byte of `word` equal to `byte`.
  private static func equal(_ word: UInt64, _ byte: UInt8) -> UInt64 {
    let difference = word ^ (UInt64(byte) &* 0x0101_0101_0101_0101)
    let low: UInt64 = 0x7F7F_7F7F_7F7F_7F7F
    return ~(((difference & low) &+ low) | difference | low)
  }
}
