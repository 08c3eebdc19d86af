import EnqueteAggregate
import EnqueteCore
import EnquetePipeline
import EnqueteProtect
import EnqueteRender
import Foundation
import Testing

/// The publication plan's imputation of non-respondents: a silent service with last year's
/// accepted report has it carried forward, flagged in the files, protected like any contributor;
/// without a previous report the unit stays `ND`.
@Suite struct ImputationTests {
  static let plan: PublicationPlan = {
    var plan = NonResponseTests.plan
    plan.imputation = PublicationPlan.Imputation(method: "carried-forward")
    plan.indicators.append(
      try! JSONDecoder().decode(
        IndicatorDefinition.self,
        from: Data(
          """
          {"id": "nb_services_imputes", "label": "Services imputés", "kind": "imputed-services",
           "levels": ["national", "region", "cour_appel", "departement"]}
          """.utf8)))
    return plan
  }()

  /// Haute-Marne's silent service answered last year (42 sessions); the Marne's late one did not.
  static let before = [
    ReportFigures(
      siret: "00000000000052", name: "Silencieux", departementCode: "52", numbers: ["nb_seances": 42])
  ]

  static func publication() throws -> Publication {
    let imputed = ReportFigures.imputed(
      plan: plan, now: NonResponseTests.reports, before: before, expected: NonResponseTests.directory)
    return try Publication.run(
      plan: plan, year: 2025, reports: NonResponseTests.reports + imputed,
      expected: NonResponseTests.directory)
  }

  @Test func theBuiltInPlansDoNotImputeAndATestPlanWithItIsValid() {
    for survey in SurveyID.allCases { #expect(PublicationPlan.builtIn(survey).imputation == nil) }
    #expect(Self.plan.problems(catalog: .builtIn(.mediationFamiliale)) == [])
    var unflagged = Self.plan
    unflagged.indicators.removeLast()
    #expect(
      unflagged.problems(catalog: .builtIn(.mediationFamiliale)).contains { $0.hasPrefix("imputation:") })
  }

  @Test func aSilentServiceWithLastYearsReportIsCarriedForwardAndFlagged() throws {
    let imputed = ReportFigures.imputed(
      plan: Self.plan, now: NonResponseTests.reports, before: Self.before,
      expected: NonResponseTests.directory)
    #expect(imputed.map(\.siret) == ["00000000000052"])
    #expect(imputed.allSatisfy { $0.imputed })
    let data = try Self.publication().published
    let haute = try #require(data.cell("t", "nb_seances", .departement, "52"))
    // Its figure exists, imputed: published under the plan's rule (42 sessions, above the
    // threshold on values), not nd, and flagged by the count of imputed services.
    #expect(haute.status == .publishable)
    #expect(haute.value == 42)
    #expect(data.cell("nb_services", "nb_services", .departement, "52")?.value == 0)
    #expect(data.cell("nb_services_imputes", "nb_services_imputes", .departement, "52")?.value == 1)
    #expect(data.cell("nb_services_imputes", "nb_services_imputes", .national, "FR")?.value == 1)
  }

  @Test func theImputedReportCountsInTheTotals() throws {
    let data = try Self.publication().published
    let region = try #require(data.cell("t", "nb_seances", .region, "44")?.value)
    #expect(region == NonResponseTests.reports.reduce(0) { $0 + $1.numbers["nb_seances"]! } + 42)
  }

  @Test func withoutAPreviousReportTheUnitStaysNotAvailable() throws {
    let imputed = ReportFigures.imputed(
      plan: Self.plan, now: NonResponseTests.reports, before: [], expected: NonResponseTests.directory)
    let data = try Publication.run(
      plan: Self.plan, year: 2025, reports: NonResponseTests.reports + imputed,
      expected: NonResponseTests.directory
    ).published
    #expect(data.cell("t", "nb_seances", .departement, "52")?.status == .notAvailable)
  }

  @Test func theFolderWithImputedFiguresPassesItsAudit() throws {
    let publication = try Self.publication()
    #expect(publication.auditPasses)
    #expect(try NonResponseTests.folderAuditProblems(publication) == [])
  }
}
