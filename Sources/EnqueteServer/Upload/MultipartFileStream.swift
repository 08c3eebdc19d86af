import Foundation

/// Takes the file out of a `multipart/form-data` body as its bytes arrive, without holding the
/// body: bytes of the first part that carries a file name go to the sink, and those of a part named
/// `mesures` (a CSV report file's per-measure detail, `…-mesures.csv`) too, marked as the companion;
/// the other parts are skipped. Memory stays at one chunk plus the boundary.
struct MultipartFileStream {
  /// What the form's file part declared.
  struct FilePart: Sendable, Hashable {
    /// The file name the browser sent (its last path component).
    var fileName: String
    /// The part's `Content-Type`, lowercased, when given.
    var contentType: String?
    /// The form field's name, when given.
    var field: String?
  }

  /// The form field that carries a CSV report file's per-measure detail.
  static let companionField = "mesures"

  /// A body that is not well-formed multipart.
  struct Malformed: Error {}

  /// Where a part's bytes go.
  private enum Target { case skip, file, companion }

  private enum State {
    case preamble, headers, body(Target), epilogue
  }

  private let delimiter: [UInt8]
  private var state = State.preamble
  private var pending: [UInt8] = []
  /// The file part, once its headers were read.
  private(set) var file: FilePart?
  /// The companion part (field `mesures`), once its headers were read.
  private(set) var companion: FilePart?

  /// Headers of one part may not exceed this (a browser sends a few hundred bytes).
  static let maximumHeaderBytes = 16 * 1024

  /// A stream for the body of a request whose boundary is `boundary`.
  init(boundary: String) {
    delimiter = Array("\r\n--\(boundary)".utf8)
    // The first delimiter may start the body, without the CRLF before it.
    pending = Array("\r\n".utf8)
  }

  /// Whether the body ended properly (the closing delimiter was seen).
  var isComplete: Bool {
    if case .epilogue = state { return true }
    return false
  }

  /// Feeds the next bytes of the body; the file's bytes among them go to `sink` (its first
  /// argument true for the companion's).
  mutating func feed(_ bytes: some Collection<UInt8>, sink: (Bool, [UInt8]) throws -> Void) throws {
    pending.append(contentsOf: bytes)
    while true {
      switch state {
      case .preamble:
        guard let found = Self.find(delimiter, in: pending) else {
          pending.removeFirst(max(0, pending.count - delimiter.count))
          return
        }
        pending.removeFirst(found + delimiter.count)
        state = .headers
      case .headers:
        guard pending.count >= 2 else { return }
        if pending.starts(with: Array("--".utf8)) {
          state = .epilogue
          continue
        }
        guard let end = Self.find(Array("\r\n\r\n".utf8), in: pending) else {
          if pending.count > Self.maximumHeaderBytes { throw Malformed() }
          return
        }
        let head = String(decoding: pending[..<end], as: UTF8.self)
        pending.removeFirst(end + 4)
        var target = Target.skip
        if let part = Self.filePart(head) {
          if part.field == Self.companionField {
            if companion == nil {
              companion = part
              target = .companion
            }
          } else if file == nil {
            file = part
            target = .file
          }
        }
        state = .body(target)
      case .body(let target):
        if let found = Self.find(delimiter, in: pending) {
          if target != .skip {
            try sink(target == .companion, Array(pending[..<found]))
          }
          pending.removeFirst(found + delimiter.count)
          state = .headers
          continue
        }
        let safe = max(0, pending.count - delimiter.count)
        if target != .skip, safe > 0 { try sink(target == .companion, Array(pending[..<safe])) }
        pending.removeFirst(safe)
        return
      case .epilogue:
        pending.removeAll()
        return
      }
    }
  }

  /// The part's file name, type and field, when its `Content-Disposition` names a file (a file
  /// field left empty in a browser's form sends `filename=""`: no file).
  static func filePart(_ head: String) -> FilePart? {
    var fileName: String?
    var contentType: String?
    var field: String?
    for line in head.split(separator: "\r\n") {
      let lower = line.lowercased()
      if lower.hasPrefix("content-disposition:") {
        if let range = line.range(of: "filename=\"") {
          let name = line[range.upperBound...].prefix { $0 != "\"" }
          fileName = String(name.split(whereSeparator: { $0 == "/" || $0 == "\\" }).last ?? "")
        }
        if let range = line.range(of: " name=\"") ?? line.range(of: ";name=\"") {
          field = String(line[range.upperBound...].prefix { $0 != "\"" })
        }
      } else if lower.hasPrefix("content-type:") {
        contentType = lower.dropFirst("content-type:".count).trimmingCharacters(in: .whitespaces)
      }
    }
    guard let fileName, !fileName.isEmpty else { return nil }
    return FilePart(fileName: fileName, contentType: contentType, field: field)
  }

  /// The first index of `needle` in `haystack`.
  static func find(_ needle: [UInt8], in haystack: [UInt8]) -> Int? {
    guard !needle.isEmpty, haystack.count >= needle.count else { return nil }
    let first = needle[0]
    var index = 0
    while index <= haystack.count - needle.count {
      if haystack[index] == first, haystack[index..<(index + needle.count)].elementsEqual(needle) {
        return index
      }
      index += 1
    }
    return nil
  }
}
