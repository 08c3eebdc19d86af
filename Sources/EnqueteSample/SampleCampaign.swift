import EnqueteCore

/// A whole synthetic campaign: for each survey and year, the expected services and the reports of
/// those that answer; files are produced from it on demand.
public struct SampleCampaign: Sendable {
  /// How it was generated.
  public let settings: SampleSettings
  /// Expected respondents, by survey and year (the directory of the campaign).
  public let expected: [SurveyID: [Int: [SampleService]]]
  /// Reports of the services that answer, by survey and year.
  public let reports: [SurveyID: [Int: [SampleReport]]]

  /// Generates the campaign: populations, respondents and their reports.
  /// - Complexity: O(services × variables), plus the detail rows of the espaces de rencontre.
  public static func generate(_ settings: SampleSettings) -> SampleCampaign {
    var expected: [SurveyID: [Int: [SampleService]]] = [:]
    var reports: [SurveyID: [Int: [SampleReport]]] = [:]
    for survey in SurveyID.allCases {
      let population = ServicePopulation(
        survey: survey, years: settings.years, scale: settings.scale, seed: settings.seed)
      for year in settings.years {
        expected[survey, default: [:]][year] = population.expected(in: year)
        let respondents = population.respondents(
          in: year, survey: survey, scale: settings.scale, seed: settings.seed)
        reports[survey, default: [:]][year] =
          switch survey {
          case .mediationFamiliale:
            MediationReports(year: year, scale: settings.scale, seed: settings.seed).generate(respondents)
          case .espaceRencontre:
            RencontreReports(year: year, scale: settings.scale, seed: settings.seed).generate(respondents)
          }
      }
    }
    return SampleCampaign(settings: settings, expected: expected, reports: reports)
  }

  /// The per-measure detail a report comes with (empty when its service does not send it).
  public func detail(of report: SampleReport) -> [[String: Value]] {
    report.service.sendsDetail ? MeasureDetail(seed: settings.seed).rows(for: report) : []
  }

  /// National totals of the reports of a survey and year, by variable (counts and magnitudes).
  public func nationalTotals(_ survey: SurveyID, year: Int) -> [String: Double] {
    var totals: [String: Double] = [:]
    for report in reports[survey]?[year] ?? [] {
      for (name, value) in report.values {
        if let number = value.numeric, name != "annee" { totals[name, default: 0] += number }
      }
    }
    return totals
  }

  /// Every rule a generated report breaks, with its SIRET: empty unless the generator has a bug.
  public func ruleViolations() -> [(siret: String, violation: RuleViolation)] {
    var found: [(String, RuleViolation)] = []
    for survey in SurveyID.allCases {
      let checker = RuleChecker(rules: .builtIn(survey))
      let detailTable = SurveyDefinition.builtIn(survey).detail?.name
      for report in reports[survey]!.values.joined() {
        let rows = detail(of: report)
        let detail = detailTable.map { rows.isEmpty ? [:] : [$0: rows] } ?? [:]
        for violation in checker.violations(report: report.values, detail: detail)
        where violation.rule.severity == .error {
          found.append((report.service.siret, violation))
        }
      }
    }
    return found
  }
}
