import EnqueteCore
import EnquetePipeline
import EnqueteProtect
import EnqueteRender
import Foundation
import Testing

#if canImport(FoundationXML)
  import FoundationXML
#endif

/// Nothing secret reaches a rendered file: a département whose budget is dominated by one service
/// carries a distinctive value, and no byte of any rendered file (HTML, CSV, xlsx) spells it.
@Suite struct RenderedSecrecyTests {
  static let plan = try! JSONDecoder().decode(
    PublicationPlan.self,
    from: Data(
      """
      {"survey": "mediation-familiale", "planVersion": "test", "title": "Test", "protectionRatio": 0.1,
       "rules": {"services": {"label": "moins de 3 services ou un service au-delà de 85 %", "basis": "contributors",
                              "threshold": 3, "dominance": {"contributors": 1, "percent": 85}}},
       "levels": ["national", "region", "cour_appel", "departement", "service"],
       "derivedVariables": [], "indicators": [],
       "tables": [{"id": "budget", "title": "Charges", "rule": "services",
                   "levels": ["national", "region", "cour_appel", "departement", "service"],
                   "variables": ["charges_totales"]}]}
      """.utf8))

  static func reports() -> [ReportFigures] {
    var reports: [ReportFigures] = []
    for (index, departement) in Geography.reference.departements(inRegion: "44").enumerated() {
      let values =
        departement.code == "52" ? [987_654.32, 1.11, 2.22] : [40_000, 50_000 + Double(index), 61_000]
      for (number, value) in values.enumerated() {
        reports.append(
          ReportFigures(
            siret: String(format: "%012d%02d", index, number),
            name: number == 0 ? "=HYPERLINK(\"x\")" : "Service",
            departementCode: departement.code, numbers: ["charges_totales": value]))
      }
    }
    return reports
  }

  @Test func noRenderedFileSpellsADominatedBudget() throws {
    let publication = try Publication.run(plan: Self.plan, year: 2025, reports: Self.reports())
    #expect(publication.status(of: "charges_totales|departement|52") == .primaryDominance)
    let data = publication.published
    let facts = ReportFacts(
      plan: Self.plan, catalog: .builtIn(.mediationFamiliale), current: data, previous: nil, respondents: 30,
      expected: 31, files: .init(total: 3, accepted: 3, partial: 0, refused: 0, acceptedReports: 30),
      messages: [],
      tool: "enquete test")
    let files =
      try ReportRenderer().render(facts) + [
        .init(path: "tableaux.csv", bytes: Array(PublicationFiles.longCSV(data).utf8)),
        .init(
          path: "audit.json",
          bytes: Array(
            PublicationAudits.publicAudit(
              plan: Self.plan, year: 2025, linked: publication.linked, protections: publication.protections,
              losses: PublicationAudits.losses(
                data, plan: Self.plan, linked: publication.linked, protections: publication.protections)
            ).rendered().utf8)),
      ]
    #expect(files.contains { $0.path == "excel/tableaux.xlsx" })
    for file in files {
      let text = String(decoding: file.bytes, as: UTF8.self)
      for spelling in ["987657", "987\u{202F}657", "987 657", "987654"] {
        #expect(!text.contains(spelling), "\(file.path) spells a secret value")
      }
      if file.path == "tableaux.csv" || file.path == "departements/52/52.csv" {
        #expect(text.contains("'=HYPERLINK"), "\(file.path) names the services")
      }
      if file.path.hasSuffix(".csv") || file.path.hasSuffix(".xlsx") {
        // A service's name that a spreadsheet would run as a formula is defused.
        #expect(
          !text.contains(",=HYPERLINK") && !text.contains(";=HYPERLINK") && !text.contains(">=HYPERLINK"))
      }
      if file.path.hasSuffix(".html") {
        #expect(Self.isWellFormed(file.bytes), "\(file.path) is not well-formed")
        #expect(!text.contains("<td class=\"nombre\">=HYPERLINK"))
      }
    }
  }

  /// Whether the page parses as XML (the templates write XHTML-compatible HTML).
  static func isWellFormed(_ bytes: [UInt8]) -> Bool {
    XMLParser(data: Data(bytes)).parse()
  }
}
