import EnqueteCore
import EnqueteIntake
import Foundation
import Testing

@Suite struct XMLSubmissionReaderTests {
  static let samples = IntakeSamples.root

  struct Expected: Decodable {
    let fichier: String
    let code: String
    let ligne: Int
  }

  static let invalidXML: [Expected] = try! JSONDecoder()
    .decode(
      [Expected].self, from: Data(contentsOf: samples.appendingPathComponent("invalid/defauts-attendus.json"))
    )
    .filter { $0.fichier.hasSuffix(".xml") }

  static let validXML: [String] = ["mediation-familiale", "espace-rencontre"].flatMap { survey in
    (FileManager.default.enumerator(atPath: samples.appendingPathComponent(survey).path)?.allObjects
      as? [String] ?? [])
      .filter { $0.hasSuffix(".xml") }.map { "\(survey)/\($0)" }
  }.sorted()

  func read(_ path: String) -> (XMLReadOutcome, [RawReport]) {
    var reports: [RawReport] = []
    let outcome = XMLSubmissionReader().read(path: Self.samples.appendingPathComponent(path).path, name: path)
    {
      reports.append($0)
    }
    return (outcome, reports)
  }

  @Test func everyValidSampleReadsWithoutAnError() throws {
    #expect(Self.validXML.count > 300)
    for path in Self.validXML {
      let (outcome, reports) = read(path)
      let text = try String(contentsOf: Self.samples.appendingPathComponent(path), encoding: .utf8)
      #expect(outcome.isReadable, "\(path): \(outcome.diagnostics.map(\.line))")
      #expect(outcome.survey?.rawValue == String(path.prefix { $0 != "/" }))
      #expect(reports.count == text.components(separatedBy: "<rapport>").count - 1, "\(path)")
      #expect(
        reports.allSatisfy { $0.diagnostics.isEmpty },
        "\(path): \(reports.flatMap(\.diagnostics).map(\.line))")
      #expect(
        reports.map { $0.detail.count }.reduce(0, +) == text.components(separatedBy: "<mesure ").count - 1)
    }
  }

  @Test func valuesAndLinesAreThoseOfTheFile() throws {
    let path = try #require(
      Self.validXML.first { $0.hasPrefix("espace-rencontre/") && $0.contains("rapport-") })
    let (_, reports) = read(path)
    let lines = try String(contentsOf: Self.samples.appendingPathComponent(path), encoding: .utf8)
      .split(separator: "\n", omittingEmptySubsequences: false)
    let report = try #require(reports.first)
    let siret = try #require(report.record.values["siret"])
    #expect(lines[siret.line - 1].contains("<siret>\(siret.text)</siret>"))
    if let row = report.detail.first {
      #expect(lines[row.line - 1].contains("mesure_id=\"\(row.values["mesure_id"]!.text)\""))
    }
  }

  @Test(arguments: invalidXML.map(\.fichier))
  func invalidSampleGetsTheAnnouncedDiagnostic(name: String) throws {
    let expected = try #require(Self.invalidXML.first { $0.fichier == name })
    let (outcome, reports) = read("invalid/\(name)")
    let diagnostics = (outcome.diagnostics + reports.flatMap(\.diagnostics)).filter { $0.severity == .error }
    let first = try #require(diagnostics.first, "no error for \(name)")
    #expect(first.code == expected.code, "\(name): \(first.line)")
    #expect(first.location.line == expected.ligne, "\(name): \(first.line)")
    #expect(
      !first.message.isEmpty && !first.message.contains("Element '"), "message in French: \(first.message)")
  }

  @Test func lineNumbersStayRightPast65535() throws {
    var text = #"<?xml version="1.0" encoding="UTF-8"?>"# + "\n"
    text += #"<rapports xmlns="urn:enquete:espace-rencontre:v1">"# + "\n"
    let rows = 70_000
    text += "<rapport>\n<mesures>\n"
    for index in 0..<rows {
      text +=
        #"<mesure mesure_id="M\#(index)" origine="jaf" date_decision="2024-01-02" date_reception="2024-01-03" issue="en_cours" contexte_vif="false" nb_enfants="1"/>"#
        + "\n"
    }
    text += "</mesures>\n<annee>douze</annee>\n</rapport>\n</rapports>\n"
    var reports: [RawReport] = []
    let outcome = XMLSubmissionReader().read(bytes: Array(text.utf8), name: "gros.xml") { reports.append($0) }
    #expect(outcome.isReadable)
    let report = try #require(reports.first)
    #expect(report.detail.last?.line == 4 + rows)
    let annee = try #require(report.diagnostics.first { $0.variable == "annee" })
    #expect(annee.location.line == 4 + rows + 2)
    #expect(annee.code == "validate.type")
  }

  @Test func hostileInputIsRefusedWithoutExpansion() throws {
    let bomb = """
      <?xml version="1.0"?>
      <!DOCTYPE r [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;">]>
      <rapports xmlns="urn:enquete:mediation-familiale:v1"><rapport><nom_service>&b;</nom_service></rapport></rapports>
      """
    let outcome = XMLSubmissionReader().read(bytes: Array(bomb.utf8), name: "bombe.xml") { _ in }
    #expect(!outcome.isReadable)
    #expect(outcome.diagnostics.first?.code == "xml.forbidden-dtd")
    #expect(outcome.diagnostics.first?.location.line == 2)
    let deep = #"<rapports xmlns="urn:enquete:mediation-familiale:v1">"# + String(repeating: "<a>", count: 40)
    let deepOutcome = XMLSubmissionReader().read(bytes: Array(deep.utf8), name: "profond.xml") { _ in }
    #expect(!deepOutcome.isReadable)
    let garbage = XMLSubmissionReader().read(bytes: [0xFF, 0x00, 0x3C, 0x3C, 0x26], name: "binaire.xml") {
      _ in
    }
    #expect(!garbage.isReadable)
  }
}
