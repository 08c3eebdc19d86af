import EnqueteCore

/// The files of a publication, as text: what `enquete publish` writes. All deterministic.
///
/// Published folder: `tableaux.csv` (long open data, one row per cell), `tableaux.schema.json`
/// (its Table Schema), `structure.json` (the equations a reader needs to audit the folder) and
/// `audit.json` (every hidden cell's status, rule and proved interval, no value). The private
/// audit (`audit-prive.json`, with values and information loss) goes elsewhere.
public enum PublicationFiles {
  /// The long CSV's columns, in order.
  public static let columns = PublishedData.columns

  /// The files of the published folder, in the order written.
  public static let publishedFiles = [
    "tableaux.csv", "tableaux.schema.json", "structure.json", "audit.json", "datapackage.json",
  ]

  /// The texts of ``publishedFiles``, in order (`revision`: the publication they replace, if any).
  public static func published(
    _ data: PublishedData, plan: PublicationPlan, structure: PublishedStructure, audit: PublishedAudit,
    revision: PublicationRevision? = nil
  ) -> [String] {
    [
      longCSV(data), longCSVSchema(plan), structure.rendered(), audit.rendered(),
      DataPackage.json(plan: plan, year: data.year, paths: ["tableaux.csv"], revision: revision),
    ]
  }

  /// `tableaux.csv`: UTF-8, comma, `\n`, RFC 4180 quoting; empty `valeur` when secret.
  /// - Complexity: O(cells).
  public static func longCSV(_ data: PublishedData) -> String {
    var out = CSVText.line(columns)
    for cell in data.cells { out += line(cell, year: data.year) }
    return out
  }

  /// One line of the long CSV (`tableaux.csv`, a département's extract): the value as published,
  /// with a point as decimal separator; the unit's name defused for spreadsheets.
  public static func line(_ cell: PublishedData.Cell, year: Int) -> String {
    CSVText.line([
      String(year), cell.table, cell.level.rawValue, cell.code, SpreadsheetText.defused(cell.name),
      cell.category,
      cell.variable, cell.value.map { Value.canonicalText(of: $0) } ?? "", cell.status.published.rawValue,
      cell.departement ?? "",
    ])
  }

  /// A value as the open-data file writes it: whole numbers without decimals, magnitudes with
  /// their cents, indicators to one decimal; a point as decimal separator.
  public static func text(_ value: Double, indicator: Bool) -> String {
    Value.canonicalText(of: PublishedData.publishedValue(value, indicator: indicator))
  }

  /// `tableaux.schema.json`: the Table Schema of the long CSV.
  public static func longCSVSchema(_ plan: PublicationPlan) -> String {
    let tables = plan.tables.map(\.id) + plan.indicators.map(\.id)
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
            "valeur", "number", "Valeur ; vide si la case est secrète, non disponible ou non calculable",
            [("minimum", .number(0))]),
          field(
            "statut", "string",
            CellStatus.publishedLegend,
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
}
