import EnqueteCore
import EnqueteSample
import Foundation
import Testing

@Suite struct CampaignShapeTests {
  @Test func everyValidReportSatisfiesEveryHardRule() {
    let violations = Committed.campaign.ruleViolations()
    #expect(violations.isEmpty, "\(violations.prefix(3).map { "\($0.siret): \($0.violation.message)" })")
  }

  @Test(arguments: SurveyID.allCases)
  func servicesAreSkewedWithWhiteZones(survey: SurveyID) {
    let reports = Committed.campaign.reports[survey]![2024]!
    let perDepartement = Dictionary(grouping: reports, by: \.service.departement.code).mapValues(\.count)
    #expect(perDepartement.count < 101, "some départements have no service")
    #expect(perDepartement.values.contains { $0 >= 5 }, "some départements have several")
    #expect((perDepartement["13"] ?? 0) > (perDepartement["48"] ?? 0))
  }

  @Test(arguments: SurveyID.allCases)
  func someExpectedServicesDoNotAnswer(survey: SurveyID) {
    for year in SampleSettings.committed.years {
      let expected = Committed.campaign.expected[survey]![year]!
      let answered = Set(Committed.campaign.reports[survey]![year]!.map(\.service.siret))
      #expect(answered.isSubset(of: Set(expected.map(\.siret))))
      #expect(expected.count > answered.count)
    }
  }

  @Test func filesComeInEveryFormatARealCampaignReceives() {
    let paths = Committed.files.keys
    let csv = paths.filter {
      $0.hasSuffix(".csv") && !$0.hasPrefix("invalid/") && !$0.hasPrefix("annuaires/")
    }
    #expect(paths.contains { $0.hasSuffix(".xml") && $0.contains("/rapport-") })
    #expect(paths.contains { $0.contains("/federation-region-") })
    #expect(paths.contains { $0.contains("/caf-") })
    #expect(paths.contains { $0.contains("/cour-appel-") && $0.hasSuffix("-mesures.csv") })
    let bytes = csv.map { Committed.files[$0]! }
    #expect(bytes.contains { $0.starts(with: [0xEF, 0xBB, 0xBF]) }, "UTF-8 with BOM")
    #expect(
      bytes.contains {
        !$0.starts(with: [0xEF, 0xBB, 0xBF]) && String(validating: $0, as: UTF8.self) == nil
      }, "Windows-1252")
    #expect(bytes.contains { $0.prefix(200).contains(UInt8(ascii: ";")) }, "semicolon dialect")
    #expect(bytes.contains { !$0.prefix(200).contains(UInt8(ascii: ";")) }, "comma dialect")
    // Excel lost the leading zero of some département codes, and wrote French dates.
    let excel = csv.compactMap { path -> String? in
      let data = Committed.files[path]!
      return data.prefix(200).contains(UInt8(ascii: ";")) ? String(decoding: data, as: UTF8.self) : nil
    }
    #expect(
      excel.contains {
        $0.range(of: #";[1-9];(association|caf|collectivite|autre);"#, options: .regularExpression) != nil
      })
    #expect(excel.contains { $0.range(of: #";\d\d/\d\d/\d{4};"#, options: .regularExpression) != nil })
    // XML detail inline for part of the espaces de rencontre.
    #expect(
      paths.contains {
        $0.hasPrefix("espace-rencontre/")
          && String(decoding: Committed.files[$0]!, as: UTF8.self).contains("<mesures>")
      })
  }

  @Test func directoriesListExpectedRespondents() {
    for survey in SurveyID.allCases {
      for year in SampleSettings.committed.years {
        let text = String(
          decoding: Committed.files["annuaires/\(survey.rawValue)-\(year).csv"]!, as: UTF8.self)
        #expect(text.hasPrefix("siret,nom,enquete,departement_code\n"))
        #expect(text.split(separator: "\n").count == Committed.campaign.expected[survey]![year]!.count + 1)
      }
    }
  }
}
