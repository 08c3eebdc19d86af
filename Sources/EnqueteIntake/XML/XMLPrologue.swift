import EnqueteCore

/// What the first bytes of an XML submission say, read before libxml2 sees the file.
///
/// A DOCTYPE is refused here, before any parser looks at it: no DTD, no entity, no expansion bomb
/// ever reaches libxml2. The root's default namespace names the survey and schema version.
public struct XMLPrologue: Sendable, Hashable {
  /// What was found.
  public enum Finding: Sendable, Hashable {
    /// A root element in this namespace (nil when it declares none).
    case root(namespace: String?, line: Int)
    /// A `<!DOCTYPE` at this line.
    case doctype(line: Int)
    /// Nothing that looks like a root element in the bytes given.
    case noRoot
  }

  /// Scans `bytes` (the first 64 KiB are plenty) past the XML declaration, comments and
  /// processing instructions.
  public static func scan(_ bytes: some Collection<UInt8>) -> Finding {
    let text = Array(bytes.prefix(64 * 1024))
    var index = 0
    var line = 1
    func starts(with literal: String) -> Bool {
      let pattern = Array(literal.utf8)
      return index + pattern.count <= text.count && Array(text[index..<index + pattern.count]) == pattern
    }
    func skip(past literal: String) {
      let pattern = Array(literal.utf8)
      while index < text.count {
        if starts(with: literal) {
          index += pattern.count
          return
        }
        if text[index] == UInt8(ascii: "\n") { line += 1 }
        index += 1
      }
    }
    while index < text.count {
      let byte = text[index]
      if byte == UInt8(ascii: "\n") {
        line += 1
        index += 1
      } else if byte != UInt8(ascii: "<") {
        index += 1
      } else if starts(with: "<?") {
        skip(past: "?>")
      } else if starts(with: "<!--") {
        skip(past: "-->")
      } else if starts(with: "<!DOCTYPE") || starts(with: "<!doctype") || starts(with: "<!ENTITY") {
        return .doctype(line: line)
      } else {
        let rootLine = line
        var end = index
        var quote: UInt8? = nil
        while end < text.count {
          let c = text[end]
          if let open = quote {
            if c == open { quote = nil }
          } else if c == UInt8(ascii: "\"") || c == UInt8(ascii: "'") {
            quote = c
          } else if c == UInt8(ascii: ">") {
            break
          }
          end += 1
        }
        let tag = String(decoding: text[index..<end], as: UTF8.self)
        return .root(namespace: defaultNamespace(in: tag), line: rootLine)
      }
    }
    return .noRoot
  }

  private static func defaultNamespace(in tag: String) -> String? {
    guard let range = tag.range(of: "xmlns") else { return nil }
    var rest = tag[range.upperBound...].drop(while: isXMLSpace)
    guard rest.first == "=" else { return nil }
    rest = rest.dropFirst().drop(while: isXMLSpace)
    guard let quote = rest.first, quote == "\"" || quote == "'" else { return nil }
    return String(rest.dropFirst().prefix { $0 != quote })
  }

  /// XML's white space (space, tab, line feed, carriage return). `\r\n` is one `Character`, equal
  /// to neither of its two: without it, `xmlns\r\n="…"` (legal, from a Windows editor) lost its
  /// namespace.
  private static func isXMLSpace(_ character: Character) -> Bool {
    character == " " || character == "\t" || character == "\n" || character == "\r" || character == "\r\n"
  }

  /// The survey whose current schema version has this namespace.
  public static func survey(forNamespace namespace: String) -> SurveyID? {
    SurveyID.allCases.first { SurveyDefinition.builtIn($0).namespace == namespace }
  }
}
