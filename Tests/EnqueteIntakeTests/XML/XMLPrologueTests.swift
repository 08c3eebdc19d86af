import EnqueteIntake
import Testing

/// What the first bytes of an XML file say before libxml2 reads it: the root's default namespace,
/// however the attribute is spaced, and a DOCTYPE refused.
@Suite struct XMLPrologueTests {
  static func scan(_ text: String) -> XMLPrologue.Finding {
    XMLPrologue.scan(Array(text.utf8))
  }

  @Test func theRootsDefaultNamespaceIsReadWhateverItsSpacing() {
    let namespace = "urn:enquete:mediation-familiale:1"
    for attribute in [
      "xmlns=\"\(namespace)\"", "xmlns = '\(namespace)'", "xmlns\t=\n\"\(namespace)\"",
      // A Windows line break is one Character, equal to neither of its bytes.
      "xmlns\r\n=\r\n\"\(namespace)\"",
    ] {
      let finding = Self.scan(
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\r\n<!-- x -->\r\n<rapports \(attribute)>")
      #expect(finding == .root(namespace: namespace, line: 3), "\(attribute.debugDescription)")
    }
    #expect(Self.scan("<rapports>") == .root(namespace: nil, line: 1))
  }

  @Test func aDoctypeIsFoundBeforeAnyParserSeesIt() {
    #expect(Self.scan("<?xml version=\"1.0\"?>\n<!DOCTYPE r [<!ENTITY a \"b\">]>\n<r/>") == .doctype(line: 2))
    #expect(Self.scan("") == .noRoot)
  }
}
