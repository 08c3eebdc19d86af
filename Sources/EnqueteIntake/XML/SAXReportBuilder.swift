import CLibXML2
import EnqueteCore

/// Follows libxml2's SAX2 events through `<rapports>`: builds each report from its elements and its
/// `<mesure>` attributes, and gives each libxml2 error to the report it belongs to.
///
/// The schema validator plugged into the stream sees each event just after this builder, and its
/// errors arrive synchronously: they are taken at the start of the next event. A completed report
/// is held until the next one starts at line L (its end-tag errors have arrived by then), and takes
/// the pending errors above L. Completed reports wait in `ready` for the reader to hand them out
/// after the chunk being parsed.
final class SAXReportBuilder {
  let file: String
  let survey: SurveyID?
  let maximumDepth: Int
  let sink: LibXMLErrorSink
  /// The parser feeding this builder (its current line, and stopping it).
  var parser: xmlParserCtxtPtr?
  /// What the reading gave so far.
  var outcome: XMLReadOutcome
  /// Reports released, in order, not yet handed out.
  var ready: [ReportDraft] = []
  private(set) var fatal = false

  private var names = InternedNames()
  private let detailKey: DetailKeyCheck?
  /// Valid detail keys met in the current `<mesures>`.
  private var keys = Set<String>()
  /// Level of the element just started, until the validator's errors for its start are taken.
  private var startedLevel: Int?
  /// The valid key of the `<mesure>` just started, counted once the validator accepted its start.
  private var candidateKey: String?
  /// Level of the element whose content the validator skips (it failed its start).
  private var skippedLevel: Int?
  /// The key of the open `<mesure>` when an earlier one had it.
  private var repeatedKey: String?
  /// libxml2's error for that repetition, due after the validator's errors for the end tag.
  private var heldError: LibXMLError?
  /// Open elements (the root is at depth 0 once open).
  private var depth = 0
  private var current: ReportDraft?
  private var completed: ReportDraft?
  /// The variable element being read (depth 2): its text goes to the report's bytes from `start`.
  private var variable: (name: String, line: Int, start: Int)?
  private var inDetail = false
  /// Line of the root element.
  private var rootLine = 1
  /// Schema errors not yet given to a report.
  private var pending: [LibXMLError] = []

  init(file: String, survey: SurveyID?, maximumDepth: Int, sink: LibXMLErrorSink, outcome: XMLReadOutcome) {
    self.file = file
    self.survey = survey
    self.maximumDepth = maximumDepth
    self.sink = sink
    self.outcome = outcome
    detailKey = survey.flatMap { CompiledSchema.of($0).detailKey }
  }

  /// Learns the parser's interned element names, to compare names by address.
  func attach(to parser: xmlParserCtxtPtr) {
    self.parser = parser
    names.intern(
      in: parser.pointee.dict, detail: survey.flatMap { SurveyDefinition.builtIn($0).detail?.name },
      key: detailKey?.attribute)
  }

  private var line: Int { Int(enquete_parser_line(parser)) }

  func startElement(
    _ localName: UnsafePointer<xmlChar>?, attributeCount: Int,
    attributes: UnsafePointer<UnsafePointer<xmlChar>?>?
  ) {
    takeErrors()
    guard !fatal, let localName else { return }
    let line = self.line
    let level = depth
    depth += 1
    startedLevel = level
    if level > maximumDepth {
      return refuse(
        "xml.too-deep",
        "Le document est imbriqué sur plus de \(maximumDepth) niveaux : ce n'est pas un fichier de l'enquête.",
        line: line)
    }
    switch level {
    case 0:
      rootLine = line
    case 1 where localName == names.report:
      release(before: line)
      current = ReportDraft(line: line)
    case 2 where current != nil:
      if localName == names.detail {
        inDetail = true
        keys.removeAll(keepingCapacity: true)
      } else {
        variable = (names.string(localName), line, current!.bytes.count)
      }
    case 3 where inDetail && localName == names.row:
      let keyName = names.key
      if let key = current!.appendRow(
        line: line, attributes: attributes, count: attributeCount, names: &names, key: keyName,
        check: detailKey)
      {
        candidateKey = key
      }
    default:
      break
    }
  }

  func endElement() {
    takeErrors()
    guard !fatal else { return }
    depth -= 1
    if depth == skippedLevel { skippedLevel = nil }
    if depth == 3, let key = repeatedKey {
      heldError = detailKey?.duplicate(key, line: line)
      repeatedKey = nil
    } else if depth == 2 {
      if let open = variable, current != nil {
        current!.values.append(
          .init(name: open.name, line: open.line, start: open.start, end: current!.bytes.count))
        variable = nil
      }
      inDetail = false
    } else if depth == 1, var report = current {
      report.endLine = line
      completed = report
      current = nil
    }
  }

