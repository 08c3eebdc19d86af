import EnqueteCore

/// Turns CSV rows into raw records: the header row chooses the survey and table and maps columns to
/// variables; each data row becomes a record of its non-empty values.
struct CSVRowMapper {
  /// A field that does not decode in the file's encoding: the whole file is refused.
  struct Undecodable: Error {
    let encoding: TextEncoding
    let line: Int
    let column: Int
  }

  let file: String
  private(set) var decoder: FieldDecoder?
  private(set) var sawHeader = false
  private(set) var columns: [String?] = []
  private var refused = false
  private(set) var layout: CSVLayout?
  /// Takes the rows that need nothing more than counting.
  var filter: CSVRowFilter?
  /// Told of the header once it is read and usable.
  var onHeader: ((CSVRowMapper) -> Void)?

  init(file: String) { self.file = file }

  /// The state after a header another reader read, with `filter` for the rows.
  init(continuing header: CSVRowMapper, filter: CSVRowFilter?) {
    self = header
    onHeader = nil
    self.filter = filter
    if let layout { filter?.begin(layout: layout, columns: columns) }
  }

  mutating func start(announced: TextEncoding?) { decoder = FieldDecoder(announced: announced) }

  private mutating func decode(_ row: CSVRow, _ index: Int) throws -> String {
    if decoder == nil { decoder = FieldDecoder(announced: nil) }
    guard let text = decoder!.decode(row[index]) else {
      throw Undecodable(encoding: decoder!.encoding ?? .utf8, line: row.line, column: row.column(index))
    }
    return text
  }

  /// Lets the filter take plain data rows whole (see `CSVRowFilter.accepts(lines:encoding:)`).
  mutating func takeLines(_ lines: CSVPendingLines, outcome: inout CSVReadOutcome) -> CSVLinesTaken {
    guard sawHeader, !refused, let filter else { return .none(lines) }
    let taken = filter.accepts(lines: lines, encoding: decoder?.encoding)
    outcome.filteredRowCount += taken.rows
    return taken
  }

  mutating func take(
    _ row: CSVRow, outcome: inout CSVReadOutcome,
    onRecord: (RawRecord, [Diagnostic], CSVLayout) throws -> Void
  ) throws {
    guard sawHeader else {
      sawHeader = true
      try header(row, outcome: &outcome)
      return
    }
    guard !refused, !row.isBlank else { return }
    if let filter, row.count == columns.count {
      if decoder == nil { decoder = FieldDecoder(announced: nil) }
      if filter.accepts(row, decoder: &decoder!) {
        outcome.filteredRowCount += 1
        return
      }
    }
    var record = RawRecord(line: row.line)
    var problems: [Diagnostic] = []
    if row.count != columns.count {
      problems.append(
        Diagnostic(
          .error, code: "csv.field-count",
          message: "Cette ligne a \(row.count) champs, l'en-tête en annonce \(columns.count) : "
            + "un séparateur de trop ou manquant (une virgule décimale dans un fichier séparé par des virgules ?).",
          location: .init(file: file, line: row.line, column: row.column(min(row.count, columns.count) - 1)))
      )
    }
    for index in 0..<min(row.count, columns.count) {
      guard let name = columns[index] else { continue }
      let text = try decode(row, index)
      if text.isEmpty { continue }
      record.values[name] = RawValue(text: text, line: row.line, column: row.column(index))
    }
    outcome.rowCount += 1
    try onRecord(record, problems, layout!)
  }

  private mutating func header(_ row: CSVRow, outcome: inout CSVReadOutcome) throws {
    var names: [String] = []
    for index in 0..<row.count { names.append(try decode(row, index)) }
    func fail(_ code: String, _ message: String, column: Int = 1) {
      refused = true
      outcome.isReadable = false
      outcome.diagnostics.append(
        Diagnostic(
          .error, code: code, message: message, location: .init(file: file, line: row.line, column: column)))
    }
    guard let (survey, table) = HeaderMatcher.bestTable(for: names) else {
      return fail(
        "csv.unknown-layout",
        "L'en-tête ne correspond à aucune des tables de l'enquête : la première ligne doit nommer les variables (annee, siret…)."
      )
    }
    outcome.survey = survey
    outcome.table = table.name
    layout = CSVLayout(survey: survey, table: table.name)
    defer {
      if !refused {
        filter?.begin(layout: layout!, columns: columns)
        onHeader?(self)
      }
    }
    var seen: [String: Int] = [:]
    let submitted = table.submittedVariables
    columns = names.enumerated().map { index, name in
      let key = HeaderMatcher.key(name)
      guard let variable = submitted.first(where: { $0.name == key }) else {
        if !key.isEmpty {
          outcome.diagnostics.append(
            Diagnostic(
              .warning, code: "csv.extra-column",
              message: "La colonne « \(name) » n'est pas une variable de l'enquête : elle est ignorée.",
              location: .init(file: file, line: row.line, column: row.column(index)), variable: name))
        }
        return nil
      }
      if let first = seen[variable.name] {
        fail(
          "csv.duplicate-column",
          "La colonne \(variable.name) apparaît deux fois (colonnes \(first + 1) et \(index + 1)).",
          column: row.column(index))
        return nil
      }
      seen[variable.name] = index
      return variable.name
    }
    for variable in submitted where variable.required && seen[variable.name] == nil {
      fail(
        "csv.missing-column",
        "La colonne obligatoire \(variable.name) (\(variable.label)) manque dans l'en-tête.")
    }
  }
}
