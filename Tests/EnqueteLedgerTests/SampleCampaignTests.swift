import EnqueteCore
import Foundation
import Testing

/// The acceptance test: the sample campaign through the command line (open the four campaigns,
/// ingest every submission, then `status`) gives the response rates the files imply.
@Suite(.serialized) struct SampleCampaignTests {
  static let campaigns: [(String, Int)] = [
    ("mediation-familiale", 2024), ("mediation-familiale", 2025), ("espace-rencontre", 2024),
    ("espace-rencontre", 2025),
  ]

  static func status(_ survey: String, _ year: Int, ledger: String, folder: URL) throws -> [String: Any] {
    let label = "status-\(survey)-\(year)"
    let code = try LedgerFixtures.run(
      ["status", survey, String(year), "--format", "json", "--ledger", ledger], in: folder, label: label)
    #expect(code == 0)
    let data = try Data(contentsOf: folder.appendingPathComponent("\(label).out"))
    return try JSONSerialization.jsonObject(with: data) as! [String: Any]
  }

  static func counts(_ list: Any?) -> [String: (Int, Int)] {
    Dictionary(
      uniqueKeysWithValues: (list as! [[String: Any]]).map {
        ($0["code"] as! String, ($0["attendus"] as! Int, $0["repondants"] as! Int))
      })
  }

  static func same(_ a: [String: (Int, Int)], _ b: [String: (expected: Int, respondents: Int)]) -> Bool {
    a.count == b.count && a.allSatisfy { key, value in b[key].map { $0 == value } ?? false }
  }

  static func check(_ status: [String: Any], _ expected: IndependentCampaign) {
    let national = status["national"] as! [String: Any]
    #expect(national["attendus"] as? Int == expected.directory.count)
    #expect(national["repondants"] as? Int == expected.respondents.count)
    #expect(same(counts(status["departements"]), expected.rates { $0 }))
    #expect(same(counts(status["regions"]), expected.rates { IndependentCampaign.regionOf[$0]! }))
    if expected.survey == "espace-rencontre" {
      #expect(same(counts(status["cours_appel"]), expected.rates { IndependentCampaign.courOf[$0]! }))
    } else {
      #expect((status["cours_appel"] as! [Any]).isEmpty)
    }
    let reminders = status["relances"] as! [[String: Any]]
    let nonRespondents = reminders.filter { !($0["repondant"] as! Bool) }.map { $0["siret"] as! String }
    #expect(Set(nonRespondents) == Set(expected.directory.keys).subtracting(expected.respondents))
    for reminder in reminders where !expected.unreadableOnly.contains(reminder["siret"] as! String) {
      let siret = reminder["siret"] as! String
      // "aucune réponse": written in no submission; "dernier fichier refusé": written in one.
      #expect(
        (reminder["raison"] as! String == "aucune réponse") == !expected.mentioned.contains(siret), "\(siret)"
      )
    }
  }

  @Test func theSampleCampaignGivesTheResponseRatesItsFilesImply() throws {
    let folder = LedgerFixtures.temporaryFolder("sample")
    let ledger = folder.appendingPathComponent("enquete.sqlite").path
    for (survey, year) in Self.campaigns {
      let code = try LedgerFixtures.run(
        [
          "campaign", "open", survey, String(year), "--directory",
          LedgerFixtures.samples.appendingPathComponent("annuaires/\(survey)-\(year).csv").path,
          "--ledger", ledger,
        ], in: folder, label: "open")
      #expect(code == 0, "\(LedgerFixtures.stderr("open", in: folder))")
    }
    let samples = LedgerFixtures.samples.path
    let valid = try LedgerFixtures.run(
      ["ingest", "\(samples)/mediation-familiale", "\(samples)/espace-rencontre", "--ledger", ledger],
      in: folder, label: "ingest-valid")
    #expect(valid == 0, "\(LedgerFixtures.stderr("ingest-valid", in: folder).prefix(2000))")
    // The sample README's table: 272/286, 275/289, 200/211, 203/214.
    let published = [272, 275, 200, 203]
    for ((survey, year), respondents) in zip(Self.campaigns, published) {
      let expected = IndependentCampaign(survey: survey, year: year, includeInvalid: false)
      #expect(expected.respondents.count == respondents)
      Self.check(try Self.status(survey, year, ledger: ledger, folder: folder), expected)
    }
    // What a statistician reads, and the mail-merge list.
    #expect(
      try LedgerFixtures.run(
        ["status", "mediation-familiale", "2024", "--ledger", ledger], in: folder, label: "text")
        == 0)
    let text = try String(contentsOf: folder.appendingPathComponent("text.out"), encoding: .utf8)
    #expect(text.contains("Taux de réponse national : 95,1 % (272 / 286)"))
    #expect(
      try LedgerFixtures.run(
        ["status", "espace-rencontre", "2024", "--csv", "--ledger", ledger], in: folder, label: "csv") == 0)
    let csv = try String(contentsOf: folder.appendingPathComponent("csv.out"), encoding: .utf8)
    let lines = csv.split(separator: "\r\n")
    #expect(lines.first == "siret,nom,departement,raison")
    #expect(lines.count == 1 + 11)
    #expect(lines.dropFirst().allSatisfy { $0.hasSuffix(",aucune réponse") })
    // The invalid files (campaign 2025): refused, kept, and the few good rows they carry count.
    let invalid = try LedgerFixtures.run(
      ["ingest", "--annee", "2025", "\(samples)/invalid", "--ledger", ledger], in: folder,
      label: "ingest-invalid")
    #expect(invalid == 65)
    for (survey, year) in Self.campaigns {
      Self.check(
        try Self.status(survey, year, ledger: ledger, folder: folder),
        IndependentCampaign(survey: survey, year: year, includeInvalid: true))
    }
    // Everything again: every file is recognised, nothing is added.
    let again = try LedgerFixtures.run(
      ["ingest", "\(samples)/mediation-familiale", "\(samples)/espace-rencontre", "--ledger", ledger],
      in: folder, label: "ingest-again")
    #expect(again == 0)
    let out = try String(contentsOf: folder.appendingPathComponent("ingest-again.out"), encoding: .utf8)
    #expect(out.contains("0 fichier enregistré"))
  }
}
