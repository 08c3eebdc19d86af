import EnqueteCore

/// A département's extract: its page (`departement.mustache`) and its long CSV, with its own
/// services, itself, its région, its cour d'appel and France, all from the one publication.
struct DepartementExtract {
  let facts: ReportFacts
  let labels: Labels
  let departement: Departement
  /// Where the extract's rows are in the publication.
  let index: ExtractIndex

  /// The units of the extract without services: the département, région, cour d'appel, France.
  var units: [(GeographicLevel, String, String, Bool)] {
    [
      (.departement, departement.code, labels.unit(.departement, departement.code), true),
      (.region, departement.regionCode, "Région : " + labels.unit(.region, departement.regionCode), false),
      (.courAppel, departement.courAppelCode, labels.unit(.courAppel, departement.courAppelCode), false),
      (.national, GeographicLevel.nationalCode, "France", false),
    ]
  }

  /// The services of the département that appear in the publication, by SIRET, with their names.
  var services: [(siret: String, name: String)] { index.services(of: departement.code) }

  func context() -> [String: Any] {
    let services = self.services
    let printer = TablePrinter(facts: facts, labels: labels)
    let coverage = printer.coverage
    let count = coverage.at(.departement, departement.code)
    var tables: [[String: Any]] = facts.plan.tables.map { table in
      let rows =
        (table.levels.contains(.service)
          ? services.map { (GeographicLevel.service, $0.siret, $0.name, false) } : []) + units
      return printer.table(table, units: rows, title: table.title, unitHeading: "").context
    }
    tables.append(
      printer.indicators(facts.plan.indicators, units: units, title: "Indicateurs", unitHeading: "").context)
    var context: [String: Any] = [
      "departement": labels.unit(.departement, departement.code), "code": departement.code,
      "region": labels.unit(.region, departement.regionCode),
      "cour_appel": labels.unit(.courAppel, departement.courAppelCode), "titre": facts.plan.title,
      "annee": facts.current.year, "outil": facts.tool,
      "services": services.map { ["nom": $0.name, "siret": $0.siret] }, "a_des_services": !services.isEmpty,
      "tableaux": tables,
      "source": printer.notes.source, "licence": PublicationNotes.licence,
      "couverture": coverage.sentence(.departement, departement.code) ?? "",
      "non_disponible": count.map { $0.respondents == 0 && $0.expected > 0 } ?? false,
    ]
    if let revision = facts.revision { context["revision"] = revision.sentence }
    return context
  }

  /// The extract's long CSV: the publication's rows of its units and services.
  func csv() -> String {
    var out = CSVText.line(PublishedData.columns)
    for position in index.rows(of: units.map { ($0.0, $0.1) }, servicesOf: departement.code) {
      out += PublicationFiles.line(facts.current.cells[position], year: facts.current.year)
    }
    return out
  }

  /// The extract's rows of a table: its services (when the table shows them), then the units.
  private func rows(_ levels: [GeographicLevel]) -> [(GeographicLevel, String, String)] {
    (levels.contains(.service) ? services.map { (GeographicLevel.service, $0.siret, $0.name) } : [])
      + units.filter { levels.contains($0.0) }.map { ($0.0, $0.1, $0.2) }
  }

  /// `<code>-excel.csv`: the extract's cells in French Excel's dialect (`;`, decimal comma, UTF-8
  /// BOM, the symbols `s`, `nd`, `-`), one line per cell with its table, unit and column in words.
  func excelCSV() -> String {
    var out = "\u{FEFF}"
    out += CSVText.line(
      ["Tableau", "Niveau", "Code", "Libellé", "Colonne", "Valeur"], delimiter: ";", terminator: "\r\n")
    for (table, levels) in wideTables {
      for (level, code, name) in rows(levels) {
        for column in table.columns {
          let text: String
          switch CellSymbol(table.cell(facts.current, column, level, code)) {
          case .value(let value): text = FrenchNumber.text(value, decimals: column.decimals, separator: "")
          case let symbol: text = symbol.text!
          }
          out += CSVText.line(
            [table.title, level.frenchName, code, SpreadsheetText.defused(name), column.title, text],
            delimiter: ";",
            terminator: "\r\n")
        }
      }
    }
    return out
  }

  /// `<code>.xlsx`: a notes sheet, then one sheet per table and the indicators, the extract's
  /// lines only, formatted as the national workbook.
  func workbook() -> XLSXWorkbook {
    var workbook = XLSXWorkbook()
    workbook.sheets.append(
      PublicationNotes(plan: facts.plan, year: facts.current.year, revision: facts.revision).sheet(
        heading: "\(labels.unit(.departement, departement.code)) — fiche départementale"))
    for (table, levels) in wideTables {
      workbook.sheets.append(ReportRenderer.sheet(table, facts.current, units: rows(levels)))
    }
    return workbook
  }

  /// The plan's tables and the indicators, with their levels.
  private var wideTables: [(WideTable, [GeographicLevel])] { WideTable.all(facts, labels: labels) }
}
