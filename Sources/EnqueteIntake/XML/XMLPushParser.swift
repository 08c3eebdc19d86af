import CLibXML2

/// A libxml2 push parser feeding a `SAXReportBuilder`, with the survey's XSD plugged into its SAX
/// stream: bytes go in by chunks of any size (a file read piece by piece, an upload as it arrives)
/// and memory stays flat, since no tree is built.
///
/// Safety: no network, no entity substitution, no DTD loading, no `XML_PARSE_HUGE`.
/// Call only inside `LibXMLErrorSink.collect` (libxml2 reports errors through the thread's handler),
/// and keep the builder alive as long as this parser: libxml2 holds it unretained.
final class XMLPushParser {
  private let parser: xmlParserCtxtPtr
  private let validation: xmlSchemaValidCtxtPtr?
  private let plug: xmlSchemaSAXPlugPtr?
  private let builder: SAXReportBuilder
  private var closed = false

  /// Parser options: no network, lines right past 65 535, CDATA as text.
  static let options = Int32(
    XML_PARSE_NONET.rawValue | XML_PARSE_BIG_LINES.rawValue | XML_PARSE_NOCDATA.rawValue)

  /// A parser for `builder`'s file; `head` is its first bytes (up to 4, for encoding detection).
  init?(builder: SAXReportBuilder, head: UnsafeRawBufferPointer) {
    var handler = SAXCallbacks.handler()
    let context = Unmanaged.passUnretained(builder).toOpaque()
    // libxml2 copies the handler; `head` is only buffered, nothing is parsed yet.
    let created = head.withMemoryRebound(to: CChar.self) { head in
      xmlCreatePushParserCtxt(&handler, context, head.baseAddress, Int32(head.count), nil)
    }
    guard let created else { return nil }
    parser = created
    self.builder = builder
    xmlCtxtUseOptions(parser, Self.options)
    builder.attach(to: parser)
    guard let survey = builder.survey else {
      validation = nil
      plug = nil
      return
    }
    validation = xmlSchemaNewValidCtxt(CompiledSchema.of(survey).pointer)
    plug = validation.flatMap { enquete_schema_sax_plug($0, created) }
    // Without its schema a file must not be read at all.
    if plug == nil {
      close()
      return nil
    }
  }

  /// Parses the next bytes (`last` for the end of the input), then gives the builder the errors
  /// they raised. False once parsing has stopped (a fatal error, a limit): feed no more.
  @discardableResult
  func parse(_ bytes: UnsafeRawBufferPointer, last: Bool) -> Bool {
    guard !closed, !builder.fatal else { return false }
    _ = bytes.withMemoryRebound(to: CChar.self) { chunk in
      xmlParseChunk(parser, chunk.baseAddress, Int32(chunk.count), last ? 1 : 0)
    }
    builder.takeErrors()
    return !builder.fatal
  }

  /// Unplugs the schema, then frees the parser and the validation context, in that order.
  func close() {
    guard !closed else { return }
    closed = true
    if let plug { xmlSchemaSAXUnplug(plug) }
    xmlFreeParserCtxt(parser)
    if let validation { xmlSchemaFreeValidCtxt(validation) }
  }

  deinit { close() }
}

/// The SAX2 handler that forwards libxml2's parsing events to a `SAXReportBuilder`, given as the
/// parser's user data (unretained: the reader keeps the builder alive while the parser runs).
///
/// Only what reports need is set; no tree is built. CDATA reaches `characters` too: the schema
/// plug forwards CDATA to the user's `ignorableWhitespace`, which is the same function here (the
/// parser then never tests for ignorable white space).
enum SAXCallbacks {
  /// A handler with the callbacks set.
  static func handler() -> xmlSAXHandler {
    var handler = xmlSAXHandler()
    handler.initialized = UInt32(XML_SAX2_MAGIC)
    handler.startElementNs = { context, localName, _, _, _, _, attributeCount, _, attributes in
      builder(context).startElement(
        localName, attributeCount: Int(attributeCount), attributes: UnsafePointer(attributes))
    }
    handler.endElementNs = { context, _, _, _ in builder(context).endElement() }
    handler.characters = { context, bytes, count in builder(context).characters(bytes, count: Int(count)) }
    handler.ignorableWhitespace = handler.characters
    // Never expected (the prologue scan refuses a DOCTYPE first), refused if ever seen.
    handler.internalSubset = { context, _, _, _ in builder(context).forbiddenDeclaration() }
    handler.reference = { context, _ in builder(context).forbiddenDeclaration() }
    return handler
  }
}

/// The builder a callback's user data designates (a free function: C callbacks capture nothing).
private func builder(_ context: UnsafeMutableRawPointer?) -> SAXReportBuilder {
  Unmanaged<SAXReportBuilder>.fromOpaque(context!).takeUnretainedValue()
}
