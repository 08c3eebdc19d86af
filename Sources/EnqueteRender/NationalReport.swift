import EnqueteCore

/// The Mustache context of the national report (`rapport.mustache`).
struct NationalReport {
  let facts: ReportFacts
  let labels: Labels

  /// The units of a level as table lines, France last as the total.
  func units(_ level: GeographicLevel) -> [(GeographicLevel, String, String, Bool)] {
    var seen = Set<String>()
    var result: [(GeographicLevel, String, String, Bool)] = []
    for cell in facts.current.cells where cell.level == level && seen.insert(cell.code).inserted {
      result.append((level, cell.code, labels.unit(level, cell.code), false))
    }
    return result + [(.national, GeographicLevel.nationalCode, "France", true)]
  }

  static let levelTitles: [(GeographicLevel, String)] = [
    (.region, "par région"), (.courAppel, "par cour d'appel"), (.departement, "par département"),
  ]

  func context() -> [String: Any] {
    let plan = facts.plan
    let data = facts.current
    let year = data.year
    let notes = PublicationNotes(plan: plan, year: year, revision: facts.revision)
    var context: [String: Any] = [
      "titre": plan.title, "annee": year, "proprietaire": notes.owner,
      "taux_reponse": facts.expected > 0
        ? FrenchNumber.percent(Double(facts.respondents) / Double(facts.expected))
        : "–",
      "repondants": facts.respondents, "attendus": facts.expected, "outil": facts.tool,
      "champ": notes.scope, "source": notes.source, "licence": PublicationNotes.licence,
      "citation": notes.citation, "unites": PublicationNotes.units,
      "symboles": PublicationNotes.symbols.map { ["signe": $0.sign, "sens": $0.meaning] },
    ]
    if let contact = plan.report?.contact { context["contact"] = contact }
    if let date = facts.publishedAt { context["date_publication"] = FrenchFormat.longDate(date) }
    if let revision = facts.revision { context["revision"] = revision.sentence }
    if let previous = facts.previous { context["annee_precedente"] = previous.year }
    let printer = TablePrinter(facts: facts, labels: labels)
    let coverage = printer.coverage
    let missing = coverage.notAvailable(at: .departement)
    context["a_des_non_repondants"] = !missing.isEmpty
    context["non_repondants"] = FrenchFormat.list(
      missing.map {
        "\(labels.unit(.departement, $0.code)) (\(FrenchNumber.text(Double($0.expected))) attendu\($0.expected > 1 ? "s" : ""))"
      })
    context["nombre_non_repondants"] = FrenchFormat.plural(missing.count, "département", "départements")
    let partial = coverage.partial(at: .departement).count
    context["a_des_partiels"] = partial > 0
    if plan.imputation != nil {
      let imputed = coverage.imputedCount(.national, GeographicLevel.nationalCode)
      context["imputation"] = FrenchFormat.plural(imputed, "service", "services")
    }
    context["nombre_partiels"] = FrenchFormat.plural(partial, "département", "départements")

    // Key figures and their evolution.
    let keyFigures = KeyFigures(facts: facts, labels: labels)
    context["chiffres_cles"] = keyFigures.figures()
    if let note = keyFigures.constantScopeNote() { context["champ_constant"] = note }
    if let chart = keyFigures.chart() { context["evolution_svg"] = chart }

    // The map: a rate per 100 000 inhabitants by département.
    if let map = plan.report?.map {
      let areas = data.cells(of: map.table, at: .departement).filter { $0.variable == map.variable }.map {
        ChoroplethMap.Area(
          code: $0.code, value: $0.value, status: $0.status,
          noService: coverage.at(.departement, $0.code)?.expected == 0)
      }
      let population = ReferencePopulation.estimate2025
      context["carte_titre"] = map.title
      context["carte_svg"] = ChoroplethMap.svg(
        .init(
          title: map.title,
          rateTitle:
            "\(labels.variable(map.variable)) pour 100 000 habitants (population au 1er janvier \(population.year))",
          population: population),
        areas: areas, link: { "departements/\($0)/index.html" }, name: { labels.unit(.departement, $0) })
    }

    // National distributions of every breakdown.
    context["graphiques"] = plan.tables.filter { $0.total != nil }.map { table -> [String: Any] in
      let total = data.cell(table.id, table.total!.variable, .national, GeographicLevel.nationalCode)
      let bars = table.categories!.map { category in
        BarChart.Bar(
          label: category.label,
          value: data.cell(table.id, category.variable, .national, GeographicLevel.nationalCode)?.value)
      }
      return [
        "titre": table.title, "svg": BarChart.svg(title: table.title, bars: bars, total: total?.value),
        "notes": printer.notes(for: table),
      ]
    }

    // Tables by level.
    context["sections"] = plan.tables.map { table -> [String: Any] in
      let levels = Self.levelTitles.filter { table.levels.contains($0.0) }
      return [
        "id": table.id, "titre": table.title,
        "tableaux": levels.enumerated().map { index, level -> [String: Any] in
          var view = printer.table(
            table, units: units(level.0), title: "\(table.title), \(level.1)", unitHeading: level.0.frenchName
          ).context
          view["ouvert"] = index == 0
          return view
        },
      ]
    }
    context["indicateurs"] = Self.levelTitles.enumerated().map { index, level -> [String: Any] in
      let indicators = plan.indicators.filter { $0.levels.contains(level.0) }
      var view = printer.indicators(
        indicators, units: units(level.0), title: "Indicateurs \(level.1)", unitHeading: level.0.frenchName
      ).context
      view["ouvert"] = index == 0
      return view
    }

    // Methodology and quality.
    context["regles"] = plan.rules.keys.sorted().map { plan.rules[$0]!.label }
    context["ratio"] = FrenchNumber.text(plan.protectionRatio * 100)
    let statuses = data.cells.filter { cell in plan.tables.contains { $0.id == cell.table } }.map(\.status)
    context["cases"] = FrenchNumber.text(Double(statuses.count))
    context["secretes"] = FrenchNumber.text(Double(statuses.count(where: \.isSuppressed)))
    context["definitions"] =
      plan.indicators.map { ["terme": $0.label, "definition": Self.definition($0, labels)] }
    context["fichiers"] = facts.files.total
    context["fichiers_acceptes"] = facts.files.accepted
    context["fichiers_partiels"] = facts.files.partial
    context["fichiers_refuses"] = facts.files.refused
    context["rapports_acceptes"] = facts.files.acceptedReports
    context["a_des_messages"] = !facts.messages.isEmpty
    context["avertissements"] = facts.messages.map {
      [
        "code": $0.code, "libelle": DiagnosticCodeWording.french($0.code) ?? $0.code,
        "gravite": $0.severity == "error" ? "erreur" : "avertissement", "nombre": $0.count,
      ] as [String: Any]
    }
    return context
  }

