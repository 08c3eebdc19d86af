import EnqueteCore

/// The additive cells of a published `tableaux.csv` (or of a département extract), by identifier
/// (`variable|niveau|code`), with the problems of the file itself: a cell shown twice with
/// different values or statuses, a value given for a secret cell, an unknown status.
///
/// Unlike ``PublishedData``, which refuses a file it cannot read, it reads what it can of a file
/// a third party may have changed, and says what is wrong, line by line.
public struct PublishedCells: Sendable {
  /// Value (nil when hidden; 0 when not available, as the totals count it) and status, by cell.
  public var cells: [String: (value: Double?, status: CellStatus)] = [:]
  /// Value (nil when hidden or not computed) and status, by indicator at a unit
  /// (`indicateur|niveau|code`).
  public var indicators: [String: (value: Double?, status: CellStatus)] = [:]
  /// What is wrong with the file, in French.
  public var problems: [String] = []

  /// Reads the records of a long CSV (the header first), by column name.
  /// - Complexity: O(fields).
  public init(records: [[String]]) {
    guard let header = records.first else { return }
    var columns: [String: Int] = [:]
    for (index, name) in header.enumerated() { columns[name] = index }
    for (number, fields) in records.enumerated().dropFirst() {
      read(fields, line: number + 1, columns: columns)
    }
  }

  /// Reads a long CSV held in memory.
  public init(csv: String) {
    self.init(records: CSVText.records(csv))
  }

  private mutating func read(_ row: [String], line: Int, columns: [String: Int]) {
    guard let niveau = columns["niveau"], let code = columns["code"], let variable = columns["variable"],
      let valeur = columns["valeur"], let statut = columns["statut"], let categorie = columns["categorie"],
      let table = columns["table"], row.count == columns.count
    else {
      problems.append(
        "tableaux.csv:\(line): colonnes attendues : \(PublishedData.columns.joined(separator: ","))")
      return
    }
    let id = "\(row[variable])|\(row[niveau])|\(row[code])"
    let text = row[valeur]
    let value = text.isEmpty ? nil : Double(text)
    // Indicators (their variable is their table) are not additive cells, but what they show is
    // knowledge.
    if row[variable] == row[table] && row[categorie].isEmpty {
      indicators[id] = (value, CellStatus(rawValue: row[statut]) ?? .secret)
      return
    }
    guard let status = CellStatus(rawValue: row[statut]) else {
      problems.append("tableaux.csv:\(line): statut « \(row[statut]) » inconnu")
      return
    }
    if status.isSuppressed && value != nil {
      problems.append("tableaux.csv:\(line): une valeur est publiée pour une case secrète")
    }
    if status == .notAvailable && value != nil {
      problems.append("tableaux.csv:\(line): une valeur est publiée pour une case non disponible (nd)")
    }
    if !status.isSuppressed && status != .notAvailable && value == nil {
      problems.append("tableaux.csv:\(line): valeur manquante pour une case diffusable")
    }
    // `ND`: nobody answered in the unit, and the totals cover the respondents only, so a reader
    // knows the unit adds 0 to every total.
    let known: Double? = status.isSuppressed ? nil : status == .notAvailable ? 0 : value
    if let other = cells[id], other.value != known || other.status != status {
      problems.append("tableaux.csv:\(line): la cellule \(id) est publiée deux fois différemment")
    }
    cells[id] = (known, status)
  }
}
