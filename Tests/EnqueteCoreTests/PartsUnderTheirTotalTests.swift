import EnqueteCore
import Foundation
import Testing

/// Every « dont » column of a published table sits under the total it is part of (issue 17).
@Suite struct PartsUnderTheirTotalTests {
  @Test(arguments: SurveyID.allCases)
  func everyBuiltInDontColumnSitsUnderItsTotal(survey: SurveyID) {
    #expect(
      PublicationPlan.builtIn(survey).misplacedParts(catalog: .builtIn(survey), rules: .builtIn(survey)) == []
    )
  }

  /// The layout once published: injunctions (part of the entretiens) under collective meetings.
  @Test func aDontColumnUnderAnotherTotalIsFound() throws {
    let plan = try JSONDecoder().decode(
      PublicationPlan.self,
      from: Data(
        """
        {"survey": "mediation-familiale", "planVersion": "test", "title": "Test", "protectionRatio": 0.1,
         "rules": {"effectifs": {"label": "1 à 4", "basis": "value", "threshold": 5}},
         "levels": ["national", "departement"], "derivedVariables": [], "indicators": [],
         "tables": [
           {"id": "information", "title": "Information", "rule": "effectifs", "levels": ["national"],
            "variables": ["nb_reunions_info_collectives", "nb_entretiens_info_origine_judiciaire"]},
           {"id": "seul", "title": "Seul", "rule": "effectifs", "levels": ["national"],
            "variables": ["nb_mediateurs_demf"]},
           {"id": "bien", "title": "Bien", "rule": "effectifs", "levels": ["national"],
            "variables": ["nb_entretiens_info_prealables", "nb_entretiens_info_origine_judiciaire"]}]}
        """.utf8))
    let problems = plan.misplacedParts(
      catalog: .builtIn(.mediationFamiliale), rules: .builtIn(.mediationFamiliale))
    #expect(
      problems == [
        "table information: nb_entretiens_info_origine_judiciaire is shown under nb_reunions_info_collectives, "
          + "but no rule bounds it by nb_reunions_info_collectives (its total: nb_entretiens_info_prealables)",
        "table seul: nb_mediateurs_demf is a « dont » with no column above it",
      ])
  }
}

/// In the committed national figures (`Reports/`), every « dont » is at most the total it sits
/// under (issue 17's acceptance).
@Suite struct PublishedPartsAtMostTheirTotalTests {
  static let reports = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
    .deletingLastPathComponent().deletingLastPathComponent().appendingPathComponent("Reports")

  @Test(arguments: SurveyID.allCases)
  func everyNationalDontIsAtMostItsTotal(survey: SurveyID) throws {
    let plan = PublicationPlan.builtIn(survey)
    let catalog = SurveyDefinition.builtIn(survey)
    var compared = 0
    for table in plan.tables {
      let names = table.variables ?? []
      let data = Self.reports.appendingPathComponent("\(survey.rawValue)/2025/donnees/\(table.id).csv")
      let lines = try String(contentsOf: data, encoding: .utf8).split(separator: "\n").map {
        $0.split(separator: ",", omittingEmptySubsequences: false).map(String.init)
      }
      let header = try #require(lines.first)
      let national = try #require(lines.first { $0.first == "national" })
      func value(_ name: String) -> Double? {
        guard let index = header.firstIndex(of: name), national[index + 1] == "V" else { return nil }
        return Double(national[index])
      }
      for (index, name) in names.enumerated()
      where catalog.report.variable(named: name)?.label.lowercased().hasPrefix("dont ") == true {
        let total = try #require(
          names[..<index].last {
            catalog.report.variable(named: $0)?.label.lowercased().hasPrefix("dont ") != true
          })
        guard let part = value(name), let whole = value(total) else { continue }
        #expect(part <= whole, "\(table.id): \(name) \(part) > \(total) \(whole)")
        compared += 1
      }
    }
    #expect(compared > 0)
  }
}
