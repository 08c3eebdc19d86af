import CLibXML2
import EnqueteCore

/// The uniqueness of each report's detail keys (`unIdentifiantParMesure`: one `mesure_id` per
/// measure within a `<mesures>`), checked by the reader instead of libxml2.
///
/// libxml2 2.9 keeps every identity-constraint key it meets until the end of the document (some
/// 200 bytes per measure, 190 MB on a file of 900 000 measures), so the streamed schema leaves this
/// constraint out and the reader reports exactly what libxml2 would: a duplicate among the keys
/// whose value is valid, at the end tag of the later `<mesure>`, after that element's own errors.
///
/// Only a key of type string with a pattern or a list of values is checked here (its values are then
/// equal exactly when their text is, and the pattern is matched with libxml2's own XSD regular
/// expressions); for any other key the schema keeps the constraint.
final class DetailKeyCheck: @unchecked Sendable {
  /// The key attribute (`mesure_id`).
  let attribute: String
  private let namespace: String
  private let allowed: Set<String>?
  /// Compiled once, read only afterwards: libxml2 shares compiled expressions between threads.
  private let pattern: xmlRegexpPtr?

  /// The check of `survey`'s detail key, or nil when the schema must keep the constraint.
  init?(_ survey: SurveyDefinition) {
    guard let detail = survey.detail, let key = XSDWriter(survey: survey).detailKey,
      let variable = detail.variable(named: key), variable.type == .string,
      variable.pattern != nil || variable.enum != nil
    else { return nil }
    var compiled: xmlRegexpPtr?
    if let pattern = variable.pattern {
      compiled = pattern.withCString {
        xmlRegexpCompile(UnsafeRawPointer($0).assumingMemoryBound(to: xmlChar.self))
      }
      guard compiled != nil else { return nil }
    }
    attribute = key
    namespace = survey.namespace
    allowed = variable.enum.map(Set.init)
    pattern = compiled
  }

  deinit { if let pattern { xmlRegFreeRegexp(pattern) } }

  /// Whether `value` is a valid key: libxml2 only compares valid ones.
  func accepts(_ value: String) -> Bool {
    if let allowed, !allowed.contains(value) { return false }
    guard let pattern else { return true }
    return value.withCString {
      xmlRegexpExec(pattern, UnsafeRawPointer($0).assumingMemoryBound(to: xmlChar.self)) == 1
    }
  }

  /// The error libxml2 gives for a second `<mesure>` with key `value`, at `line`.
  func duplicate(_ value: String, line: Int) -> LibXMLError {
    LibXMLError(
      domain: Int32(XML_FROM_SCHEMASV.rawValue), code: Int32(XML_SCHEMAV_CVC_IDC.rawValue),
      message: "Element '{\(namespace)}mesure': Duplicate key-sequence ['\(value)'] "
        + "in unique identity-constraint '{\(namespace)}unIdentifiantParMesure'.",
      line: line, column: 0, level: 2)
  }
}
