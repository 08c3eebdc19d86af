import EnqueteCore
import Foundation

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// What reading an XML submission gave, beyond its reports.
public struct XMLReadOutcome: Sendable {
  /// The survey its namespace names, when known.
  public var survey: SurveyID?
  /// Reports handed to the callback.
  public var reportCount = 0
  /// Problems with the file as a whole (malformed, forbidden DTD, unknown namespace…) and notes.
  public var diagnostics: [Diagnostic] = []
  /// False when the file must be refused as a whole; its reports, if any were handed out, go with it.
  public var isReadable = true
}

/// Bounds on XML input, each with its own message.
public struct XMLLimits: Sendable, Hashable {
  /// Largest file accepted, in bytes.
  public var maximumFileBytes: Int
  /// Deepest nesting accepted (submissions need 4).
  public var maximumDepth: Int

  /// A set of limits.
  public init(maximumFileBytes: Int, maximumDepth: Int) {
    self.maximumFileBytes = maximumFileBytes
    self.maximumDepth = maximumDepth
  }

  /// Defaults: 4 GiB, depth 16.
  public static let standard = XMLLimits(maximumFileBytes: 4 << 30, maximumDepth: 16)
}

/// Streams an XML submission through libxml2's SAX2 push parser with the survey's XSD plugged in,
/// handing each `<rapport>` (with its per-measure detail) to a callback once complete.
///
/// Safety: a DOCTYPE is refused before libxml2 sees the file; the parser runs without network,
/// without entity substitution or DTD loading, without `XML_PARSE_HUGE`, and stops past
/// `limits.maximumDepth`. Memory stays at one chunk and one report whatever the file size; line
/// numbers are right past 65 535.
public struct XMLSubmissionReader: Sendable {
  /// Bounds on the input.
  public var limits = XMLLimits.standard
  /// Bytes handed to the parser at a time.
  static let chunkSize = 256 * 1024

  /// A reader with the standard limits.
  public init() {}

  /// Reads the file at `path`, a chunk at a time; `name` is how diagnostics name it.
  ///
  /// - Complexity: O(file size) time, O(chunk + largest report) memory.
  public func read(
    path: String, name: String, onReport: (RawReport) throws -> Void
  ) rethrows -> XMLReadOutcome {
    try read(path: path, name: name) { try onReport($0.report()) }
  }

  /// The same, handing out reports as drafts (their `RawReport` not built yet).
  func read(
    path: String, name: String, onDraft: (ReportDraft) throws -> Void
  ) rethrows -> XMLReadOutcome {
    var status = stat()
    let descriptor = open(path, O_RDONLY)
    guard descriptor >= 0, fstat(descriptor, &status) == 0 else {
      if descriptor >= 0 { close(descriptor) }
      return XMLReadOutcome(diagnostics: [.fileUnreadable(name)], isReadable: false)
    }
    defer { close(descriptor) }
    let buffer = UnsafeMutableRawBufferPointer.allocate(byteCount: Self.chunkSize, alignment: 16)
    defer { buffer.deallocate() }
    var failed = false
    var outcome = try read(size: Int(status.st_size), name: name, onDraft: onDraft) {
      guard !failed else { return nil }
      var filled = 0
      while filled < buffer.count {
        let count = readBytes(descriptor, buffer.baseAddress! + filled, buffer.count - filled)
        if count < 0, errno == EINTR { continue }
        if count < 0 { failed = true }
        if count <= 0 { break }
        filled += count
      }
      return UnsafeRawBufferPointer(rebasing: buffer[0..<filled])
    }
    if failed {
      outcome.isReadable = false
      outcome.diagnostics.append(.fileUnreadable(name))
    }
    return outcome
  }

  /// Reads a submission held in memory (an upload, a test).
  ///
  /// - Complexity: O(bytes) time; the parser copies one chunk at a time.
  public func read(
    bytes: [UInt8], name: String, onReport: (RawReport) throws -> Void
  ) rethrows -> XMLReadOutcome {
    try readDrafts(bytes: bytes, name: name) { try onReport($0.report()) }
  }

  /// Reads a submission held in memory, handing out each report as a draft (its `RawReport` not
  /// built yet).
  ///
  /// - Complexity: O(bytes) time; the parser copies one chunk at a time.
  public func readDrafts(
    bytes: [UInt8], name: String, onDraft: (ReportDraft) throws -> Void
  ) rethrows -> XMLReadOutcome {
    try bytes.withUnsafeBytes { all in
      var offset = 0
      return try read(size: all.count, name: name, onDraft: onDraft) {
        let end = min(all.count, offset + Self.chunkSize)
        defer { offset = end }
        return UnsafeRawBufferPointer(rebasing: all[offset..<end])
      }
    }
  }

  /// Checks the size, then reads what `next` gives (an empty chunk at the end, nil if the input
  /// cannot be read further) through an ``XMLIncrementalReader``; a chunk is valid until the next
  /// call.
  private func read(
    size: Int, name: String, onDraft: (ReportDraft) throws -> Void, next: () -> UnsafeRawBufferPointer?
  ) rethrows -> XMLReadOutcome {
    if size == 0 { return XMLReadOutcome(diagnostics: [.fileEmpty(name)], isReadable: false) }
    if size > limits.maximumFileBytes {
      return XMLReadOutcome(
        diagnostics: [.fileTooLarge(name, limit: limits.maximumFileBytes)], isReadable: false)
    }
    let reader = XMLIncrementalReader(name: name, limits: limits)
    while reader.wantsMore {
      // Unreadable from here: the caller says so; a parse of the truncated file would add noise.
      guard let chunk = next() else { return XMLReadOutcome(survey: reader.survey, isReadable: false) }
      if chunk.isEmpty { break }
      try reader.feed(chunk, onDraft: onDraft)
    }
    return try reader.finish(onDraft: onDraft)
  }
}

/// POSIX `read`, out of reach of the reader's own `read` methods.
private func readBytes(_ descriptor: Int32, _ into: UnsafeMutableRawPointer, _ count: Int) -> Int {
  read(descriptor, into, count)
}
