import EnqueteCore

/// The tables as CSV files: the open-data dialect (UTF-8, comma, point) with a Table Schema each,
/// and French Excel's (`;`, decimal comma, UTF-8 BOM, `s` for secret).
enum OpenDataCSV {
  /// The column names of a table's wide CSV: `niveau,code,libelle`, then per column its value
  /// and its status.
  static func wideColumns(_ table: PublishedTableDefinition) -> [String] {
    ["niveau", "code", "libelle"]
      + table.columns.flatMap { column -> [String] in
        let name = column.category.isEmpty ? column.variable : column.category
        return [name, "statut_" + name]
      }
  }

  /// The units of a table, in the publication's order.
  static func units(
    _ table: PublishedTableDefinition, _ data: PublishedData
  ) -> [(GeographicLevel, String, String)] {
    var seen = Set<String>()
    var result: [(GeographicLevel, String, String)] = []
    for cell in data.cells
    where cell.table == table.id && seen.insert("\(cell.level.rawValue)|\(cell.code)").inserted {
      result.append((cell.level, cell.code, cell.name))
    }
    return result
  }

  /// `donnees/<table>.csv`: one line per unit, one value and one status column per category.
  static func wide(_ table: PublishedTableDefinition, _ data: PublishedData) -> String {
    var out = CSVText.line(wideColumns(table))
    for (level, code, name) in units(table, data) {
      var fields = [level.rawValue, code, SpreadsheetText.defused(name)]
      for column in table.columns {
        let cell = data.cell(table.id, column.variable, level, code)
        // As the long CSV writes it (values are published to the cent at most).
        fields.append(cell?.value.map { Value.canonicalText(of: $0) } ?? "")
        fields.append(cell?.status.published.rawValue ?? "")
      }
      out += CSVText.line(fields)
    }
    return out
  }

  /// The Table Schema of `donnees/<table>.csv`.
  static func wideSchema(_ table: PublishedTableDefinition, labels: Labels) -> String {
    var fields: [OrderedJSON] = [
      .object([
        ("name", .string("niveau")), ("type", .string("string")), ("title", .string("Niveau géographique")),
        ("constraints", .object([("enum", .array(table.levels.map { .string($0.rawValue) }))])),
      ]),
      .object([("name", .string("code")), ("type", .string("string")), ("title", .string("Code de l'unité"))]
      ),
      .object([
        ("name", .string("libelle")), ("type", .string("string")), ("title", .string("Nom de l'unité")),
      ]),
    ]
    for column in table.columns {
      let name = column.category.isEmpty ? column.variable : column.category
      let title = labels.column(table.id, category: column.category, variable: column.variable)
      fields.append(
        .object([
          ("name", .string(name)), ("type", .string("number")), ("title", .string(title)),
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

  /// `excel/<table>.csv`: French Excel's dialect, French headings, the symbols of ``CellSymbol``.
  static func excel(_ table: PublishedTableDefinition, _ data: PublishedData, labels: Labels) -> String {
    var out = "\u{FEFF}"
    let headings =
      ["Niveau", "Code", "Libellé"]
      + table.columns.map {
        labels.column(table.id, category: $0.category, variable: $0.variable)
      }
    out += CSVText.line(headings, delimiter: ";", terminator: "\r\n")
    for (level, code, name) in units(table, data) {
      var fields = [level.frenchName, code, SpreadsheetText.defused(name)]
      for column in table.columns {
        switch CellSymbol(data.cell(table.id, column.variable, level, code)) {
        case .value(let value):
          fields.append(FrenchNumber.text(value, decimals: value == value.rounded() ? 0 : 2, separator: ""))
        case let symbol: fields.append(symbol.text!)
        }
      }
      out += CSVText.line(fields, delimiter: ";", terminator: "\r\n")
    }
    return out
  }
}
