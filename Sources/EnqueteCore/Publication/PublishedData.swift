/// A publication as its long open-data file (`tableaux.csv`) states it: what every renderer
/// draws from. It holds no value of a secret cell, so nothing rendered from it can leak one.
///
/// Built in memory by the publication (values rounded as the file gives them, names defused for
/// spreadsheets), or read back from the file (a previous publication): both give the same cells.
public struct PublishedData: Sendable {
  /// One published cell: one cell of one table (or one indicator) at one unit.
  public struct Cell: Sendable, Hashable {
    /// The table or indicator.
    public var table: String
    /// The unit's level.
    public var level: GeographicLevel
    /// The unit's code.
    public var code: String
    /// The unit's name.
    public var name: String
    /// The category (empty for a plain variable or an indicator, `ensemble` for a total).
    public var category: String
    /// The variable (the indicator's identifier for an indicator).
    public var variable: String
    /// The value; nil when secret or not computable.
    public var value: Double?
    /// The status.
    public var status: CellStatus
    /// The département of a département or service unit; nil above.
    public var departement: String?

    /// A published cell.
    public init(
      table: String, level: GeographicLevel, code: String, name: String, category: String, variable: String,
      value: Double?, status: CellStatus, departement: String?
    ) {
      self.table = table
      self.level = level
      self.code = code
      self.name = name
      self.category = category
      self.variable = variable
      self.value = value
      self.status = status
      self.departement = departement
    }

    /// The cell's identifier (an indicator's: the indicator at the unit).
    public var id: CellID { CellID(variable: variable, level: level, code: code) }

    /// Whether it is an indicator (its variable is its table, without category) rather than an
    /// additive cell of the secrecy stage.
    public var isIndicator: Bool { variable == table && category.isEmpty }
  }

  /// The year published.
  public let year: Int
  /// Every cell, in the file's order.
  public let cells: [Cell]
  private let index: [Key: Int]

  /// A cell of a table: the same additive cell may be shown in several tables.
  private struct Key: Hashable {
    var table: String
    var id: CellID
  }

  /// Why a long CSV cannot be read.
  public enum Problem: Error, Hashable, Sendable {
    /// The header is not the long CSV's.
    case badHeader
    /// A line has a wrong field count, level, status or number.
    case badLine(Int)
  }

  /// The columns of the long CSV, in order.
  public static let columns = [
    "annee", "table", "niveau", "code", "libelle", "categorie", "variable", "valeur", "statut", "departement",
  ]

  /// The publication of `year` made of `cells`, in order.
  public init(year: Int, cells: [Cell]) {
    var index: [Key: Int] = [:]
    for (position, cell) in cells.enumerated() { index[Key(table: cell.table, id: cell.id)] = position }
    self.year = year
    self.cells = cells
    self.index = index
  }

  /// Reads a long CSV as `enquete publish` writes it (UTF-8, comma, RFC 4180 quotes, `\n`).
  /// - Complexity: O(bytes).
  public init(csv: String) throws(Problem) {
    let records = CSVText.records(csv)
    guard records.first == Self.columns else { throw .badHeader }
    var cells: [Cell] = []
    var year = 0
    for (number, fields) in records.enumerated().dropFirst() {
      guard fields.count == Self.columns.count, let level = GeographicLevel(rawValue: fields[2]),
        let status = CellStatus(rawValue: fields[8]), let rowYear = Int(fields[0])
      else { throw .badLine(number + 1) }
      let value: Double?
      if fields[7].isEmpty {
        value = nil
      } else {
        guard let number = Double(fields[7]) else { throw .badLine(number + 1) }
        value = number
      }
      year = rowYear
      cells.append(
        Cell(
          table: fields[1], level: level, code: fields[3], name: fields[4], category: fields[5],
          variable: fields[6], value: value, status: status, departement: fields[9].isEmpty ? nil : fields[9])
      )
    }
    self.init(year: year, cells: cells)
  }

  /// The cell of `variable` in `table` at a unit.
  public func cell(_ table: String, _ variable: String, _ level: GeographicLevel, _ code: String) -> Cell? {
    index[Key(table: table, id: CellID(variable: variable, level: level, code: code))].map { cells[$0] }
  }

  /// The cells of a table at a level, in the file's order.
  public func cells(of table: String, at level: GeographicLevel) -> [Cell] {
    cells.filter { $0.table == table && $0.level == level }
  }
}
