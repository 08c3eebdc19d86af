import EnqueteCore
import EnqueteTemplates
import Foundation
import Mustache

/// The renderers: from ``ReportFacts`` to every file of a report folder, in memory. The files are
/// byte-identical for the same facts and templates.
public struct ReportRenderer: Sendable {
  /// One file to write, by its path relative to the report folder.
  public struct File: Sendable, Hashable {
    /// The relative path (`rapport.html`, `departements/33/index.html`…).
    public var path: String
    /// The bytes.
    public var bytes: [UInt8]

    /// Creates a file.
    public init(path: String, bytes: [UInt8]) {
      self.path = path
      self.bytes = bytes
    }
  }

  /// Why a report cannot be rendered.
  public enum Problem: Error, CustomStringConvertible, Sendable {
    /// A template does not parse.
    case template(name: String, reason: String)
    /// A template is missing.
    case missingTemplate(String)

    /// A French message.
    public var description: String {
      switch self {
      case .template(let name, let reason): "modèle \(name) invalide : \(reason)"
      case .missingTemplate(let name): "modèle \(name) absent"
      }
    }
  }

  private let templates: [String: String]

  /// The built-in templates' text, by name.
  public static var builtInTemplates: [String: String] {
    TemplateSources.all.mapValues { String(decoding: $0, as: UTF8.self) }
  }

  /// The renderer with the templates compiled into enquete, or `overrides` by name (`rapport`,
  /// `departement`, `tableau`, `style`) read from a statistician's folder.
  public init(overrides: [String: String] = [:]) {
    var templates = TemplateSources.all.mapValues { String(decoding: $0, as: UTF8.self) }
    templates.merge(overrides) { _, override in override }
    self.templates = templates
  }

  /// Every file of the report folder, sorted by path.
  /// - Complexity: O(published cells × départements) for the extracts.
  public func render(_ facts: ReportFacts) throws(Problem) -> [File] {
    var templateLibrary = MustacheLibrary()
    for name in ["rapport", "departement", "tableau"] {
      guard let text = templates[name] else { throw .missingTemplate(name) }
      do { try templateLibrary.register(text, named: name) } catch {
        throw .template(name: name, reason: "\(error)")
      }
    }
    let style = templates["style"] ?? ""
    let labels = Labels(plan: facts.plan, catalog: facts.catalog)
    let library = templateLibrary
    @Sendable func page(_ template: String, _ context: [String: Any]) throws(Problem) -> [UInt8] {
      var context = context
      context["style"] = style
      guard let text = library.render(context, withTemplate: template) else {
        throw .missingTemplate(template)
      }
      return FrenchTypography.html(text)
    }
    var files: [File] = []
    files.append(
      File(
        path: "rapport.html",
        bytes: try page("rapport", NationalReport(facts: facts, labels: labels).context())))

    var workbook = XLSXWorkbook()
    let plan = facts.plan
    workbook.sheets.append(
      PublicationNotes(plan: plan, year: facts.current.year, revision: facts.revision).sheet())
    let tables = WideTable.all(facts, labels: labels)
    for (table, levels) in tables {
      files.append(
        File(path: "donnees/\(table.id).csv", bytes: Array(OpenDataCSV.wide(table, facts.current).utf8)))
      files.append(
        File(
          path: "donnees/\(table.id).schema.json",
          bytes: Array(OpenDataCSV.wideSchema(table, levels: levels).utf8)))
      files.append(
        File(path: "excel/\(table.id).csv", bytes: Array(OpenDataCSV.excel(table, facts.current).utf8)))
      workbook.sheets.append(Self.sheet(table, facts.current))
    }
    files.append(File(path: "excel/tableaux.xlsx", bytes: workbook.bytes()))

    files += try extracts(facts, labels: labels) { template, context throws(Problem) in
      try page(template, context)
    }
    // The package ties the machine-readable files, the published ones (`tableaux.csv`) included.
    files.append(
      File(
        path: "datapackage.json",
        bytes: Array(
          DataPackage.json(
            plan: facts.plan, year: facts.current.year,
            paths: files.map(\.path) + PublicationFiles.publishedFiles, revision: facts.revision
          ).utf8)))
    return files.sorted { $0.path < $1.path }
  }

  /// Every département's extract (page, CSV, French Excel's CSV and xlsx), rendered on the machine's cores (the pages are
  /// independent; the files come back in the order of the départements).
  private func extracts(
    _ facts: ReportFacts, labels: Labels,
    page: @Sendable (String, [String: Any]) throws(Problem) -> [UInt8]
  ) throws(Problem) -> [File] {
    let index = ExtractIndex(facts.current)
    let departements = Geography.reference.departements
    let slots = FileSlots(count: departements.count)
    DispatchQueue.concurrentPerform(iterations: departements.count) { number in
      let departement = departements[number]
      let extract = DepartementExtract(facts: facts, labels: labels, departement: departement, index: index)
      slots.set(
        number,
        Result { () throws(Problem) in
          [
            File(
              path: "departements/\(departement.code)/index.html",
              bytes: try page("departement", extract.context())),
            File(
              path: "departements/\(departement.code)/\(departement.code).csv",
              bytes: Array(extract.csv().utf8)),
            File(
              path: "departements/\(departement.code)/\(departement.code)-excel.csv",
              bytes: Array(extract.excelCSV().utf8)),
            File(
              path: "departements/\(departement.code)/\(departement.code).xlsx",
              bytes: extract.workbook().bytes()),
          ]
        })
    }
    var files: [File] = []
    for result in slots.all() { files += try result.get() }
    return files
  }

  /// A table as a worksheet: headings, then a line per unit; numbers, or the symbols of ``CellSymbol``.
  static func sheet(
    _ table: WideTable, _ data: PublishedData, units: [(GeographicLevel, String, String)]? = nil
  ) -> XLSXWorkbook.Sheet {
    var rows: [[XLSXWorkbook.Cell]] = [
      (["Niveau", "Code", "Libellé"] + table.columns.map(\.title)).map { .text($0) }
    ]
    for (level, code, name) in units ?? table.units(data) {
      var row: [XLSXWorkbook.Cell] = [
        .text(level.frenchName), .text(code), .text(SpreadsheetText.defused(name)),
      ]
      for column in table.columns {
        switch CellSymbol(table.cell(data, column, level, code)) {
        case .value(let value): row.append(.number(value, decimals: column.decimals))
        case let symbol: row.append(.text(symbol.text!))
        }
      }
      rows.append(row)
    }
    return XLSXWorkbook.Sheet(
      name: String(table.id.prefix(31)), rows: rows,
      widths: [14, 10, 34] + table.columns.map { min(30, max(12, Double($0.title.count) / 2.2)) })
  }
}

/// The extracts' files, each slot written by one thread.
private final class FileSlots: @unchecked Sendable {
  private let lock = NSLock()
  private var slots: [Result<[ReportRenderer.File], ReportRenderer.Problem>?]

  init(count: Int) { slots = Array(repeating: nil, count: count) }

  func set(_ number: Int, _ result: Result<[ReportRenderer.File], ReportRenderer.Problem>) {
    lock.withLock { slots[number] = result }
  }

  func all() -> [Result<[ReportRenderer.File], ReportRenderer.Problem>] {
    lock.withLock { slots.map { $0! } }
  }
}
