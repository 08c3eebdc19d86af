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
  /// The same pattern when it is one ASCII class repeated (`[A-Za-z0-9-]{1,32}`): checked byte
  /// by byte, without the regular expression engine.
  private let simple: (allowed: [Bool], length: ClosedRange<Int>)?

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
    simple = variable.pattern.flatMap(Self.simplePattern)
  }

  /// `[…]{m,n}` with plain ASCII characters and ranges in the class, or nil.
  private static func simplePattern(_ pattern: String) -> (allowed: [Bool], length: ClosedRange<Int>)? {
    let characters = Array(pattern.unicodeScalars)
    guard characters.first == "[", characters.count > 4, characters.last == "}",
      let close = characters.firstIndex(of: "]"), close > 1, close + 1 < characters.count,
      characters[close + 1] == "{"
    else { return nil }
    let bounds = String(String.UnicodeScalarView(characters[(close + 2)..<(characters.count - 1)]))
      .split(separator: ",", omittingEmptySubsequences: false)
    guard bounds.count == 2, let low = Int(bounds[0]), let high = Int(bounds[1]), 0 < low, low <= high else {
      return nil
    }
    var allowed = [Bool](repeating: false, count: 128)
    let set = Array(characters[1..<close])
    var index = 0
    while index < set.count {
      let first = set[index]
      // Escapes, negations and class subtractions are left to the regular expression engine.
      guard first.isASCII, first != "\\", first != "^", first != "[", first != "]" else { return nil }
      if index + 2 < set.count, set[index + 1] == "-" {
        let last = set[index + 2]
        guard last.isASCII, last != "\\", last != "[", last != "]", first.value <= last.value else {
          return nil
        }
        for value in first.value...last.value { allowed[Int(value)] = true }
        index += 3
      } else {
        guard first != "-" || index == set.count - 1 || index == 0 else { return nil }
        allowed[Int(first.value)] = true
        index += 1
      }
    }
    return (allowed, low...high)
  }

  deinit { if let pattern { xmlRegFreeRegexp(pattern) } }

  /// The key in `bytes` if it is valid (libxml2 only compares valid ones), else nil.
  func validKey(_ bytes: UnsafeBufferPointer<UInt8>) -> String? {
    if let simple, allowed == nil {
      guard simple.length.contains(bytes.count) else { return nil }
      for byte in bytes where byte >= 128 || !simple.allowed[Int(byte)] { return nil }
      return String(decoding: bytes, as: UTF8.self)
    }
    let value = String(decoding: bytes, as: UTF8.self)
    return accepts(value) ? value : nil
  }

  /// Whether `value` is a valid key, by libxml2's own regular expressions.
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
