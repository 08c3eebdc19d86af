import EnqueteCore

/// The editorial apparatus every output carries in the same words: scope (« Champ »), source,
/// licence, citation and the conventional signs. The national report, the département pages and
/// the xlsx notes sheet draw from it.
struct PublicationNotes {
  let plan: PublicationPlan
  let year: Int
  /// The previous publication this one replaces, if any.
  var revision: PublicationRevision? = nil

  /// The survey's owner.
  var owner: String {
    plan.survey == .espaceRencontre
      ? "Ministère de la Justice" : "Caisse nationale des allocations familiales (CNAF)"
  }

  /// « Champ » : the services the survey covers.
  var scope: String {
    plan.survey == .espaceRencontre
      ? "Les espaces de rencontre agréés, en France métropolitaine et dans les départements d'outre-mer."
      : "Les services de médiation familiale financés par la prestation de service des CAF, en France métropolitaine et dans les départements d'outre-mer."
  }

  /// « Source » : the survey and its year.
  var source: String { "\(owner), enquête annuelle d'activité \(year) (\(plan.title.lowercased()))." }

  /// The licence of every published file.
  static let licence =
    "Licence Ouverte / Open Licence version 2.0 (Etalab) : réutilisation libre, y compris commerciale, sous réserve de mentionner la source."

  /// How to cite the publication.
  var citation: String { "\(owner), « \(plan.title) — \(year) », enquête annuelle d'activité." }

  /// The conventional signs of every table.
  static let symbols: [(sign: String, meaning: String)] = [
    ("s", "secret statistique (la valeur n'est pas diffusée)"),
    (
      "nd",
      "non disponible : des services sont attendus mais aucun n'a répondu ; le chiffre est inconnu, il n'est pas nul et n'entre pas dans les totaux"
    ),
    ("-", "néant : aucun service attendu, ou aucune activité déclarée ; ou indicateur sans base de calcul"),
  ]

  /// The units of the figures.
  static let units =
    "Effectifs en nombre de personnes, de mesures ou d'activités ; montants en euros ; personnel en équivalents temps plein ; parts en % ; délais en jours."

  /// What the totals cover: the respondents, or the respondents and the imputed.
  var coverage: String {
    plan.imputation == nil
      ? "Les totaux portent sur les services répondants ; voir nb_services et nb_services_attendus dans la feuille indicateurs."
      : "Les totaux portent sur les services répondants et les non-répondants imputés (leur rapport de l'année précédente, reporté) ; voir nb_services, nb_services_imputes et nb_services_attendus dans la feuille indicateurs."
  }

  /// The lines of the xlsx notes sheet: a heading and its text each.
  var sheetLines: [(String, String)] {
    [
      (plan.title, "Résultats \(year)"), ("Champ", scope),
      (
        "Couverture", coverage
      ),
      ("Source", source), ("Unités", Self.units), ("Licence", Self.licence), ("Citation", citation),
    ] + (revision.map { [("Révision", $0.sentence)] } ?? [])
      + Self.symbols.map { ("Signe « \($0.sign) »", $0.meaning) }
  }

  /// The notes sheet of a workbook, under `heading` (the publication's title by default).
  func sheet(heading: String? = nil) -> XLSXWorkbook.Sheet {
    var lines = sheetLines
    if let heading { lines[0].1 = heading }
    return XLSXWorkbook.Sheet(
      name: "notes", rows: lines.map { [.text($0.0), .text($0.1)] }, widths: [22, 120], frozenHeading: false)
  }
}
