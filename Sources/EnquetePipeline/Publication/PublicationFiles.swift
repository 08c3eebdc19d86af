import EnqueteAggregate
import EnqueteCore
import EnqueteProtect

/// The files of a publication, as text: what `enquete publish` writes. All deterministic.
///
/// Published folder: `tableaux.csv` (long open data, one row per cell), `tableaux.schema.json`
/// (its Table Schema), `structure.json` (the equations a reader needs to audit the folder) and
/// `audit.json` (every hidden cell's status, rule and proved interval, no value). The private
/// audit (`audit-prive.json`, with values and information loss) goes elsewhere.
public enum PublicationFiles {
  /// The long CSV's columns, in order.
  public static let columns = PublishedData.columns

  /// `tableaux.csv`: UTF-8, comma, `\n`, RFC 4180 quoting; empty `valeur` when secret.
  /// - Complexity: O(rows).
  public static func longCSV(_ publication: Publication) -> String {
    var out = columns.joined(separator: ",") + "\n"
    let year = String(publication.year)
    for row in publication.rows {
      let fields = [
        year, row.table, row.level.rawValue, row.code, SpreadsheetText.defused(row.name), row.category,
        row.variable, row.value.map { text($0, indicator: row.cellID == nil) } ?? "",
        row.status.published.rawValue,
        row.departement ?? "",
      ]
      out += fields.map(quoted).joined(separator: ",") + "\n"
    }
    return out
  }

  /// A value as the open-data file writes it: whole numbers without decimals, magnitudes with
  /// their cents, indicators to one decimal; a point as decimal separator.
  public static func text(_ value: Double, indicator: Bool) -> String {
    let rounded = indicator ? LinkedTables.roundedIndicator(value) : (value * 100).rounded() / 100
    return Value.canonicalText(of: rounded == 0 ? 0 : rounded)
  }

  /// A CSV field, quoted when it holds a comma, a quote or a line break.
  static func quoted(_ field: String) -> String {
    guard field.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" }) else { return field }
    return "\"" + field.replacingOccurrences(of: "\"", with: "\"\"") + "\""
  }

  /// `tableaux.schema.json`: the Table Schema of the long CSV.
  public static func longCSVSchema(_ publication: Publication) -> String {
    let tables = publication.plan.tables.map(\.id) + publication.plan.indicators.map(\.id)
    func field(
      _ name: String, _ type: String, _ title: String, _ constraints: [(String, OrderedJSON)] = []
    )
      -> OrderedJSON
    {
      var members: [(String, OrderedJSON)] = [
        ("name", .string(name)), ("type", .string(type)), ("title", .string(title)),
      ]
      if !constraints.isEmpty { members.append(("constraints", .object(constraints))) }
      return .object(members)
    }
    let schema = OrderedJSON.object([
      (
        "fields",
        .array([
          field("annee", "integer", "Année de l'exercice", [("required", .bool(true))]),
          field(
            "table", "string", "Tableau ou indicateur",
            [("required", .bool(true)), ("enum", .array(tables.map(OrderedJSON.string)))]),
          field(
            "niveau", "string", "Niveau géographique",
            [
              ("required", .bool(true)),
              ("enum", .array(GeographicLevel.allCases.map { .string($0.rawValue) })),
            ]),
          field(
            "code", "string", "Code de l'unité (FR, région, cour d'appel, département, SIRET)",
            [("required", .bool(true))]),
          field("libelle", "string", "Nom de l'unité"),
          field(
            "categorie", "string",
            "Catégorie (vide pour une variable sans ventilation ; ensemble pour le total)"),
          field("variable", "string", "Variable ou indicateur", [("required", .bool(true))]),
          field(
            "valeur", "number", "Valeur ; vide si la case est secrète ou non calculable",
            [("minimum", .number(0))]),
          field(
            "statut", "string",
            "V diffusable, S secret (quelle qu'en soit la raison), Z zéro structurel",
            [
              ("required", .bool(true)),
              ("enum", .array(CellStatus.publishedCases.map { .string($0.rawValue) })),
            ]),
          field(
            "departement", "string",
            "Département de l'unité (pour un service, celui dont il relève ; vide au-dessus du département)"),
        ])
      ),
      ("primaryKey", .array(["table", "niveau", "code", "categorie", "variable"].map(OrderedJSON.string))),
      ("missingValues", .array([.string("")])),
    ])
    return schema.rendered()
  }

  /// `structure.json`: for every linked system, its rule, its cells and its equations (indices
  /// into the cells), so that `enquete audit` can rebuild the system from the published files.
  public static func structure(_ publication: Publication) -> String {
    let plan = publication.plan
    let systems = publication.linked.systems.map { system -> OrderedJSON in
      let rule = plan.rules[system.rule]!
      return .object([
        ("regle", .string(system.rule)), ("base", .string(rule.basis.rawValue)),
        ("seuil", .number(Double(rule.threshold))),
        ("cellules", .array(system.table.cells.map { .string($0.id) })),
        (
          "equations",
          .array(system.table.equations.map { .array($0.cells.map { .number(Double($0)) }) })
        ),
      ])
    }
    return OrderedJSON.object([
      ("enquete", .string(plan.survey.rawValue)), ("annee", .number(Double(publication.year))),
      ("plan", .string(plan.planVersion)), ("ratio_protection", .number(plan.protectionRatio)),
      ("systemes", .array(systems)),
    ]).rendered()
  }
}