  /// The French definition of an indicator, from its declaration in the plan.
  static func definition(_ indicator: IndicatorDefinition, _ labels: Labels) -> String {
    let numerator = (indicator.numerator ?? []).map { labels.variable($0).lowercased() }.joined(
      separator: " + ")
    let denominator = indicator.denominator.map { labels.variable($0).lowercased() } ?? ""
    switch indicator.kind {
    case .services: return "Nombre de services ayant transmis un rapport accepté."
    case .imputedServices:
      return
        "Nombre de services attendus qui n'ont pas répondu et dont le dernier rapport accepté, celui de l'année précédente, est reporté à l'identique (imputation)."
    case .expectedServices:
      return
        "Nombre de services attendus : ceux de l'annuaire de la campagne, et tout service qui a répondu sans y figurer."
    case .share:
      return "100 × (\(numerator)) / \(denominator) ; publié seulement là où ces deux chiffres le sont."
    case .ratio: return "(\(numerator)) / \(denominator) ; publié seulement là où ces deux chiffres le sont."
    case .waitMean:
      return
        "Moyenne, sur les mesures du détail ayant eu une première visite, du nombre de jours entre la réception de la décision et cette visite ; publiée à partir de 5 mesures, et seulement là où toutes les classes de délai d'attente le sont."
    case .waitMedian:
      return
        "Médiane du nombre de jours entre la réception de la décision et la première visite, estimée par la méthode de Kaplan-Meier : les mesures encore en attente au 31 décembre comptent jusqu'à cette date sans être écartées ; publiée à partir de 5 mesures, et seulement là où toutes les classes de délai d'attente le sont."
    }
  }
}
