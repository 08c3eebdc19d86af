import EnqueteCore

/// The tables as CSV files: the open-data dialect (UTF-8, comma, point) with a Table Schema each,
/// and French Excel's (`;`, decimal comma, UTF-8 BOM, `s` for secret).
enum OpenDataCSV {
  /// The column names of a table's wide CSV: `niveau,code,libelle`, then per column its value
  /// and its status.
  static func wideColumns(_ table: WideTable) -> [String] {
    ["niveau", "code", "libelle"] + table.columns.flatMap { [$0.name, "statut_" + $0.name] }
  }

  /// `donnees/<table>.csv`: one line per unit, one value and one status column per category.
  static func wide(_ table: WideTable, _ data: PublishedData) -> String {
    var out = CSVText.line(wideColumns(table))
    for (level, code, name) in table.units(data) {
      var fields = [level.rawValue, code, SpreadsheetText.defused(name)]
      for column in table.columns {
        let cell = table.cell(data, column, level, code)
        // As the long CSV writes it (values are published to the cent at most).
        fields.append(cell?.value.map { Value.canonicalText(of: $0) } ?? "")
        fields.append(cell?.status.published.rawValue ?? "")
      }
      out += CSVText.line(fields)
    }
    return out
  }

  /// The Table Schema of `donnees/<table>.csv`.
  /// A count (``PublicationPlan/isIntegral(_:catalog:)``) is typed `integer`, anything else
  /// `number`.
  static func wideSchema(_ table: WideTable, levels: [GeographicLevel]) -> String {
    var fields: [OrderedJSON] = [
      .object([
        ("name", .string("niveau")), ("type", .string("string")), ("title", .string("Niveau géographique")),
        ("constraints", .object([("enum", .array(levels.map { .string($0.rawValue) }))])),
      ]),
      .object([("name", .string("code")), ("type", .string("string")), ("title", .string("Code de l'unité"))]
      ),
      .object([
        ("name", .string("libelle")), ("type", .string("string")), ("title", .string("Nom de l'unité")),
      ]),
    ]
    for column in table.columns {
      let name = column.name
      fields.append(
        .object([
          ("name", .string(name)), ("type", .string(column.integral ? "integer" : "number")),
          ("title", .string(column.title)),
          ("description", .string("Vide si la case est secrète ou non disponible (voir statut_\(name)).")),
        ]))
      fields.append(
        .object([
          ("name", .string("statut_" + name)), ("type", .string("string")),
          (
            "title",
            .string("Statut : " + CellStatus.publishedLegend)
          ),
          (
            "constraints", .object([("enum", .array(CellStatus.publishedCases.map { .string($0.rawValue) }))])
          ),
        ]))
    }
    return OrderedJSON.object([
      ("title", .string(table.title)), ("fields", .array(fields)),
      ("primaryKey", .array([.string("niveau"), .string("code")])), ("missingValues", .array([.string("")])),
    ]).rendered()
  }

  /// `excel/<table>.csv`: French Excel's dialect, French headings, the symbols of ``CellSymbol``,
  /// each column with its own number of decimals.
  static func excel(
    _ table: WideTable, _ data: PublishedData, units: [(GeographicLevel, String, String)]? = nil
  ) -> String {
    var out = "\u{FEFF}"
    out += CSVText.line(
      ["Niveau", "Code", "Libellé"] + table.columns.map(\.title), delimiter: ";", terminator: "\r\n")
    for (level, code, name) in units ?? table.units(data) {
      var fields = [level.frenchName, code, SpreadsheetText.defused(name)]
      for column in table.columns {
        switch CellSymbol(table.cell(data, column, level, code)) {
        case .value(let value):
          fields.append(FrenchNumber.text(value, decimals: column.decimals, separator: ""))
        case let symbol: fields.append(symbol.text!)
        }
      }
      out += CSVText.line(fields, delimiter: ";", terminator: "\r\n")
    }
    return out
  }
}