  func characters(_ bytes: UnsafePointer<xmlChar>?, count: Int) {
    if startedLevel != nil || sink.hasErrors { takeErrors() }
    guard depth == 3, variable != nil, let bytes, count > 0 else { return }
    current?.bytes.append(contentsOf: UnsafeBufferPointer(start: bytes, count: count))
  }

  /// A DOCTYPE or an entity reference the prologue scan did not see (it reads the first 64 KiB).
  func forbiddenDeclaration() {
    refuse(
      "xml.forbidden-dtd",
      "Le fichier contient une déclaration ou une référence d'entité : elle est refusée par sécurité.",
      line: line)
  }

  /// After the last chunk: the errors of the end of the document, then the last report.
  func finish() {
    takeErrors()
    guard !fatal else { return }
    release(before: nil)
  }

  /// Takes the errors libxml2 reported since the last event: a well-formedness error refuses the
  /// file at once; schema errors wait for the report they belong to.
  func takeErrors() {
    guard startedLevel != nil || heldError != nil || sink.hasErrors else { return }
    let errors = sink.hasErrors ? sink.take() : []
    if let level = startedLevel { settleStart(of: level, errors: errors) }
    if !errors.isEmpty { absorb(errors) }
    if let held = heldError {
      heldError = nil
      if !fatal { pending.append(held) }
    }
  }

  /// The validator checked the start of the element at `level` just before `errors` were taken:
  /// an error about the element itself means it skips the element's content, detail keys included.
  private func settleStart(of level: Int, errors: [LibXMLError]) {
    startedLevel = nil
    if !errors.isEmpty, skippedLevel == nil, let skipped = errors.map(\.skippedContent).max(),
      skipped != .none
    {
      skippedLevel = skipped == .parent ? level - 1 : level
    }
    if let key = candidateKey {
      candidateKey = nil
      if skippedLevel == nil, !keys.insert(key).inserted { repeatedKey = key }
    }
  }

  private func absorb(_ errors: [LibXMLError]) {
    guard !fatal else { return }
    let broken = errors.filter { $0.isWellFormedness && $0.level >= 2 }
    if let first = broken.first {
      var diagnostic = LibXMLTranslation.diagnostic(
        broken.first { $0.message.contains("Premature end of data") } ?? first, file: file, survey: survey)
      diagnostic.location = SourceLocation(
        file: file, line: first.line > 0 ? first.line : nil, column: first.column > 0 ? first.column : nil)
      stop(with: diagnostic)
      return
    }
    // libxml2 2.9 reports this identity-constraint remark at error level; it repeats an error already given.
    pending += errors.filter { $0.level >= 2 && !$0.message.contains("No precomputed value available") }
  }

  /// Releases the held report with the pending errors above `boundary` (all of them at the end).
  private func release(before boundary: Int?) {
    var remaining: [LibXMLError] = []
    for error in pending {
      guard boundary.map({ error.line < $0 }) ?? true else {
        remaining.append(error)
        continue
      }
      var diagnostic = LibXMLTranslation.diagnostic(error, file: file, survey: survey)
      let aboutTheFile =
        error.message.contains("Duplicate key-sequence") && error.message.contains("unRapportParSiret")
        || error.message.contains("rapports'")
      if error.message.contains("rapports': Missing child") { diagnostic.location.line = rootLine }
      if !aboutTheFile, var report = completed, error.line >= report.line {
        // The streaming validator notices a missing child at the end tag; point at the start tag.
        if error.message.contains("rapport': Missing child") { diagnostic.location.line = report.line }
        diagnostic.report = report.siret
        report.diagnostics.append(diagnostic)
        completed = report
      } else {
        outcome.isReadable = false
        outcome.diagnostics.append(diagnostic)
      }
    }
    pending = remaining
    if let report = completed {
      completed = nil
      outcome.reportCount += 1
      ready.append(report)
    }
  }

  private func refuse(_ code: String, _ message: String, line: Int) {
    stop(with: Diagnostic(.error, code: code, message: message, location: .init(file: file, line: line)))
  }

  private func stop(with diagnostic: Diagnostic) {
    fatal = true
    outcome.isReadable = false
    outcome.diagnostics.append(diagnostic)
    if let parser { xmlStopParser(parser) }
  }
}
