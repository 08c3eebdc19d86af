import EnqueteCore

/// One table as the HTML pages show it: a heading per column, a line per unit, a cell text or `s`.
struct TableView {
  /// The caption.
  var title: String
  /// The heading of the first column.
  var unitHeading: String
  /// Column headings.
  var columns: [String]
  /// Lines: label, whether it is a total, cells (text, or nil for secret).
  var lines: [(label: String, total: Bool, cells: [String?])]

  /// The text of a published cell: the number, or its symbol (``CellSymbol``); nil for secret.
  static func text(_ cell: PublishedData.Cell?) -> String? {
    switch CellSymbol(cell) {
    case .value(let value): FrenchNumber.cell(value)
    case .secret: nil
    case let symbol: symbol.text
    }
  }

  /// A plan table at `units` (level and code each), with `columns` of the table, then how many
  /// services each line covers (``Coverage``).
  static func table(
    _ table: PublishedTableDefinition, data: PublishedData, units: [(GeographicLevel, String, String, Bool)],
    title: String, unitHeading: String, labels: Labels, coverage: Coverage
  ) -> TableView {
    let columns = table.columns
    return TableView(
      title: title, unitHeading: unitHeading,
      columns: columns.map { labels.column(table.id, category: $0.category, variable: $0.variable) }
        + [coverageHeading],
      lines: units.map { level, code, label, total in
        (
          label, total,
          columns.map { text(data.cell(table.id, $0.variable, level, code)) } + [
            coverage.cellText(level, code)
          ]
        )
      })
  }

  /// The heading of the last column of a plan table: how many services its figures cover.
  static let coverageHeading = "Répondants / attendus"

  /// The indicators of `plan` at `units`, one column each.
  static func indicators(
    _ indicators: [IndicatorDefinition], data: PublishedData,
    units: [(GeographicLevel, String, String, Bool)],
    title: String, unitHeading: String
  ) -> TableView {
    TableView(
      title: title, unitHeading: unitHeading, columns: indicators.map(\.label),
      lines: units.map { level, code, label, total in
        (label, total, indicators.map { text(data.cell($0.id, $0.id, level, code)) })
      })
  }

  /// The Mustache context of the table (`tableau.mustache`).
  var context: [String: Any] {
    [
      "titre": title, "entete_unite": unitHeading, "colonnes": columns,
      "lignes": lines.map { line in
        [
          "libelle": line.label, "total": line.total,
          "cellules": line.cells.map { text in ["secret": text == nil, "texte": text ?? ""] as [String: Any]
          },
        ] as [String: Any]
      },
    ]
  }
}
