import EnqueteCore

/// The evolution of the key figures at constant scope (``ConstantScopeEvolution``, a value of
/// `EnqueteCore`).
extension ConstantScopeEvolution {
  /// The change of every key figure of `plan` that adds up over services (a table's variable, a
  /// share or a ratio) between `before` and `now`, over the services (SIRETs) that answered both.
  ///
  /// The change is rounded as published (0.1 % or 0.1 point) and withheld when between 1 and
  /// `threshold − 1` services joined or left: the published totals of both years and the change
  /// would then bound the figures of those few services (total now − constant scope now).
  /// - Complexity: O((reports of both years) × key figures).
  public static func compute(
    plan: PublicationPlan, now: [ReportFigures], before: [ReportFigures], threshold: Int
  ) -> [ConstantScopeEvolution] {
    let previous = Dictionary(before.map { ($0.siret, $0) }, uniquingKeysWith: { first, _ in first })
    let pairs = now.compactMap { report in
      previous[report.siret].map {
        (
          now: Aggregation.withDerived(report.numbers, plan.derivedVariables),
          before: Aggregation.withDerived($0.numbers, plan.derivedVariables)
        )
      }
    }
    let entered = now.count - pairs.count
    let left = previous.count - pairs.count
    let withheld = (1..<max(threshold, 1)).contains(entered) || (1..<max(threshold, 1)).contains(left)
    func sum(
      _ variables: [String],
      _ year: KeyPath<(now: [String: Double], before: [String: Double]), [String: Double]>
    )
      -> Double
    {
      pairs.reduce(0) { total, pair in total + variables.reduce(0) { $0 + (pair[keyPath: year][$1] ?? 0) } }
    }
    func relative(_ old: Double, _ new: Double) -> Change? {
      old > 0 ? .percent(((new - old) / old * 1000).rounded() / 10) : nil
    }
    return (plan.report?.keyFigures ?? []).compactMap { key in
      let change: Change?
      if plan.table(id: key.table) != nil {
        change = relative(sum([key.variable], \.before), sum([key.variable], \.now))
      } else if let indicator = plan.indicators.first(where: { $0.id == key.table }),
        let numerator = indicator.numerator, let denominator = indicator.denominator,
        indicator.kind == .share || indicator.kind == .ratio
      {
        let (oldBase, newBase) = (sum([denominator], \.before), sum([denominator], \.now))
        guard oldBase > 0, newBase > 0 else {
          return ConstantScopeEvolution(
            table: key.table, variable: key.variable, change: nil, services: pairs.count, withheld: withheld)
        }
        let (old, new) = (sum(numerator, \.before) / oldBase, sum(numerator, \.now) / newBase)
        change = indicator.kind == .share ? .points(((new - old) * 1000).rounded() / 10) : relative(old, new)
      } else {
        return nil
      }
      return ConstantScopeEvolution(
        table: key.table, variable: key.variable, change: withheld ? nil : change, services: pairs.count,
        withheld: withheld)
    }
  }
}
