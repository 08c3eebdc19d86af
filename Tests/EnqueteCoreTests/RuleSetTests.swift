import EnqueteCore
import Foundation
import Testing

@Suite struct RuleSetTests {
  @Test(arguments: SurveyID.allCases)
  func builtInRulesReadAndOnlyNameCatalogVariables(survey: SurveyID) {
    let rules = RuleSet.builtIn(survey)
    let definition = SurveyDefinition.builtIn(survey)
    #expect(rules.rules.count >= 10)
    for rule in rules.rules {
      for name in rule.variables {
        #expect(definition.tables.contains { $0.variable(named: name) != nil }, "\(rule.id) reads \(name)")
      }
    }
  }

  @Test func aRuleOnAnUnknownVariableIsRefusedWithItsId() {
    let json = """
      {"survey": "mediation-familiale", "schemaVersion": "1.0", "rules": [
        {"id": "x.faute", "kind": "bound", "severity": "error", "table": "rapport",
         "check": "nb_mediateurs <= nb_mediatrices", "message": "…"}]}
      """
    #expect(throws: RuleFileError.self) {
      try RuleSet(json: Data(json.utf8), definition: .builtIn(.mediationFamiliale))
    }
    do {
      _ = try RuleSet(json: Data(json.utf8), definition: .builtIn(.mediationFamiliale))
    } catch {
      #expect(error.rule == "x.faute")
      #expect(error.reason.contains("nb_mediatrices"))
    }
  }

  @Test func duplicateIdsAndWrongSeverityAreRefused() {
    let duplicate = """
      {"survey": "mediation-familiale", "schemaVersion": "1.0", "rules": [
        {"id": "a", "kind": "bound", "severity": "error", "table": "rapport", "check": "nb_mediateurs >= 0", "message": ""},
        {"id": "a", "kind": "bound", "severity": "error", "table": "rapport", "check": "nb_mediateurs >= 0", "message": ""}]}
      """
    #expect(throws: RuleFileError.self) {
      try RuleSet(json: Data(duplicate.utf8), definition: .builtIn(.mediationFamiliale))
    }
    let severity = duplicate.replacingOccurrences(of: "\"error\"", with: "\"fatal\"")
    #expect(throws: RuleFileError.self) {
      try RuleSet(json: Data(severity.utf8), definition: .builtIn(.mediationFamiliale))
    }
  }

  @Test func checkerNamesTheRuleAndWhatWasFound() {
    let checker = RuleChecker(rules: .builtIn(.mediationFamiliale))
    let report: [String: Value] = [
      "nb_mediations_terminees": .integer(10), "nb_mediations_terminees_conv": .integer(7),
      "nb_mediations_terminees_jud": .integer(2),
    ]
    let violations = checker.violations(report: report)
    #expect(violations.map(\.rule.id) == ["mf.terminees-par-cadre"])
    #expect(violations.first?.rule.kind.diagnosticCode == "validate.sum-mismatch")
    #expect(
      violations.first?.found
        == "nb_mediations_terminees = 10 ; nb_mediations_terminees_conv + nb_mediations_terminees_jud = 9")
  }

  @Test func detailCountsMustAgreeWithTheReport() {
    let checker = RuleChecker(rules: .builtIn(.espaceRencontre))
    let reception = Value.date(CivilDate(year: 2024, month: 2, day: 1)!)
    let row: [String: Value] = [
      "origine": .string("jaf"), "date_decision": reception, "date_reception": reception,
      "issue": .string("en_cours"),
      "contexte_vif": .boolean(false),
    ]
    let report: [String: Value] = ["annee": .integer(2024), "nb_mesures_recues_jaf": .integer(2)]
    let ids = checker.violations(report: report, detail: ["mesures": [row]]).map(\.rule.id)
    #expect(ids.contains("er.detail.recues-jaf"))
    #expect(!ids.contains("er.mesure.decision-avant-reception"))
  }
}
