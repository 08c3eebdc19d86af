/// The identifier of one additive cell of a publication, or of one indicator at one unit: a
/// variable (or indicator) at a geographic unit. Its one text form is `variable|niveau|code`
/// (`nb_mediations_terminees|departement|33`), the form `structure.json`, `audit.json` and the
/// secrecy stage's cells use.
public struct CellID: Hashable, Sendable, Comparable, CustomStringConvertible {
  /// The variable (or indicator).
  public var variable: String
  /// The unit's level.
  public var level: GeographicLevel
  /// The unit's code.
  public var code: String

  /// The cell of `variable` at the unit `level`/`code`.
  public init(variable: String, level: GeographicLevel, code: String) {
    self.variable = variable
    self.level = level
    self.code = code
  }

  /// Reads `variable|niveau|code`; nil when the text has another shape or an unknown level.
  public init?(_ text: String) {
    let parts = text.split(separator: "|", omittingEmptySubsequences: false)
    guard parts.count == 3, let level = GeographicLevel(rawValue: String(parts[1])) else { return nil }
    self.init(variable: String(parts[0]), level: level, code: String(parts[2]))
  }

  /// The variable of an identifier's text form (everything before the first `|`).
  public static func variable(of text: String) -> String { String(text.prefix { $0 != "|" }) }

  /// `variable|niveau|code`.
  public var description: String { "\(variable)|\(level.rawValue)|\(code)" }

  /// The unit's part, `niveau|code`: unique among the units of a publication.
  public var unitKey: String { "\(level.rawValue)|\(code)" }

  /// Orders by text form.
  public static func < (lhs: CellID, rhs: CellID) -> Bool { lhs.description < rhs.description }
}
