/// A publication as its long open-data file (`tableaux.csv`) states it: what every renderer
/// draws from. It holds no value of a secret cell, so nothing rendered from it can leak one.
public struct PublishedData: Sendable {
  /// One published cell.
  public struct Cell: Sendable, Hashable {
    /// The table or indicator.
    public var table: String
    /// The unit's level.
    public var level: GeographicLevel
    /// The unit's code.
    public var code: String
    /// The unit's name.
    public var name: String
    /// The category (empty for a plain variable, `ensemble` for a total).
    public var category: String
    /// The variable.
    public var variable: String
    /// The value; nil when secret or not computable.
    public var value: Double?
    /// The status.
    public var status: CellStatus
    /// The département of a département or service unit; nil above.
    public var departement: String?
  }

  /// The year published.
  public let year: Int
  /// Every cell, in the file's order.
  public let cells: [Cell]
  private let index: [String: Int]

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

  /// Reads a long CSV as `enquete publish` writes it (UTF-8, comma, RFC 4180 quotes, `\n`).
  /// - Complexity: O(bytes).
  public init(csv: String) throws(Problem) {
    let records = Self.records(csv)
    guard records.first == Self.columns else { throw .badHeader }
    var cells: [Cell] = []
    var index: [String: Int] = [:]
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
      let cell = Cell(
        table: fields[1], level: level, code: fields[3], name: fields[4], category: fields[5],
        variable: fields[6], value: value, status: status, departement: fields[9].isEmpty ? nil : fields[9])
      index[Self.key(cell.table, cell.variable, level, cell.code)] = cells.count
      cells.append(cell)
    }
    self.year = year
    self.cells = cells
    self.index = index
  }

  static func key(_ table: String, _ variable: String, _ level: GeographicLevel, _ code: String) -> String {
    "\(table)|\(variable)|\(level.rawValue)|\(code)"
  }

  /// The cell of `variable` in `table` at a unit.
  public func cell(_ table: String, _ variable: String, _ level: GeographicLevel, _ code: String) -> Cell? {
    index[Self.key(table, variable, level, code)].map { cells[$0] }
  }

  /// The cells of a table at a level, in the file's order.
  public func cells(of table: String, at level: GeographicLevel) -> [Cell] {
    cells.filter { $0.table == table && $0.level == level }
  }

  /// The fields of every record of an RFC 4180 text (comma, double quotes, `\n` or `\r\n`).
  static func records(_ text: String) -> [[String]] {
    var records: [[String]] = []
    var fields: [String] = []
    var field = ""
    var quoted = false
    var afterQuote = false
    for character in text {
      if quoted {
        if character == "\"" {
          quoted = false
          afterQuote = true
        } else {
          field.append(character)
        }
        continue
      }
      switch character {
      case "\"":
        if afterQuote { field.append("\"") }
        quoted = true
      case ",":
        fields.append(field)
        field = ""
      case "\n", "\r\n":
        fields.append(field)
        records.append(fields)
        fields = []
        field = ""
      default:
        field.append(character)
      }
      afterQuote = false
    }
    if !field.isEmpty || !fields.isEmpty {
      fields.append(field)
      records.append(fields)
    }
    return records
  }
}
