#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// Asks the kernel to bring the next part of a file being read into memory before the reader
/// gets there: a file whose pages are not all cached (a file just written by another program,
/// or pages the kernel reclaimed) is then read from disk while the rows before are parsed,
/// instead of stopping the reader at each missing page.
struct ReadAhead {
  private let descriptor: Int32
  private let end: Int?
  /// The offset the reader is at, and how far the kernel has been asked to read.
  private var position: Int
  private var requested: Int
  /// How far ahead of the reader the kernel is kept asked.
  static let window = 32 << 20

  /// Starts reading ahead `window` bytes from `start` (up to `end`, the end of the file if nil).
  init(descriptor: Int32, start: Int, end: Int?) {
    self.descriptor = descriptor
    self.end = end
    position = start
    requested = start
    #if canImport(Glibc)
      _ = posix_fadvise(descriptor, off_t(start), off_t(end.map { $0 - start } ?? 0), POSIX_FADV_SEQUENTIAL)
    #endif
    request(upTo: start + Self.window)
  }

  /// The reader read `count` more bytes: once it is half a window into what was asked for, the
  /// next half window is asked for.
  mutating func advance(by count: Int) {
    position += count
    if requested - position < Self.window / 2 { request(upTo: position + Self.window) }
  }

  private mutating func request(upTo target: Int) {
    let limit = end.map { min($0, target) } ?? target
    guard limit > requested else { return }
    #if canImport(Glibc)
      _ = posix_fadvise(descriptor, off_t(requested), off_t(limit - requested), POSIX_FADV_WILLNEED)
    #endif
    requested = limit
  }
}
