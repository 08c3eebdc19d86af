import EnqueteCore

/// One XML submission read as its bytes come, in pieces of any size: a file read chunk by chunk, or
/// an upload fed as the network delivers it (the portal validates while the body streams).
///
/// The first 64 KiB are held until the prologue can be checked (a DOCTYPE is refused before
/// libxml2 sees the file; the root's namespace names the survey and its XSD); from then on every
/// piece goes straight through libxml2's push parser with the schema plugged in, and each complete
/// `<rapport>` is handed out. Memory stays at one piece and one report.
///
/// Each call runs libxml2 inside ``LibXMLErrorSink/collect(_:)`` and returns without suspending, so
/// successive calls may come from different threads, one at a time. Not `Sendable`.
public final class XMLIncrementalReader {
  /// How diagnostics name the file.
  public let name: String
  private let limits: XMLLimits
  private var held: [UInt8] = []
  private var size = 0
  private var started = false
  private var stopped = false
  private var outcome = XMLReadOutcome()
  private var sink: LibXMLErrorSink?
  private var builder: SAXReportBuilder?
  private var parser: XMLPushParser?

  /// How much is held before the prologue is checked.
  static let prologueBytes = 64 * 1024

  /// A reader for the file `name`.
  public init(name: String, limits: XMLLimits = .standard) {
    LibXMLSetup.once()
    self.name = name
    self.limits = limits
  }

  deinit { parser?.close() }

  /// The survey the root's namespace names, once the prologue was read.
  public var survey: SurveyID? { outcome.survey }

  /// Whether more bytes can change the outcome: false once the file is refused as a whole or the
  /// parser has stopped on a fatal error (the rest of the input need not be read).
  public var wantsMore: Bool { !stopped && !(builder?.fatal ?? false) }

  /// Reads the next bytes, handing out the reports they complete.
  public func feed(_ bytes: UnsafeRawBufferPointer, onDraft: (ReportDraft) throws -> Void) rethrows {
    guard !stopped else { return }
    size += bytes.count
    guard size <= limits.maximumFileBytes else {
      return refuse(.fileTooLarge(name, limit: limits.maximumFileBytes))
    }
    guard started else {
      held += bytes
      if held.count >= Self.prologueBytes { try start(onDraft) }
      return
    }
    try parse(bytes, onDraft)
  }

  /// Ends the input: the last reports, and what reading the file gave.
  public func finish(onDraft: (ReportDraft) throws -> Void) rethrows -> XMLReadOutcome {
    if !started, !stopped {
      if size == 0 { refuse(.fileEmpty(name)) } else { try start(onDraft) }
    }
    if let parser, let builder, let sink {
      try sink.collect {
        defer { parser.close() }
        parser.parse(UnsafeRawBufferPointer(start: nil, count: 0), last: true)
        builder.finish()
        try handOut(onDraft)
      }
      self.parser = nil
      if sink.dropped > 0 {
        builder.outcome.diagnostics.append(
          Diagnostic(
            .note, code: "xml.too-many-errors",
            message: "\(sink.dropped) autres erreurs n'ont pas été détaillées.",
            location: .init(file: name)))
      }
      stopped = true
      return builder.outcome
    }
    stopped = true
    return outcome
  }

  /// Checks the prologue of the held bytes, then starts the parser on them.
  private func start(_ onDraft: (ReportDraft) throws -> Void) rethrows {
    started = true
    let first = held
    held = []
    switch XMLPrologue.scan(first.prefix(Self.prologueBytes)) {
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
    let sink = LibXMLErrorSink()
    let builder = SAXReportBuilder(
      file: name, survey: outcome.survey, maximumDepth: limits.maximumDepth, sink: sink, outcome: outcome)
    self.sink = sink
    self.builder = builder
    try first.withUnsafeBytes { all in
      let head = UnsafeRawBufferPointer(rebasing: all.prefix(4))
      let parser = sink.collect { XMLPushParser(builder: builder, head: head) }
      guard let parser else {
        builder.outcome.isReadable = false
        builder.outcome.diagnostics.append(.fileUnreadable(name))
        stopped = true
        return
      }
      self.parser = parser
      try parse(UnsafeRawBufferPointer(rebasing: all.dropFirst(head.count)), onDraft)
    }
  }

  private func parse(_ bytes: UnsafeRawBufferPointer, _ onDraft: (ReportDraft) throws -> Void) rethrows {
    guard let parser, let sink, !bytes.isEmpty else { return }
    try sink.collect {
      parser.parse(bytes, last: false)
      try handOut(onDraft)
    }
  }

  private func handOut(_ onDraft: (ReportDraft) throws -> Void) rethrows {
    guard let builder else { return }
    for draft in builder.ready { try onDraft(draft) }
    builder.ready.removeAll(keepingCapacity: true)
  }

  private func refuse(_ diagnostic: Diagnostic) {
    stopped = true
    outcome.isReadable = false
    outcome.diagnostics.append(diagnostic)
  }

  private func refuse(_ code: String, _ message: String, line: Int? = nil) {
    refuse(Diagnostic(.error, code: code, message: message, location: .init(file: name, line: line)))
  }
}
