import EnqueteCore
import EnqueteIntake
import Testing

/// The uniqueness of `mesure_id` within a report, checked by the reader rather than libxml2 (which
/// would keep every key of the file in memory): reported as libxml2 reports it, and only where
/// libxml2 would.
@Suite struct DetailKeyTests {
  static func file(_ rows: [String], after: String = "") -> [UInt8] {
    var text = #"<?xml version="1.0" encoding="UTF-8"?>"# + "\n"
    text += #"<rapports xmlns="urn:enquete:espace-rencontre:v1">"# + "\n<rapport>\n<mesures>\n"
    text += rows.joined(separator: "\n") + "\n</mesures>\n" + after + "</rapport>\n</rapports>\n"
    return Array(text.utf8)
  }

  static func row(_ id: String, end: String = "/>") -> String {
    #"<mesure mesure_id="\#(id)" origine="jaf" date_decision="2024-01-02" date_reception="2024-01-03" issue="en_cours" contexte_vif="false" nb_enfants="1""#
      + end
  }

  func duplicates(_ bytes: [UInt8]) -> [Diagnostic] {
    var reports: [RawReport] = []
    _ = XMLSubmissionReader().read(bytes: bytes, name: "mesures.xml") { reports.append($0) }
    return reports.flatMap(\.diagnostics).filter { $0.code == "validate.duplicate-key" }
  }

  @Test func aRepeatedKeyIsReportedAtTheLaterMeasure() throws {
    let found = duplicates(Self.file([Self.row("A1"), Self.row("B2"), Self.row("A1"), Self.row("A1")]))
    #expect(found.map(\.location.line) == [7, 8])
    let first = try #require(found.first)
    #expect(first.variable == "mesure_id")
    #expect(first.message.contains("« A1 »"))
  }

  @Test func aMeasureSpreadOverLinesIsReportedAtItsEndTag() {
    let found = duplicates(Self.file([Self.row("A1"), Self.row("A1", end: ">\n</mesure>")]))
    #expect(found.map(\.location.line) == [7])
  }

  @Test func invalidKeysAreNotCompared() {
    #expect(duplicates(Self.file([Self.row("A 1"), Self.row("A 1")])).isEmpty)
    #expect(duplicates(Self.file([Self.row("a1"), Self.row("A1")])).isEmpty)
    let long = String(repeating: "A", count: 33)
    #expect(duplicates(Self.file([Self.row(long), Self.row(long)])).isEmpty)
    #expect(duplicates(Self.file([Self.row("Aé"), Self.row("Aé")])).isEmpty)
    #expect(duplicates(Self.file([Self.row("-"), Self.row("-")])).count == 1)
    let longest = String(repeating: "z", count: 32)
    #expect(duplicates(Self.file([Self.row(longest), Self.row(longest)])).count == 1)
  }

  @Test func keysAreUniqueWithinOneReportOnly() {
    var text = String(decoding: Self.file([Self.row("A1")]), as: UTF8.self)
    text = text.replacingOccurrences(
      of: "</rapport>\n</rapports>",
      with: "</rapport>\n<rapport><mesures>\(Self.row("A1"))</mesures></rapport>\n</rapports>")
    #expect(duplicates(Array(text.utf8)).isEmpty)
  }

  @Test func contentTheValidatorSkipsIsNotChecked() {
    // A second <mesures> is not expected: libxml2 checks nothing inside it.
    let second = "<mesures>\n\(Self.row("A1"))\n\(Self.row("A1"))\n</mesures>\n"
    #expect(duplicates(Self.file([Self.row("B1")], after: second)).isEmpty)
    // Nor after an unexpected element among the measures.
    #expect(duplicates(Self.file([Self.row("A1"), "<autre/>", Self.row("A1")])).isEmpty)
  }
}
