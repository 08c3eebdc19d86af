import EnqueteCore

/// Reports with remarks kept for later in a few bytes each: what the back pieces of a large CSV
/// file found waits in this form until it is kept and handed out (tens of thousands of warnings
/// held as `ValidatedReportSummary` values took about 580 bytes each, 8 MB on a 500 MB file).
///
/// Messages and SIRETs are kept as their UTF-8 bytes; codes, file names, variables and rules,
/// which repeat, once each. Unpacking gives back equal values.
struct PackedSummaries {
  private var bytes: [UInt8] = []
  private var strings: [String] = []
  private var stringIndex: [String: Int] = [:]
  /// How many summaries are packed.
  private(set) var count = 0

  /// Packs `summary` after the others.
  mutating func append(_ summary: ValidatedReportSummary) {
    optional(summary.siret) { $0.text($1) }
    integer(summary.line)
    bytes.append(summary.accepted ? 1 : 0)
    integer(summary.diagnostics.count)
    for diagnostic in summary.diagnostics {
      bytes.append(Self.severities.firstIndex(of: diagnostic.severity).map(UInt8.init) ?? 0)
      shared(diagnostic.code)
      text(diagnostic.message)
      shared(diagnostic.location.file)
      optional(diagnostic.location.line) { $0.integer($1) }
      optional(diagnostic.location.column) { $0.integer($1) }
      optional(diagnostic.report) { $0.text($1) }
      optional(diagnostic.variable) { $0.shared($1) }
      optional(diagnostic.rule) { $0.shared($1) }
    }
    count += 1
  }

  /// The summaries, in the order they were packed.
  func forEach(_ body: (ValidatedReportSummary) -> Void) {
    var reader = Reader(bytes: bytes, strings: strings)
    for _ in 0..<count {
      let siret = reader.optional { $0.text() }
      let line = reader.integer()
      let accepted = reader.byte() == 1
      let diagnostics = (0..<reader.integer()).map { _ in
        let severity = Self.severities[Int(reader.byte())]
        let code = reader.shared()
        let message = reader.text()
        let location = SourceLocation(
          file: reader.shared(), line: reader.optional { $0.integer() },
          column: reader.optional { $0.integer() })
        return Diagnostic(
          severity, code: code, message: message, location: location, report: reader.optional { $0.text() },
          variable: reader.optional { $0.shared() }, rule: reader.optional { $0.shared() })
      }
      body(ValidatedReportSummary(siret: siret, line: line, accepted: accepted, diagnostics: diagnostics))
    }
  }

  private static let severities: [Diagnostic.Severity] = [.note, .warning, .error]

  private mutating func integer(_ value: Int) {
    var rest = UInt64(bitPattern: Int64(value))
    while rest >= 0x80 {
      bytes.append(UInt8(rest & 0x7F) | 0x80)
      rest >>= 7
    }
    bytes.append(UInt8(rest))
  }

  private mutating func text(_ value: String) {
    let utf8 = value.utf8
    integer(utf8.count)
    bytes.append(contentsOf: utf8)
  }

  private mutating func shared(_ value: String) {
    if let index = stringIndex[value] { return integer(index) }
    stringIndex[value] = strings.count
    integer(strings.count)
    strings.append(value)
  }

  private mutating func optional<T>(_ value: T?, _ write: (inout PackedSummaries, T) -> Void) {
    guard let value else { return bytes.append(0) }
    bytes.append(1)
    write(&self, value)
  }

  /// Reads the bytes back in the order they were written.
  private struct Reader {
    let bytes: [UInt8]
    let strings: [String]
    var offset = 0

    mutating func byte() -> UInt8 {
      defer { offset += 1 }
      return bytes[offset]
    }

    mutating func integer() -> Int {
      var value: UInt64 = 0
      var shift: UInt64 = 0
      while true {
        let next = byte()
        value |= UInt64(next & 0x7F) << shift
        if next < 0x80 { return Int(Int64(bitPattern: value)) }
        shift += 7
      }
    }

    mutating func text() -> String {
      let count = integer()
      defer { offset += count }
      return String(decoding: bytes[offset..<(offset + count)], as: UTF8.self)
    }

    mutating func shared() -> String { strings[integer()] }

    mutating func optional<T>(_ read: (inout Reader) -> T) -> T? {
      byte() == 0 ? nil : read(&self)
    }
  }
}
