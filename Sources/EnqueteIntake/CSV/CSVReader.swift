#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// What a CSV reader found out about a file before and while reading it.
public struct CSVDetection: Sendable, Hashable {
  /// The encoding a byte-order mark announced, if any.
  public var announcedEncoding: TextEncoding?
  /// The field delimiter, sniffed from the header line.
  public var delimiter: UInt8
  /// Whether lines end with CRLF (Windows, Excel) rather than LF.
  public var crlf: Bool
}

/// A file that could not be opened or read.
public struct FileReadError: Error, Hashable, Sendable {
  /// The path.
  public let path: String
  /// `errno` of the failing call.
  public let code: Int32
}

/// Reads a CSV from a file or from bytes in chunks: byte-order mark, delimiter sniffing, UTF-16
/// transcoding, then the tokenizer. Memory stays at about two chunks (more only for a row longer
/// than a chunk).
public struct CSVReader {
  /// Bytes read at a time.
  public var chunkSize = 256 * 1024
  /// Bounds for the tokenizer.
  public var limits = CSVLimits.standard

  /// A reader with the default chunk size and limits.
  public init() {}

  /// Reads the file at `path`, calling `onRow` for each row (the header first); returns what it detected.
  public func read(
    path: String, onDetect: (CSVDetection) -> Void = { _ in }, onRow: (CSVRow) throws -> Void
  ) throws -> CSVDetection {
    try read(path: path, slice: CSVSlice(), onDetect: onDetect, onRow: onRow).detection
  }

  /// Reads part of the file at `path` (see `CSVSlice`): the rows from `slice.start`, up to
  /// `slice.end` or the end of the file. `takeLines` may take plain rows whole before they are
  /// tokenized (see `CSVTokenizer`); `onRow` gets the others.
  public func read(
    path: String, slice: CSVSlice, onDetect: (CSVDetection) -> Void = { _ in },
    takeLines: (CSVPendingLines) -> CSVLinesTaken = { .none($0) }, onRow: (CSVRow) throws -> Void
  ) throws -> CSVSliceEnd {
    let descriptor = open(path, O_RDONLY)
    guard descriptor >= 0 else { throw FileReadError(path: path, code: errno) }
    defer { close(descriptor) }
    if slice.start > 0, lseek(descriptor, off_t(slice.start), SEEK_SET) < 0 {
      throw FileReadError(path: path, code: errno)
    }
    var remaining = slice.end.map { $0 - slice.start } ?? Int.max
    var readAhead = ReadAhead(descriptor: descriptor, start: slice.start, end: slice.end)
    var chunk = [UInt8](repeating: 0, count: chunkSize)
    var session = Session(limits: limits, chunkSize: chunkSize, resuming: slice.resuming)
    if let detection = slice.resuming?.detection { onDetect(detection) }
    func fill(_ space: UnsafeMutableRawBufferPointer) throws -> Int {
      guard remaining > 0 else { return 0 }
      var count: Int
      repeat {
        count = systemRead(descriptor, space.baseAddress, min(space.count, remaining))
      } while count < 0 && errno == EINTR
      if count < 0 { throw FileReadError(path: path, code: errno) }
      remaining -= count
      readAhead.advance(by: count)
      return count
    }
    while true {
      if let space = session.directSpace() {
        // Straight into the row buffer: no copy.
        let count = try fill(UnsafeMutableRawBufferPointer(space))
        if count == 0 { break }
        try session.commitDirect(count, takeLines: takeLines, onRow: onRow)
      } else {
        let count = try chunk.withUnsafeMutableBytes { try fill($0) }
        if count == 0 { break }
        try chunk.withUnsafeBufferPointer {
          try session.feed(
            UnsafeBufferPointer(rebasing: $0[0..<count]), onDetect: onDetect, takeLines: takeLines,
            onRow: onRow
          )
        }
      }
    }
    if slice.end != nil {
      return try session.pause(onDetect: onDetect, takeLines: takeLines, onRow: onRow)
    }
    let detection = try session.finish(onDetect: onDetect, takeLines: takeLines, onRow: onRow)
    return CSVSliceEnd(detection: detection, unreadBytes: 0, nextLine: session.tokenizer!.currentLine)
  }

  /// Reads CSV held in memory (an upload, a test), `chunkSize` bytes at a time.
  public func read(
    bytes: [UInt8], onDetect: (CSVDetection) -> Void = { _ in },
    takeLines: (CSVPendingLines) -> CSVLinesTaken = { .none($0) }, onRow: (CSVRow) throws -> Void
  ) throws -> CSVDetection {
    var session = Session(limits: limits, chunkSize: chunkSize)
    var offset = 0
    repeat {
      let end = min(bytes.count, offset + chunkSize)
      try bytes[offset..<end].withUnsafeBufferPointer {
        try session.feed($0, onDetect: onDetect, takeLines: takeLines, onRow: onRow)
      }
      offset = end
    } while offset < bytes.count
    return try session.finish(onDetect: onDetect, takeLines: takeLines, onRow: onRow)
  }

  /// The state of one read: detection on the first bytes, then tokenizing.
  private struct Session {
    let limits: CSVLimits
    let chunkSize: Int
    var detection: CSVDetection? = nil
    var tokenizer: CSVTokenizer? = nil
    var transcoder: UTF16Transcoder? = nil
    var head: [UInt8] = []
    let text: CSVRowBuffer

