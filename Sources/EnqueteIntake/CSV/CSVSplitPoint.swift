#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// Where to cut a CSV file for several readers: what a reader needs to start in the middle.
public enum CSVSplitPoint {
  /// The offset just after the first LF at or after `offset` (nil when none in the next MiB):
  /// where another reader can guess a row starts. It is only a guess (the LF may be inside a
  /// quoted field); the reader of the part before, stopping there, tells whether a row really
  /// ended there.
  public static func rowStart(after offset: Int, path: String) throws -> Int? {
    let descriptor = open(path, O_RDONLY)
    guard descriptor >= 0 else { throw FileReadError(path: path, code: errno) }
    defer { close(descriptor) }
    return rowStart(after: offset, descriptor: descriptor)
  }

  /// The file cut into about `count` pieces of equal size, each cut moved to just after a LF
  /// (`rowStart`): the offsets `0 < c₁ < … < size`, the pieces being between consecutive ones.
  /// Cuts that find no LF within a MiB, or the same LF as the one before, are left out.
  public static func pieces(of path: String, size: Int, count: Int) throws -> [Int] {
    let descriptor = open(path, O_RDONLY)
    guard descriptor >= 0 else { throw FileReadError(path: path, code: errno) }
    defer { close(descriptor) }
    var cuts = [0]
    for index in 1..<max(count, 1) {
      guard let cut = rowStart(after: size / count * index, descriptor: descriptor) else { continue }
      if cut > cuts[cuts.count - 1], cut < size { cuts.append(cut) }
    }
    cuts.append(size)
    return cuts
  }

  /// `rowStart` on an open file, reading 4 KiB at a time (rows are short; a MiB at most).
  private static func rowStart(after offset: Int, descriptor: Int32) -> Int? {
    var buffer = [UInt8](repeating: 0, count: 4 << 10)
    var start = offset
    while start < offset + (1 << 20) {
      let count = buffer.withUnsafeMutableBytes { pread(descriptor, $0.baseAddress, $0.count, off_t(start)) }
      guard count > 0 else { return nil }
      if let found = buffer[0..<count].firstIndex(of: 0x0A) { return start + found + 1 }
      start += count
    }
    return nil
  }
}
