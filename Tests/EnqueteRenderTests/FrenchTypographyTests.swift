import Testing

@testable import EnqueteRender

/// French spacing goes into the text of a page and nowhere else: not into tags, attributes, style
/// sheets or scripts.
@Suite struct FrenchTypographyTests {
  static func typeset(_ page: String) -> String {
    String(decoding: FrenchTypography.html(page), as: UTF8.self)
  }

  @Test func aNarrowNoBreakSpaceGoesBeforeTheHighPunctuation() {
    #expect(
      Self.typeset("Taux : 12 % ; total ! vraiment ?")
        == "Taux\u{202F}: 12\u{202F}%\u{202F}; total\u{202F}! vraiment\u{202F}?")
    // Only an ordinary space before the sign is replaced.
    #expect(Self.typeset("a: b") == "a: b")
  }

  @Test func guillemetsHoldTheirTextWithNoBreakSpaces() {
    #expect(Self.typeset("le « secret » statistique") == "le «\u{00A0}secret\u{00A0}» statistique")
    // Accented text around them is carried byte for byte.
    #expect(Self.typeset("« Médiation » à Orléans") == "«\u{00A0}Médiation\u{00A0}» à Orléans")
  }

  @Test func tagsStylesAndScriptsAreLeftAsTheyAre() {
    let page = """
      <p title="a : b">x : y</p><style>a { b : c; }</style><script>if (a ? b : c) {}</script>z !
      """
    #expect(
      Self.typeset(page)
        == "<p title=\"a : b\">x\u{202F}: y</p><style>a { b : c; }</style><script>if (a ? b : c) {}</script>z\u{202F}!"
    )
  }

  @Test func anUnclosedTagOrStyleRunsToTheEnd() {
    #expect(Self.typeset("a : <b title=\"c : d\"") == "a\u{202F}: <b title=\"c : d\"")
    // A style sheet without its closing tag is an ordinary tag: the text after it is typeset.
    #expect(Self.typeset("a : <style>b : c") == "a\u{202F}: <style>b\u{202F}: c")
    #expect(Self.typeset("") == "")
  }
}
