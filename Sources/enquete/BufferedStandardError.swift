import Foundation

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// Text for stderr gathered into pieces of 64 KiB before it is written, from any thread.
final class BufferedStandardError: @unchecked Sendable {
  private let lock = NSLock()
  private var pending: [UInt8] = []
  private let pieceBytes = 64 << 10

  /// Adds `text`, writing the buffer once it holds a piece.
  func append(_ text: String) {
    lock.lock()
    defer { lock.unlock() }
    pending.append(contentsOf: text.utf8)
    if pending.count >= pieceBytes { writePending() }
  }

  /// Writes whatever is buffered.
  func flush() {
    lock.lock()
    defer { lock.unlock() }
    writePending()
  }

  /// Writes the buffer whole (a short write, or one interrupted, goes on from where it stopped).
  private func writePending() {
    var written = 0
    pending.withUnsafeBytes { bytes in
      while written < bytes.count {
        let count = write(STDERR_FILENO, bytes.baseAddress! + written, bytes.count - written)
        if count < 0 && errno == EINTR { continue }
        guard count > 0 else { break }
        written += count
      }
    }
    pending.removeAll(keepingCapacity: true)
  }
}
