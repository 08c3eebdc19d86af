import EnqueteCore
import Foundation
import Testing

/// Every diagnostic code documented in `Schemas/README.md` and every rule's code has French words
/// for the quality annex (a code without them would be printed raw to statisticians).
@Suite struct DiagnosticCodeWordingTests {
  @Test func everyDocumentedCodeHasFrenchWords() throws {
    let readme = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
      .deletingLastPathComponent().appendingPathComponent("Schemas/README.md")
    let text = try String(contentsOf: readme, encoding: .utf8)
    let pattern = try NSRegularExpression(pattern: "`((?:file|xml|csv|validate|ledger)\\.[a-z-]+)`")
    let codes = Set(
      pattern.matches(in: text, range: NSRange(text.startIndex..., in: text)).compactMap {
        Range($0.range(at: 1), in: text).map { String(text[$0]) }
      })
    #expect(codes.count > 30)
    #expect(codes.filter { DiagnosticCodeWording.french($0) == nil }.sorted() == [])
  }

  @Test(arguments: SurveyID.allCases)
  func everyRuleCodeHasFrenchWords(survey: SurveyID) {
    let codes = Set(RuleSet.builtIn(survey).rules.map(\.kind.diagnosticCode))
    #expect(codes.filter { DiagnosticCodeWording.french($0) == nil }.sorted() == [])
  }
}
