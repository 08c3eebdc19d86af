/// Information loss of one table of a publication: what the secrecy stage hid. The values are
/// confidential: in the private audit only.
public struct InformationLoss: Codable, Sendable, Hashable {
  /// The table (`table`).
  public var table: String
  /// Its cells, all levels and categories (`cellules`).
  public var cells: Int
  /// Primary suppressions (`primaires`).
  public var primaries: Int
  /// Secondary suppressions (`secondaires`).
  public var secondaries: Int
  /// The total value of its cells (`valeur_totale`; confidential).
  public var totalValue: Double
  /// The total value of its hidden cells (`valeur_secrete`; confidential).
  public var hiddenValue: Double

  /// A table with nothing counted yet.
  public init(table: String) {
    self.table = table
    cells = 0
    primaries = 0
    secondaries = 0
    totalValue = 0
    hiddenValue = 0
  }

  /// The share of the table's value that is hidden.
  public var hiddenShare: Double { totalValue > 0 ? hiddenValue / totalValue : 0 }

  enum CodingKeys: String, CodingKey {
    case table, cells = "cellules", primaries = "primaires", secondaries = "secondaires",
      totalValue = "valeur_totale", hiddenValue = "valeur_secrete"
  }

  /// Four decimals, as the audits write figures: enough to compare, stable across runs.
  public static func rounded(_ value: Double) -> Double {
    let result = (value * 10_000).rounded() / 10_000
    return result == 0 ? 0 : result
  }

  /// The member of `pertes` in the private audit.
  var privateJSON: OrderedJSON {
    .object([
      ("table", .string(table)), ("cellules", .number(Double(cells))),
      ("primaires", .number(Double(primaries))), ("secondaires", .number(Double(secondaries))),
      ("valeur_totale", .number(Self.rounded(totalValue))),
      ("valeur_secrete", .number(Self.rounded(hiddenValue))),
      ("part_secrete", .number(Self.rounded(hiddenShare))),
    ])
  }
}
