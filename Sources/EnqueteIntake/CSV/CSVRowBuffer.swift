#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// Where CSV text waits to be tokenized: complete rows leave from the front, an incomplete row
/// stays and more text is appended after it, so that every row the tokenizer sees lies whole in
/// one contiguous buffer. Grows only for a row longer than what it holds.
final class CSVRowBuffer {
  private var storage: UnsafeMutablePointer<UInt8>
  private var capacity: Int
  /// Bytes of text held.
  private(set) var count = 0
  /// After an attempt that took nothing, wait for this many bytes before trying again, so that a
  /// very long row is not read over and over (amortised linear time).
  private var retryAt = 0

  init(capacity: Int) {
    self.capacity = max(capacity, 16)
    storage = .allocate(capacity: self.capacity)
  }

  deinit { storage.deallocate() }

  /// The text held.
  var text: UnsafeMutableBufferPointer<UInt8> { UnsafeMutableBufferPointer(start: storage, count: count) }

  /// Whether enough text arrived since the last fruitless attempt to try tokenizing again.
  var isWorthTokenizing: Bool { count >= retryAt }

  /// Free space after the text, at least `minimum` bytes (the buffer grows when needed).
  func freeSpace(atLeast minimum: Int) -> UnsafeMutableBufferPointer<UInt8> {
    if capacity - count < minimum {
      let grown = max(capacity * 2, count + minimum)
      let larger = UnsafeMutablePointer<UInt8>.allocate(capacity: grown)
      larger.update(from: storage, count: count)
      storage.deallocate()
      storage = larger
      capacity = grown
    }
    return UnsafeMutableBufferPointer(start: storage + count, count: capacity - count)
  }

  /// Counts `written` bytes put in the free space as text.
  func commit(_ written: Int) { count += written }

  /// Appends a copy of `bytes`.
  func append(_ bytes: UnsafeBufferPointer<UInt8>) {
    guard let source = bytes.baseAddress, !bytes.isEmpty else { return }
    let free = freeSpace(atLeast: bytes.count)
    free.baseAddress!.update(from: source, count: bytes.count)
    count += bytes.count
  }

  /// Drops the first `taken` bytes (the rows handed out); when nothing was taken, waits for the
  /// held text to double before the next attempt.
  func drop(_ taken: Int) {
    guard taken > 0 else {
      retryAt = count * 2
      return
    }
    let rest = count - taken
    if rest > 0 { storage.update(from: storage + taken, count: rest) }
    count = rest
    retryAt = 0
  }
}
