import CLibXML2
import EnqueteCore

/// Follows libxml2 reader events through `<rapports>`: builds each report from its elements and its
/// `<mesure>` attributes, and gives each libxml2 error to the report it belongs to.
///
/// The reader validates while its parser reads ahead of the node walk, so schema errors arrive
/// before the nodes they concern. They wait in `pending`; a completed report is held until the next
/// one starts at line L (by then the parser has passed L), and takes the pending errors above L.
struct ReportWalker {
  let file: String
  let survey: SurveyID?
  let maximumDepth: Int
  private let detailName: String?
  private(set) var fatal = false

  private var current: RawReport?
  private var completed: RawReport?
  private var variable: (name: String, line: Int, text: String)?
  private var inDetail = false
  /// Line of the text or whitespace node just read, if the last event was one.
  private var lastTextLine: Int?
  /// Line of the root element.
  private var rootLine = 1
  /// Schema errors not yet given to a report.
  private var pending: [LibXMLError] = []

  init(file: String, survey: SurveyID?, maximumDepth: Int) {
    self.file = file
    self.survey = survey
    self.maximumDepth = maximumDepth
    detailName = survey.flatMap { SurveyDefinition.builtIn($0).detail?.name }
  }

  mutating func visit(
    _ reader: xmlTextReaderPtr, onReport: (RawReport) throws -> Void, outcome: inout XMLReadOutcome
  )
    throws
  {
    let type = xmlTextReaderNodeType(reader)
    let depth = Int(xmlTextReaderDepth(reader))
    let node = xmlTextReaderCurrentNode(reader)
    var line = Int(xmlGetLineNo(node))
    // Past line 65 534 libxml2 keeps no line in an element node; for an empty element xmlGetLineNo
    // then borrows the next text node's line (one too many). The whitespace just before it is right.
    if enquete_node_short_line(node) == UInt16.max, type == Int32(XML_READER_TYPE_ELEMENT.rawValue),
      let textLine = lastTextLine
    {
      line = textLine
    }
    let isText = [XML_READER_TYPE_TEXT, XML_READER_TYPE_WHITESPACE, XML_READER_TYPE_SIGNIFICANT_WHITESPACE]
      .contains { Int32($0.rawValue) == type }
    lastTextLine = isText ? Int(xmlGetLineNo(node)) : nil
    if depth > maximumDepth {
      return refuse(
        "xml.too-deep",
        "Le document est imbriqué sur plus de \(maximumDepth) niveaux : ce n'est pas un fichier de l'enquête.",
        line: line, outcome: &outcome)
    }
    switch type {
    case Int32(XML_READER_TYPE_DOCUMENT_TYPE.rawValue), Int32(XML_READER_TYPE_ENTITY_REFERENCE.rawValue),
      Int32(XML_READER_TYPE_ENTITY.rawValue):
      refuse(
        "xml.forbidden-dtd",
        "Le fichier contient une déclaration ou une référence d'entité : elle est refusée par sécurité.",
        line: line, outcome: &outcome)
    case Int32(XML_READER_TYPE_ELEMENT.rawValue):
      let name = localName(reader)
      if depth == 0 { rootLine = line }
      if depth == 1, name == "rapport" {
        try release(before: line, onReport: onReport, outcome: &outcome)
        current = RawReport(record: RawRecord(line: line), endLine: line)
      } else if depth == 2, current != nil {
        if name == detailName {
          inDetail = xmlTextReaderIsEmptyElement(reader) != 1
        } else if xmlTextReaderIsEmptyElement(reader) == 1 {
          current!.record.values[name] = RawValue(text: "", line: line)
        } else {
          variable = (name, line, "")
        }
      } else if depth == 3, inDetail, name == "mesure" {
        var row = RawRecord(line: line)
        while xmlTextReaderMoveToNextAttribute(reader) == 1 {
          let attribute = localName(reader)
          if xmlTextReaderIsNamespaceDecl(reader) == 1 { continue }
          row.values[attribute] = RawValue(text: value(reader), line: line)
        }
        xmlTextReaderMoveToElement(reader)
        current!.detail.append(row)
      }
    case Int32(XML_READER_TYPE_TEXT.rawValue), Int32(XML_READER_TYPE_CDATA.rawValue):
      if depth == 3, variable != nil { variable!.text += value(reader) }
    case Int32(XML_READER_TYPE_END_ELEMENT.rawValue):
      if depth == 2, let open = variable {
        current?.record.values[open.name] = RawValue(text: open.text, line: open.line)
        variable = nil
      } else if depth == 2, inDetail {
        inDetail = false
      } else if depth == 1, var report = current {
        report.endLine = Int(xmlTextReaderGetParserLineNumber(reader))
        completed = report
        current = nil
      }
    default:
      break
    }
  }

  /// Takes the errors of the last read: a well-formedness error refuses the file at once; schema
  /// errors wait for the report they belong to.
  mutating func attach(
    _ errors: [LibXMLError], onReport: (RawReport) throws -> Void, outcome: inout XMLReadOutcome
  )
    throws
  {
    let broken = errors.filter { $0.isWellFormedness && $0.level >= 2 }
    if let first = broken.first {
      var diagnostic = LibXMLTranslation.diagnostic(
        broken.first { $0.message.contains("Premature end of data") } ?? first, file: file, survey: survey)
      diagnostic.location = SourceLocation(
        file: file, line: first.line > 0 ? first.line : nil, column: first.column > 0 ? first.column : nil)
      fatal = true
      outcome.isReadable = false
      outcome.diagnostics.append(diagnostic)
      return
    }
    // libxml2 2.9 reports this identity-constraint remark at error level; it repeats an error already given.
    pending += errors.filter { $0.level >= 2 && !$0.message.contains("No precomputed value available") }
  }

  /// Hands out the held report with the pending errors above `boundary` (all of them at the end).
  private mutating func release(
    before boundary: Int?, onReport: (RawReport) throws -> Void, outcome: inout XMLReadOutcome
  )
    throws
  {
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
      if !aboutTheFile, var report = completed, error.line >= report.record.line {
        // The streaming validator notices a missing child at the end tag; point at the start tag.
        if error.message.contains("rapport': Missing child") { diagnostic.location.line = report.record.line }
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
      try onReport(report)
    }
  }

  mutating func finish(onReport: (RawReport) throws -> Void, outcome: inout XMLReadOutcome) throws {
    guard !fatal else { return }
    try release(before: nil, onReport: onReport, outcome: &outcome)
  }

  private mutating func refuse(_ code: String, _ message: String, line: Int, outcome: inout XMLReadOutcome) {
    fatal = true
    outcome.isReadable = false
    outcome.diagnostics.append(
      Diagnostic(.error, code: code, message: message, location: .init(file: file, line: line)))
  }

  private func localName(_ reader: xmlTextReaderPtr) -> String {
    xmlTextReaderConstLocalName(reader).map { String(cString: $0) } ?? ""
  }

  private func value(_ reader: xmlTextReaderPtr) -> String {
    xmlTextReaderConstValue(reader).map { String(cString: $0) } ?? ""
  }
}
