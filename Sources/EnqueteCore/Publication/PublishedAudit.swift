/// `audit.json`, the public audit of a publication: every hidden cell with the status a reader may
/// see, its rule and the interval the published figures leave it in; counts of hidden cells per
/// table. No value of a hidden cell. Written by the publication, read by the folder audit.
public struct PublishedAudit: Codable, Sendable, Hashable {
  /// The survey (`enquete`).
  public var survey: String
  /// The campaign year (`annee`).
  public var year: Int
  /// The publication plan's version (`plan`).
  public var plan: String
  /// The tool that wrote it (`outil`).
  public var tool: String
  /// Whether every system's audit passed (`audit_reussi`).
  public var auditPasses: Bool
  /// Hidden cells per table (`tableaux`).
  public var tables: [Table]
  /// Every hidden cell (`secretes`).
  public var hidden: [HiddenCell]

  /// The hidden cells of one table, primaries and secondaries together (the split is information).
  public struct Table: Codable, Sendable, Hashable {
    /// The table (`table`).
    public var table: String
    /// Its cells (`cellules`).
    public var cells: Int
    /// Its hidden cells (`secretes`).
    public var hidden: Int

    /// A table's count.
    public init(table: String, cells: Int, hidden: Int) {
      self.table = table
      self.cells = cells
      self.hidden = hidden
    }

    enum CodingKeys: String, CodingKey { case table, cells = "cellules", hidden = "secretes" }
  }

  /// One hidden cell as a reader may know it.
  public struct HiddenCell: Codable, Sendable, Hashable {
    /// Its identifier, `variable|niveau|code` (`cellule`).
    public var cell: String
    /// Its published status letter (`statut`).
    public var status: String
    /// Its plan rule (`regle`).
    public var rule: String
    /// The interval the published figures leave it in, `[lower, upper]`, upper nil when unbounded
    /// (`intervalle`).
    public var interval: [Double?]

    /// A hidden cell.
    public init(cell: String, status: String, rule: String, interval: [Double?]) {
      self.cell = cell
      self.status = status
      self.rule = rule
      self.interval = interval
    }

    enum CodingKeys: String, CodingKey {
      case cell = "cellule", status = "statut", rule = "regle", interval = "intervalle"
    }
  }

  /// A public audit.
  public init(
    survey: String, year: Int, plan: String, tool: String, auditPasses: Bool, tables: [Table],
    hidden: [HiddenCell]
  ) {
    self.survey = survey
    self.year = year
    self.plan = plan
    self.tool = tool
    self.auditPasses = auditPasses
    self.tables = tables
    self.hidden = hidden
  }

  enum CodingKeys: String, CodingKey {
    case survey = "enquete", year = "annee", plan, tool = "outil", auditPasses = "audit_reussi",
      tables = "tableaux", hidden = "secretes"
  }

  /// The members both audits start with, in order.
  static func header(
    survey: String, year: Int, plan: String, tool: String, auditPasses: Bool
  ) -> [(String, OrderedJSON)] {
    [
      ("enquete", .string(survey)), ("annee", .number(Double(year))), ("plan", .string(plan)),
      ("outil", .string(tool)), ("audit_reussi", .bool(auditPasses)),
    ]
  }

  /// An interval as the audits write it: `[lower, upper]`, `null` for no upper bound.
  static func interval(_ bounds: [Double?]) -> OrderedJSON {
    .array(bounds.map { $0.map(OrderedJSON.number) ?? .null })
  }

  /// The file's text: keys in the order above, two-space indentation (``OrderedJSON``).
  public func rendered() -> String {
    let tables = tables.map { table -> OrderedJSON in
      .object([
        ("table", .string(table.table)), ("cellules", .number(Double(table.cells))),
        ("secretes", .number(Double(table.hidden))),
      ])
    }
    let cells = hidden.map { cell -> OrderedJSON in
      .object([
        ("cellule", .string(cell.cell)), ("statut", .string(cell.status)), ("regle", .string(cell.rule)),
        ("intervalle", Self.interval(cell.interval)),
      ])
    }
    return OrderedJSON.object(
      Self.header(survey: survey, year: year, plan: plan, tool: tool, auditPasses: auditPasses)
        + [("tableaux", .array(tables)), ("secretes", .array(cells))]
    ).rendered()
  }
}
