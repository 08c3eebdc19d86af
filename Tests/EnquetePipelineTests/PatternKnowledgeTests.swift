import EnqueteCore
import EnquetePipeline
import EnqueteProtect
import Foundation
import Testing

/// The publication hides a published cell whose dominance would bound a lone service below its
/// required protection (``PatternKnowledge``).
@Suite struct PatternKnowledgeTests {
  /// FTE of mediators under the rule on services (fewer than 3 services, or one above 85 %).
  static let plan = try! JSONDecoder().decode(
    PublicationPlan.self,
    from: Data(
      """
      {"survey": "mediation-familiale", "planVersion": "test", "title": "Test", "protectionRatio": 0.1,
       "rules": {"services": {"label": "services", "basis": "contributors", "threshold": 3,
                              "dominance": {"contributors": 1, "percent": 85}}},
       "levels": ["national", "region", "cour_appel", "departement"],
       "derivedVariables": [],
       "indicators": [{"id": "nb_services", "label": "Services", "kind": "services",
                       "levels": ["national", "region", "cour_appel", "departement"]}],
       "tables": [{"id": "m", "title": "M", "rule": "services",
                   "levels": ["national", "region", "cour_appel", "departement"],
                   "variables": ["etp_mediateurs"]}]}
      """.utf8))

  /// Haute-Marne (52) has one service with 30 FTE; the cour d'appel de Dijon adds Côte-d'Or (21)
  /// and Saône-et-Loire (71), three services of 1 FTE each: 36 in all. Published, Dijon would tell
  /// a reader that no service holds more than 85 % of it, 30,6, below the 33 Haute-Marne's
  /// protection needs: Dijon is hidden, and the audit of the folder, dominance included, passes.
  @Test func aCellWhoseDominanceBoundsALoneServiceIsHidden() throws {
    var reports: [ReportFigures] = [
      ReportFigures(
        siret: "00000000000052", name: "S52", departementCode: "52", numbers: ["etp_mediateurs": 30])
    ]
    for (index, departement) in ["21", "71", "08"].enumerated() {
      for service in 0..<3 {
        reports.append(
          ReportFigures(
            siret: String(format: "%014d", 100 + 10 * index + service), name: "S",
            departementCode: departement,
            numbers: ["etp_mediateurs": departement == "08" ? 10 : 1]))
      }
    }
    let publication = try Publication.run(plan: Self.plan, year: 2025, reports: reports)
    #expect(publication.auditPasses)
    #expect(publication.status(of: "etp_mediateurs|departement|52") == .primaryFrequency)
    #expect(publication.status(of: "etp_mediateurs|cour_appel|dijon")?.isSuppressed == true)
    let folder = FileManager.default.temporaryDirectory.appendingPathComponent("enquete-dominance-\(UUID())")
    defer { try? FileManager.default.removeItem(at: folder) }
    let secret = folder.appendingPathComponent("prive.json").path
    _ = try PublishedFolder.write(
      publication, to: folder.appendingPathComponent("publie").path, privateAudit: secret)
    let audit = try PublishedFolderAudit.run(
      directory: folder.appendingPathComponent("publie").path, privateAudit: secret)
    #expect(audit.passes, "\(audit.problems)")
  }
}
