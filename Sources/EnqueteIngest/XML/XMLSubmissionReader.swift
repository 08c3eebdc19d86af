import CLibXML2
import EnqueteCore
import Foundation

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

/// Streams an XML submission through libxml2's reader with the survey's XSD attached, handing
/// each `<rapport>` (with its per-measure detail) to a callback as soon as it is complete.
///
/// Safety: a DOCTYPE is refused before libxml2 sees the file; the parser runs without network,
/// without entity substitution or DTD loading, without `XML_PARSE_HUGE`. Memory stays at one
/// report whatever the file size; line numbers are right past 65 535 (`XML_PARSE_BIG_LINES`).
public struct XMLSubmissionReader: Sendable {
  /// Bounds on the input.
  public var limits = XMLLimits.standard

  /// A reader with the standard limits.
  public init() {}

  /// Reads the file at `path`; `name` is how diagnostics name it.
  public func read(
    path: String, name: String, onReport: (RawReport) throws -> Void
  ) rethrows -> XMLReadOutcome {
    var outcome = XMLReadOutcome()
    let size = (try? FileManager.default.attributesOfItem(atPath: path)[.size] as? Int) ?? nil
    guard let size, let handle = FileHandle(forReadingAtPath: path) else {
      outcome.isReadable = false
      outcome.diagnostics.append(
        .fileUnreadable(name))
      return outcome
    }
    let head = (try? handle.read(upToCount: 64 * 1024)) ?? Data()
    try? handle.close()
    return try read(size: size, head: Array(head), name: name, outcome: &outcome, onReport: onReport) {
      options in
      xmlReaderForFile(path, nil, options)
    }
  }

  /// Reads a submission held in memory (an upload, a test).
  public func read(
    bytes: [UInt8], name: String, onReport: (RawReport) throws -> Void
  ) rethrows -> XMLReadOutcome {
    var outcome = XMLReadOutcome()
    return try bytes.withUnsafeBufferPointer { buffer in
      try read(
        size: bytes.count, head: Array(bytes.prefix(64 * 1024)), name: name, outcome: &outcome,
        onReport: onReport
      ) {
        options in
        buffer.baseAddress.flatMap { base in
          base.withMemoryRebound(to: CChar.self, capacity: buffer.count) {
            xmlReaderForMemory($0, Int32(buffer.count), name, nil, options)
          }
        }
      }
    }
  }

  private func read(
    size: Int, head: [UInt8], name: String, outcome: inout XMLReadOutcome,
    onReport: (RawReport) throws -> Void,
    open: (Int32) -> xmlTextReaderPtr?
  ) rethrows -> XMLReadOutcome {
    func refuse(_ diagnostic: Diagnostic) -> XMLReadOutcome {
      outcome.isReadable = false
      outcome.diagnostics.append(diagnostic)
      return outcome
    }
    func refuse(_ code: String, _ message: String, line: Int? = nil) -> XMLReadOutcome {
      refuse(Diagnostic(.error, code: code, message: message, location: .init(file: name, line: line)))
    }
    if size == 0 { return refuse(.fileEmpty(name)) }
    if size > limits.maximumFileBytes { return refuse(.fileTooLarge(name, limit: limits.maximumFileBytes)) }
    switch XMLPrologue.scan(head) {
    case .doctype(let line):
      return refuse(
        "xml.forbidden-dtd",
        "Le fichier contient une déclaration DOCTYPE (DTD ou entités) : elle est refusée par sécurité. "
          + "Retirez la ligne <!DOCTYPE …> ; le schéma de l'enquête suffit.", line: line)
    case .root(let namespace, let line):
      guard let namespace, let survey = XMLPrologue.survey(forNamespace: namespace) else {
        let known = SurveyID.allCases.map { SurveyDefinition.builtIn($0).namespace }.joined(separator: " ou ")
        return refuse(
          "xml.unknown-namespace",
          "L'élément racine déclare l'espace de noms « \(namespace ?? "aucun") », qui n'est celui d'aucune enquête : "
            + "attendu \(known).", line: line)
      }
      outcome.survey = survey
    case .noRoot:
      break  // libxml2 will say what is wrong.
    }
    return try stream(name: name, outcome: &outcome, onReport: onReport, open: open)
  }

  private func stream(
    name: String, outcome: inout XMLReadOutcome, onReport: (RawReport) throws -> Void,
    open: (Int32) -> xmlTextReaderPtr?
  ) rethrows -> XMLReadOutcome {
    let options = Int32(XML_PARSE_NONET.rawValue | XML_PARSE_BIG_LINES.rawValue | XML_PARSE_NOCDATA.rawValue)
    let sink = LibXMLErrorSink()
    let survey = outcome.survey
    var walker = ReportWalker(file: name, survey: survey, maximumDepth: limits.maximumDepth)
    try sink.collect {
      guard let reader = open(options) else {
        outcome.isReadable = false
        outcome.diagnostics.append(
          .fileUnreadable(name))
        return
      }
      var validation: OpaquePointer? = nil
      if let survey {
        validation = xmlSchemaNewValidCtxt(CompiledSchema.of(survey).pointer)
        xmlTextReaderSchemaValidateCtxt(reader, validation, 0)
      }
      // The validation context must outlive the reader.
      defer {
        xmlFreeTextReader(reader)
        if let validation { xmlSchemaFreeValidCtxt(validation) }
      }
      while true {
        let status = xmlTextReaderRead(reader)
        let errors = sink.take()
        if status == 1 { try walker.visit(reader, onReport: onReport, outcome: &outcome) }
        try walker.attach(errors, onReport: onReport, outcome: &outcome)
        if walker.fatal || status != 1 { break }
      }
      try walker.finish(onReport: onReport, outcome: &outcome)
    }
    if sink.dropped > 0 {
      outcome.diagnostics.append(
        Diagnostic(
          .note, code: "xml.too-many-errors",
          message: "\(sink.dropped) autres erreurs n'ont pas été détaillées.",
          location: .init(file: name)))
    }
    return outcome
  }
}
