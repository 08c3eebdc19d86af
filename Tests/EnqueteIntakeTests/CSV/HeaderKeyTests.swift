import Testing

@testable import EnqueteIntake

@Suite struct HeaderKeyTests {
  @Test(arguments: [
    "nb_mediateurs", "  Nb Mediateurs ", "NB-MEDIATEURS", "nb..mediateurs_", "\tnb mediateurs\r\n", "_x_",
    "'",
    "Nb d'entretiens", "A.B-C d", "", "   ", "x\ty", "Total (euros)",
  ])
  func theByteKeyOfAnAsciiNameIsTheFoldedKey(name: String) throws {
    let ascii = try #require(HeaderMatcher.asciiKey(name))
    #expect(ascii == HeaderMatcher.foldedKey(name), "\(name.debugDescription)")
  }

  @Test func accentedNamesAreFolded() {
    #expect(HeaderMatcher.asciiKey("Nb médiateurs") == nil)
    #expect(HeaderMatcher.key("  Nb Médiateurs ") == "nb_mediateurs")
    #expect(HeaderMatcher.key("Œuvre") == "oeuvre")
  }
}
