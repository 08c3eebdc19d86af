import EnqueteAggregate
import EnqueteCore
import Foundation
import Testing

@Suite struct LinkedTablesTests {
  static let plan = PublicationPlan.builtIn(.mediationFamiliale)

  @Test func builtInPlansHaveNoProblem() {
    for survey in SurveyID.allCases {
      #expect(PublicationPlan.builtIn(survey).problems(catalog: .builtIn(survey)) == [])
    }
  }

  /// Outcomes of ended mediations, with their total; a plain table of sessions.
  static let outcomes = try! JSONDecoder().decode(
    PublicationPlan.self,
    from: Data(
      """
      {"survey": "mediation-familiale", "planVersion": "test", "title": "Test", "protectionRatio": 0.1,
       "rules": {"effectifs": {"label": "1 à 4", "basis": "value", "threshold": 5}},
       "levels": ["national", "region", "cour_appel", "departement", "service"],
       "derivedVariables": [], "indicators": [],
       "tables": [
         {"id": "issue", "title": "Issue", "rule": "effectifs",
          "levels": ["national", "region", "cour_appel", "departement", "service"],
          "total": {"code": "ensemble", "label": "Ensemble", "variable": "nb_mediations_terminees"},
          "categories": [{"code": "ecrit", "label": "Écrit", "variable": "nb_terminees_accord_ecrit"},
                         {"code": "oral", "label": "Oral", "variable": "nb_terminees_accord_oral"}]},
         {"id": "seances", "title": "Séances", "rule": "effectifs", "levels": ["national", "departement"],
          "variables": ["nb_seances"]}]}
      """.utf8))

  @Test func aBreakdownTiesItsTotalAndCategoriesIntoOneSystemThatBalances() throws {
    let reports = [
      Self.report(
        "01",
        [("nb_mediations_terminees", 9), ("nb_terminees_accord_ecrit", 4), ("nb_terminees_accord_oral", 5)]),
      Self.report(
        "13",
        [("nb_mediations_terminees", 6), ("nb_terminees_accord_ecrit", 1), ("nb_terminees_accord_oral", 5)]),
    ]
    let aggregation = try Aggregation(plan: Self.outcomes, year: 2025, reports: reports)
    let linked = LinkedTables(aggregation)
    let total = try #require(linked.location["nb_mediations_terminees|national|FR"])
    let part = try #require(linked.location["nb_terminees_accord_ecrit|departement|13"])
    #expect(total.system == part.system)
    let table = linked.systems[total.system].table
    #expect(table.cells[total.cell].value == 15)
    #expect(table.unbalancedEquations() == [])
    // Every system balances, the structural zeros of empty départements included.
    for system in linked.systems { #expect(system.table.unbalancedEquations() == []) }
    // Two systems: the outcomes with their total, and the sessions (France = Σ départements).
    #expect(linked.systems.count == 2)
    let sessions = try #require(linked.location["nb_seances|national|FR"])
    #expect(linked.systems[sessions.system].table.equations.map(\.parts.count) == [101])
  }

  @Test func aReportWhoseCategoriesDoNotAddUpIsNamed() {
    let reports = [Self.report("01", [("nb_mediations_terminees", 9), ("nb_terminees_accord_ecrit", 4)])]
    #expect(throws: Aggregation.Problem.unbalancedBreakdown(siret: "S01", table: "issue")) {
      try Aggregation(plan: Self.outcomes, year: 2025, reports: reports)
    }
  }

  @Test func franceIsTheSumOfTheRegionsAndSeparatelyOfTheCoursAppel() throws {
    let aggregation = try Aggregation(
      plan: Self.plan, year: 2025, reports: [Self.report("01", [("nb_seances", 12)])])
    let linked = LinkedTables(aggregation)
    let france = try #require(linked.location["nb_seances|national|FR"])
    let table = linked.systems[france.system].table
    let totals = table.equations.filter { $0.total == france.cell }
    #expect(totals.count == 2)
    #expect(Set(totals.map(\.parts.count)) == [18, Geography.reference.coursAppel.count])
  }

  @Test func servicesAddUpToTheirDepartementOnlyWhereTheTableShowsThem() throws {
    let values: [(String, Double)] = [
      ("nb_mediations_terminees", 9), ("nb_terminees_accord_ecrit", 4), ("nb_terminees_accord_oral", 5),
      ("nb_seances", 3),
    ]
    let linked = LinkedTables(
      try Aggregation(plan: Self.outcomes, year: 2025, reports: [Self.report("01", values, siret: "1")]))
    let service = try #require(linked.location["nb_mediations_terminees|service|1"])
    let departement = try #require(linked.location["nb_mediations_terminees|departement|01"])
    let table = linked.systems[service.system].table
    #expect(table.equations.contains { $0.total == departement.cell && $0.parts == [service.cell] })
    #expect(linked.location["nb_seances|service|1"] == nil)
  }

  @Test func excludingALevelDropsItsCellsAndEquations() throws {
    let aggregation = try Aggregation(
      plan: Self.plan, year: 2025, reports: [Self.report("01", [("nb_seances", 12)])])
    let regionsOnly = LinkedTables(aggregation, excluding: [.courAppel])
    #expect(regionsOnly.location.keys.allSatisfy { !$0.contains("|cour_appel|") })
    for system in regionsOnly.systems { #expect(system.table.unbalancedEquations() == []) }
  }

  static func report(
    _ departement: String, _ values: [(String, Double)], siret: String? = nil
  ) -> ReportFigures {
    ReportFigures(
      siret: siret ?? "S\(departement)", name: "Service \(departement)", departementCode: departement,
      numbers: Dictionary(uniqueKeysWithValues: values))
  }
}
