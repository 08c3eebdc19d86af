import EnqueteCore

/// One table as the HTML pages show it: a heading per column, a line per unit, a cell text or `s`,
/// and the notes under it (« Champ », « Source », « Lecture »).
struct TableView {
  /// The caption.
  var title: String
  /// The heading of the first column.
  var unitHeading: String
  /// Column headings.
  var columns: [String]
  /// Lines: label, whether it is a total, cells (text, or nil for secret).
  var lines: [(label: String, total: Bool, cells: [String?])]
  /// The notes printed under the table.
  var notes: [String] = []

  /// The text of a published cell as a key figure shows it (``FrenchNumber/cell(_:separator:)``),
  /// or its symbol (``CellSymbol``); nil for secret.
  static func text(_ cell: PublishedData.Cell?) -> String? {
    switch CellSymbol(cell) {
    case .value(let value): FrenchNumber.cell(value)
    case .secret: nil
    case let symbol: symbol.text
    }
  }

  /// The heading of the last column of a plan table: how many services its figures cover.
  static let coverageHeading = "Répondants / attendus"

  /// The Mustache context of the table (`tableau.mustache`).
  var context: [String: Any] {
    [
      "titre": title, "entete_unite": unitHeading, "colonnes": columns, "notes": notes,
      "a_des_notes": !notes.isEmpty,
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

/// Builds the HTML tables of a publication: each column in its own format (``ColumnFormat``),
/// the coverage of each line (``Coverage``), and the notes under each table.
struct TablePrinter {
  let facts: ReportFacts
  let labels: Labels
  let coverage: Coverage
  let notes: PublicationNotes

  init(facts: ReportFacts, labels: Labels) {
    self.facts = facts
    self.labels = labels
    coverage = Coverage(plan: facts.plan, data: facts.current)
    notes = PublicationNotes(plan: facts.plan, year: facts.current.year, revision: facts.revision)
  }

  /// A plan table at `units` (level, code, label, whether the total line), with its columns,
  /// then how many services each line covers.
  func table(
    _ table: PublishedTableDefinition, units: [(GeographicLevel, String, String, Bool)], title: String,
    unitHeading: String
  ) -> TableView {
    let data = facts.current
    let columns = table.columns.map {
      (column: $0, format: ColumnFormat(variable: $0.variable, plan: facts.plan, catalog: facts.catalog))
    }
    return TableView(
      title: title, unitHeading: unitHeading,
      columns: columns.map {
        labels.column(table.id, category: $0.column.category, variable: $0.column.variable)
          + $0.format.headingSuffix
      } + [TableView.coverageHeading],
      lines: units.map { level, code, label, total in
        (
          label, total,
          columns.map { $0.format.text(data.cell(table.id, $0.column.variable, level, code)) }
            + [coverage.cellText(level, code)]
        )
      },
      notes: notes(for: table))
  }

  /// « Champ », « Source » and « Lecture » of a plan table (or of its chart).
  func notes(for table: PublishedTableDefinition) -> [String] { tableNotes(reading: reading(table)) }

  /// The indicators at `units`, one column each.
  func indicators(
    _ indicators: [IndicatorDefinition], units: [(GeographicLevel, String, String, Bool)], title: String,
    unitHeading: String
  ) -> TableView {
    let data = facts.current
    return TableView(
      title: title, unitHeading: unitHeading, columns: indicators.map(\.label),
      lines: units.map { level, code, label, total in
        (
          label, total,
          indicators.map { ColumnFormat(indicator: $0).text(data.cell($0.id, $0.id, level, code)) }
        )
      },
      notes: tableNotes(reading: nil))
  }

  /// « Champ », « Source » and, when given, « Lecture ».
  private func tableNotes(reading: String?) -> [String] {
    let national = coverage.at(.national, GeographicLevel.nationalCode)
    let answered =
      national.map { " ; \($0.respondents) services répondants sur \($0.expected) attendus" } ?? ""
    return [
      "Champ : \(notes.scope.dropLast())\(answered).", "Source : \(notes.source)",
    ] + (reading.map { ["Lecture : \($0)"] } ?? [])
  }

  /// How to read the table, from its national line: « en 2025, en France, 16 927 des 24 373
  /// médiations terminées dans l'année (total) relèvent de « Cadre conventionnel » »; nil when
  /// secret or not available.
  private func reading(_ table: PublishedTableDefinition) -> String? {
    let data = facts.current
    let year = data.year
    func national(_ variable: String) -> (text: String, format: ColumnFormat)? {
      let format = ColumnFormat(variable: variable, plan: facts.plan, catalog: facts.catalog)
      guard
        let cell = data.cell(table.id, variable, .national, GeographicLevel.nationalCode),
        case .value = CellSymbol(cell), let text = format.text(cell)
      else { return nil }
      return (text, format)
    }
    // A label as a noun phrase inside a sentence: « médiations terminées dans l'année ».
    func phrase(_ label: String) -> String { label.prefix(1).lowercased() + label.dropFirst() }
    if let total = table.total, let category = table.categories?.first {
      guard let part = national(category.variable), let whole = national(total.variable) else { return nil }
      if part.format.scale == 1000 {
        return
          "en \(year), en France, \(part.text) k€ des \(whole.text) k€ (\(phrase(labels.variable(total.variable)))) relèvent de « \(category.label) »."
      }
      return
        "en \(year), en France, \(part.text) des \(whole.text) \(phrase(labels.variable(total.variable))) relèvent de « \(category.label) »."
    }
    guard let first = table.variables?.first, let value = national(first) else { return nil }
    if value.format.scale == 1000 {
      return
        "en \(year), en France, les services déclarent \(value.text) k€ au titre de « \(labels.variable(first)) »."
    }
    return "en \(year), en France, les services déclarent \(value.text) \(phrase(labels.variable(first)))."
  }
}
