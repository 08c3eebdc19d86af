import CLibXML2

/// An error libxml2 reported, copied out of its C structure.
struct LibXMLError: Sendable, Hashable {
  /// The libxml2 module (`XML_FROM_PARSER`, `XML_FROM_SCHEMASV`…).
  let domain: Int32
  /// libxml2's error code.
  let code: Int32
  /// Its English message, without the final newline.
  let message: String
  /// 1-based line (0 when unknown).
  let line: Int
  /// 1-based column (0 when unknown).
  let column: Int
  /// Warning (1), error (2) or fatal (3).
  let level: Int

  /// Whether it comes from the parser itself (the document is not well-formed or not decodable).
  var isWellFormedness: Bool {
    domain != Int32(XML_FROM_SCHEMASV.rawValue) && domain != Int32(XML_FROM_SCHEMASP.rawValue)
      && domain != Int32(XML_FROM_VALID.rawValue)
  }

  /// What the schema validator skips after this error, raised while checking an element's start:
  /// the rest of the parent's content when the element is not allowed there, the element's own
  /// content when it has no usable declaration or type (libxml2 2.9, `xmlSchemaValidateElem`). A
  /// wrong `xsi:type` or `xsi:nil` skips nothing.
  var skippedContent: SkippedContent {
    guard domain == Int32(XML_FROM_SCHEMASV.rawValue) else { return .none }
    switch UInt32(code) {
    case XML_SCHEMAV_ELEMENT_CONTENT.rawValue, XML_SCHEMAV_CVC_COMPLEX_TYPE_2_1.rawValue,
      XML_SCHEMAV_CVC_COMPLEX_TYPE_2_2.rawValue, XML_SCHEMAV_CVC_TYPE_3_1_2.rawValue,
      XML_SCHEMAV_CVC_ELT_3_2_1.rawValue:
      return .parent
    case XML_SCHEMAV_CVC_ELT_1.rawValue, XML_SCHEMAV_CVC_ELT_2.rawValue, XML_SCHEMAV_CVC_TYPE_1.rawValue,
      XML_SCHEMAV_CVC_TYPE_2.rawValue:
      return .element
    default:
      return .none
    }
  }

  /// Content the schema validator leaves unchecked after an error at an element's start.
  enum SkippedContent: Int, Comparable {
    case none, element, parent
    static func < (a: Self, b: Self) -> Bool { a.rawValue < b.rawValue }
  }
}

/// Collects libxml2's errors during one synchronous parse loop.
///
/// libxml2 2.9.14 loses the parser's own structured handler once a schema is plugged in, so the
/// thread-local handler is set around the loop and restored after it. This is safe only because
/// nothing suspends (no `await`) between the two; `collect` takes a synchronous closure for that.
/// The handler's C signature changes in libxml2 2.12 (`const xmlError *`): it lives here only.
final class LibXMLErrorSink {
  private(set) var errors: [LibXMLError] = []
  /// Stop keeping errors after this many (a hostile file could produce millions).
  let limit: Int
  private(set) var dropped = 0

  init(limit: Int = 1000) { self.limit = limit }

  /// Whether errors wait to be taken.
  var hasErrors: Bool { !errors.isEmpty }

  func take() -> [LibXMLError] {
    defer { errors.removeAll(keepingCapacity: true) }
    return errors
  }

  fileprivate func record(_ error: UnsafeMutablePointer<xmlError>) {
    guard errors.count < limit else {
      dropped += 1
      return
    }
    let value = error.pointee
    var message = value.message.map { String(cString: $0) } ?? ""
    while message.last == "\n" || message.last == " " { message.removeLast() }
    errors.append(
      LibXMLError(
        domain: value.domain, code: value.code, message: message, line: Int(value.line),
        column: Int(value.int2),
        level: Int(value.level.rawValue)))
  }

  /// Runs `body` with this sink as libxml2's handler on this thread, then restores the previous one.
  func collect<T>(_ body: () throws -> T) rethrows -> T {
    let previousHandler = enquete_structured_error_handler()
    let previousContext = enquete_structured_error_context()
    let context = Unmanaged.passUnretained(self).toOpaque()
    xmlSetStructuredErrorFunc(context) { context, error in
      guard let context, let error else { return }
      Unmanaged<LibXMLErrorSink>.fromOpaque(context).takeUnretainedValue().record(error)
    }
    defer { xmlSetStructuredErrorFunc(previousContext, previousHandler) }
    return try withExtendedLifetime(self) { try body() }
  }
}
