import EnqueteCore

/// The key figures of the national report (`chiffres_cles`): each national value with its change
/// from the previous year, at constant scope where the figure adds up over services, and the
/// multi-year chart of every year published.
struct KeyFigures {
  let facts: ReportFacts
  let labels: Labels

  /// What a change between published values covers, said after the year compared with.
  static let allRespondents = " (ensemble des répondants)"

  /// A change and what it covers (empty at constant scope or for counts of services).
  typealias Change = (text: String, scope: String)

  private var keys: [PublicationPlan.ReportChoices.Reference] { facts.plan.report?.keyFigures ?? [] }

  private func national(
    _ data: PublishedData?, _ key: PublicationPlan.ReportChoices.Reference
  )
    -> PublishedData.Cell?
  {
    data?.cell(key.table, key.variable, .national, GeographicLevel.nationalCode)
  }

  /// The Mustache context of each key figure: `libelle`, `valeur`, and `evolution` when there is a
  /// previous year.
  func figures() -> [[String: Any]] {
    keys.map { key in
      let now = national(facts.current, key)
      var figure: [String: Any] = [
        "libelle": labels.variable(key.variable), "valeur": TableView.text(now) ?? "s",
      ]
      if let previous = facts.previous, let change = change(key, now: now, before: national(previous, key)) {
        figure["evolution"] = "\(change.text) par rapport à \(previous.year)\(change.scope)"
      }
      return figure
    }
  }

  /// The change of a key figure: at constant scope when computed, else between the published
  /// values (labelled so, except for counts of services and durations, which are what they say).
  private func change(
    _ key: PublicationPlan.ReportChoices.Reference, now: PublishedData.Cell?, before: PublishedData.Cell?
  ) -> Change? {
    let kind = facts.plan.indicators.first { $0.id == key.table }?.kind
    switch kind {
    case .services?, .expectedServices?, .imputedServices?:
      guard let old = before?.value, let new = now?.value else { return nil }
      let difference = Int((new - old).rounded())
      let text =
        difference == 0
        ? "stable"
        : (difference > 0 ? "+" : "-") + FrenchFormat.plural(abs(difference), "service", "services")
      return (text, "")
    // A duration changes by days, not by a percentage of days.
    case .waitMean?, .waitMedian?:
      return FrenchNumber.days(from: before?.value, to: now?.value).map { ($0, Self.allRespondents) }
    default:
      if let scope = facts.constantScope.first(where: { $0.table == key.table && $0.variable == key.variable }
      ),
        let change = scope.change
      {
        switch change {
        case .percent(let value): return (FrenchNumber.signedPercent(value) + " à champ constant", "")
        case .points(let value): return (FrenchNumber.signedPoints(value) + " à champ constant", "")
        }
      }
      let published =
        kind == .share
        ? FrenchNumber.points(from: before?.value, to: now?.value)
        : FrenchNumber.evolution(from: before?.value, to: now?.value)
      return published.map { ($0, Self.allRespondents) }
    }
  }

  /// « À champ constant : les 270 services qui ont répondu en 2024 et en 2025. », when an
  /// evolution is at constant scope.
  func constantScopeNote() -> String? {
    guard let previous = facts.previous, let scope = facts.constantScope.first(where: { $0.change != nil })
    else { return nil }
    return
      "À champ constant : évolution calculée sur les \(FrenchNumber.text(Double(scope.services))) services qui ont répondu en \(previous.year) et en \(facts.current.year), pour qu'un service entré dans l'enquête ou sorti ne se lise pas comme une hausse ou une baisse d'activité."
  }

  /// The chart of the key figures over every year published; nil with a single year.
  func chart() -> String? {
    let years = facts.history.filter { $0.year < facts.current.year } + [facts.current]
    guard years.count > 1 else { return nil }
    let series = keys.map { key in
      EvolutionChart.Series(
        label: labels.variable(key.variable), values: years.map { ($0.year, national($0, key)?.value) })
    }
    return EvolutionChart.svg(title: "Évolution des chiffres clés", series: series)
  }
}
