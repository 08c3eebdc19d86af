import EnqueteCore
import EnqueteIntake
import EnquetePipeline
import Foundation
import Testing

@Suite struct SampleSubmissionTests {
  static let samples = URL(fileURLWithPath: #filePath)
    .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    .appendingPathComponent("SampleSubmissions")

  struct Expected: Decodable {
    let fichier: String
    let code: String
    let ligne: Int
    let anneeCampagne: Int
    let fichierDiagnostic: String

    enum CodingKeys: String, CodingKey {
      case fichier, code, ligne
      case anneeCampagne = "annee_campagne"
      case fichierDiagnostic = "fichier_diagnostic"
    }
  }

  static let invalid: [Expected] = try! JSONDecoder().decode(
    [Expected].self, from: Data(contentsOf: samples.appendingPathComponent("invalid/defauts-attendus.json")))

  @Test(arguments: ["mediation-familiale", "espace-rencontre"])
  func everyValidSampleIsAccepted(survey: String) {
    let files = Intake.files(in: [Self.samples.appendingPathComponent(survey).path])
    #expect(files.count > 300)
    var reports = 0
    for path in files {
      let verdict = Intake().check(path: path)
      reports += verdict.reportCount
      #expect(
        verdict.isValid, "\(path): \(verdict.allDiagnostics.filter { $0.severity == .error }.map(\.line))")
      #expect(verdict.survey?.rawValue == survey)
    }
    // 272 + 275 mediation services and 200 + 203 espaces de rencontre answered 2024 and 2025.
    #expect(reports == (survey == "mediation-familiale" ? 547 : 403))
  }

  @Test(arguments: invalid.map(\.fichier))
  func invalidSampleIsRefusedWithItsAnnouncedDiagnostic(name: String) throws {
    let expected = try #require(Self.invalid.first { $0.fichier == name })
    let path = Self.samples.appendingPathComponent("invalid/\(name)").path
    let verdict = Intake(campaignYear: expected.anneeCampagne).check(
      path: path, name: "invalid/\(name)")
    #expect(!verdict.isValid)
    // Granularity: a file refused as a whole accepts nothing; otherwise only the faulty report is refused.
    #expect(verdict.rejectedCount >= 1 || !verdict.isReadable)
    let errors = verdict.allDiagnostics.filter { $0.severity == .error }
    let match = errors.first { $0.code == expected.code && $0.location.line == expected.ligne }
    #expect(
      match != nil, "\(name): expected \(expected.code) line \(expected.ligne), got \(errors.map(\.line))")
    #expect(match?.location.file.hasSuffix(expected.fichierDiagnostic) == true)
    for error in errors {
      #expect(
        !error.message.contains("Element '") && !error.message.contains("expected"),
        "French only: \(error.message)")
    }
  }

  @Test func aDetailFileAloneIsRefusedWithAReason() throws {
    let folder = FileManager.default.temporaryDirectory.appendingPathComponent("enquete-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: folder) }
    let detail = try Data(
      contentsOf: Self.samples.appendingPathComponent("invalid/csv-detail-dates-inversees-mesures.csv"))
    let path = folder.appendingPathComponent("seul-mesures.csv")
    try detail.write(to: path)
    let verdict = Intake(campaignYear: 2025).check(path: path.path)
    #expect(verdict.diagnostics.first?.code == "csv.detail-without-report")
  }
}
