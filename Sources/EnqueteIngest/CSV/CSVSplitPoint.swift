#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// Where to cut a CSV file for two readers: what a second reader needs to start in the middle.
public enum CSVSplitPoint {
  /// The offset just after the first LF at or after `offset` (nil when none in the next MiB):
  /// where a second reader can guess a row starts. It is only a guess (the LF may be inside a
  /// quoted field); the first reader, stopping there, tells whether a row really ended there.
  public static func rowStart(after offset: Int, path: String) throws -> Int? {
    let descriptor = open(path, O_RDONLY)
    guard descriptor >= 0 else { throw FileReadError(path: path, code: errno) }
    defer { close(descriptor) }
    var buffer = [UInt8](repeating: 0, count: 1 << 20)
    let count = buffer.withUnsafeMutableBytes { pread(descriptor, $0.baseAddress, $0.count, off_t(offset)) }
    guard count > 0, let found = buffer[0..<count].firstIndex(of: 0x0A) else { return nil }
    return offset + found + 1
  }
}