    init(limits: CSVLimits, chunkSize: Int, resuming: CSVResumePoint? = nil) {
      self.limits = limits
      self.chunkSize = chunkSize
      text = CSVRowBuffer(capacity: 2 * chunkSize)
      if let resuming {
        detection = resuming.detection
        tokenizer = CSVTokenizer(delimiter: resuming.detection.delimiter, limits: limits, line: resuming.line)
      }
    }

    /// Stops before the end of the file: the rows complete so far are handed out; returns how many
    /// bytes were left (an incomplete row).
    mutating func pause(
      onDetect: (CSVDetection) -> Void, takeLines: (CSVPendingLines) -> CSVLinesTaken,
      onRow: (CSVRow) throws -> Void
    ) throws -> CSVSliceEnd {
      if tokenizer == nil { try start(onDetect: onDetect, takeLines: takeLines, onRow: onRow) }
      let taken = try tokenizer!.tokenize(text.text, isLast: false, takeLines: takeLines, onRow: onRow)
      text.drop(taken)
      return CSVSliceEnd(detection: detection!, unreadBytes: text.count, nextLine: tokenizer!.currentLine)
    }

    /// Free space of the row buffer to read into, once detection is done and no transcoding is needed.
    func directSpace() -> UnsafeMutableBufferPointer<UInt8>? {
      guard tokenizer != nil, transcoder == nil else { return nil }
      return text.freeSpace(atLeast: chunkSize)
    }

    mutating func commitDirect(
      _ count: Int, takeLines: (CSVPendingLines) -> CSVLinesTaken, onRow: (CSVRow) throws -> Void
    ) throws {
      text.commit(count)
      try tokenize(isLast: false, takeLines: takeLines, onRow: onRow)
    }

    mutating func feed(
      _ chunk: UnsafeBufferPointer<UInt8>, onDetect: (CSVDetection) -> Void,
      takeLines: (CSVPendingLines) -> CSVLinesTaken, onRow: (CSVRow) throws -> Void
    ) throws {
      if tokenizer == nil {
        // Wait for a whole header line (or 64 KiB) before sniffing.
        head.append(contentsOf: chunk)
        guard head.contains(UInt8(ascii: "\n")) || head.count >= 64 * 1024 else { return }
        try start(onDetect: onDetect, takeLines: takeLines, onRow: onRow)
        return
      }
      if transcoder != nil {
        let utf8 = transcoder!.transcode(chunk)
        utf8.withUnsafeBufferPointer { text.append($0) }
      } else {
        text.append(chunk)
      }
      try tokenize(isLast: false, takeLines: takeLines, onRow: onRow)
    }

    mutating func finish(
      onDetect: (CSVDetection) -> Void, takeLines: (CSVPendingLines) -> CSVLinesTaken,
      onRow: (CSVRow) throws -> Void
    ) throws -> CSVDetection {
      if tokenizer == nil { try start(onDetect: onDetect, takeLines: takeLines, onRow: onRow) }
      if var transcoder {
        let rest = transcoder.finish()
        rest.withUnsafeBufferPointer { text.append($0) }
      }
      try tokenize(isLast: true, takeLines: takeLines, onRow: onRow)
      return detection!
    }

    private mutating func tokenize(
      isLast: Bool, takeLines: (CSVPendingLines) -> CSVLinesTaken, onRow: (CSVRow) throws -> Void
    ) throws {
      guard isLast || text.isWorthTokenizing else { return }
      let taken = try tokenizer!.tokenize(text.text, isLast: isLast, takeLines: takeLines, onRow: onRow)
      text.drop(taken)
    }

    private mutating func start(
      onDetect: (CSVDetection) -> Void, takeLines: (CSVPendingLines) -> CSVLinesTaken,
      onRow: (CSVRow) throws -> Void
    ) throws {
      var body = head[...]
      let announced = TextEncoding.byteOrderMark(head)
      if let (encoding, length) = announced {
        body = body.dropFirst(length)
        if encoding == .utf16LE || encoding == .utf16BE {
          transcoder = UTF16Transcoder(littleEndian: encoding == .utf16LE)
        }
      }
      var decoded = Array(body)
      if transcoder != nil { decoded = decoded.withUnsafeBufferPointer { transcoder!.transcode($0) } }
      let firstLine = decoded.prefix { $0 != UInt8(ascii: "\n") }
      let delimiter = DelimiterSniffer.sniff(decoded)
      detection = CSVDetection(
        announcedEncoding: announced?.0, delimiter: delimiter, crlf: firstLine.last == UInt8(ascii: "\r"))
      onDetect(detection!)
      tokenizer = CSVTokenizer(delimiter: delimiter, limits: limits)
      head = []
      decoded.withUnsafeBufferPointer { text.append($0) }
      try tokenize(isLast: false, takeLines: takeLines, onRow: onRow)
    }
  }
}

#if canImport(Glibc)
  private func systemRead(_ descriptor: Int32, _ buffer: UnsafeMutableRawPointer?, _ count: Int) -> Int {
    Glibc.read(descriptor, buffer, count)
  }
#else
  private func systemRead(_ descriptor: Int32, _ buffer: UnsafeMutableRawPointer?, _ count: Int) -> Int {
    Darwin.read(descriptor, buffer, count)
  }
#endif
