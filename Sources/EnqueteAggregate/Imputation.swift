import EnqueteCore

/// The imputation of non-respondents (``PublicationPlan/Imputation``, off unless the plan asks).
extension ReportFigures {
  /// The imputed reports of a campaign: every service of `expected` without a report in `now`
  /// but with one in `before` (the previous year's current reports) gets that report carried
  /// forward unchanged, without its per-measure detail, flagged ``imputed``, in its département
  /// of this year's directory. Empty when `plan` does not impute.
  /// - Complexity: O(now + before + expected).
  public static func imputed(
    plan: PublicationPlan, now: [ReportFigures], before: [ReportFigures], expected: [ExpectedRespondent]
  ) -> [ReportFigures] {
    guard plan.imputation != nil else { return [] }
    let answered = Set(now.map(\.siret))
    let previous = Dictionary(before.map { ($0.siret, $0) }, uniquingKeysWith: { first, _ in first })
    return expected.filter { !answered.contains($0.siret) }.compactMap { service in
      guard let last = previous[service.siret] else { return nil }
      return ReportFigures(
        siret: service.siret, name: service.name, departementCode: service.departementCode,
        numbers: last.numbers,
        imputed: true)
    }
  }
}
