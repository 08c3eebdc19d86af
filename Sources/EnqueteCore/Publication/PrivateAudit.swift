/// `audit-prive.json`, the private audit of a publication, never published: every hidden cell
/// with its value, required protection, proved interval and verdict; information loss per table;
/// the comparisons asked for. Written by the publication, read by the folder audit (`--prive`).
public struct PrivateAudit: Codable, Sendable, Hashable {
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
  /// Information loss per table (`pertes`).
  public var losses: [InformationLoss]
  /// The joint protection against each hierarchy alone, when computed (`hierarchies`).
  public var hierarchies: HierarchyComparison? = nil
  /// The full attacker model against the equations alone, when computed (`connaissances`).
  public var knowledge: KnowledgeComparison? = nil
  /// Every hidden cell (`secretes`).
  public var hidden: [HiddenCell]

  /// One hidden cell, with what only the publisher knows.
  public struct HiddenCell: Codable, Sendable, Hashable {
    /// Its identifier, `variable|niveau|code` (`cellule`).
    public var cell: String
    /// Its status letter, `A`, `B`, `D` or `S` (`statut`).
    public var status: String
    /// Its plan rule (`regle`).
    public var rule: String
    /// Its value (`valeur`; confidential).
    public var value: Double
    /// The protection it requires, `[lower, upper]`, for a primary (`protection_requise`).
    public var required: [Double]?
    /// The interval the published figures leave it in (`intervalle`).
    public var interval: [Double?]
    /// Whether the interval covers the required protection (`protegee`).
    public var protected: Bool

    /// A hidden cell.
    public init(
      cell: String, status: String, rule: String, value: Double, required: [Double]?, interval: [Double?],
      protected: Bool
    ) {
      self.cell = cell
      self.status = status
      self.rule = rule
      self.value = value
      self.required = required
      self.interval = interval
      self.protected = protected
    }

    enum CodingKeys: String, CodingKey {
      case cell = "cellule", status = "statut", rule = "regle", value = "valeur", required =
        "protection_requise",
        interval = "intervalle", protected = "protegee"
    }
  }

  /// A private audit.
  public init(
    survey: String, year: Int, plan: String, tool: String, auditPasses: Bool, losses: [InformationLoss],
    hierarchies: HierarchyComparison? = nil, knowledge: KnowledgeComparison? = nil, hidden: [HiddenCell]
  ) {
    self.survey = survey
    self.year = year
    self.plan = plan
    self.tool = tool
    self.auditPasses = auditPasses
    self.losses = losses
    self.hierarchies = hierarchies
    self.knowledge = knowledge
    self.hidden = hidden
  }

  enum CodingKeys: String, CodingKey {
    case survey = "enquete", year = "annee", plan, tool = "outil", auditPasses = "audit_reussi",
      losses = "pertes", hierarchies, knowledge = "connaissances", hidden = "secretes"
  }

  /// The file's text: keys in the order above, two-space indentation (``OrderedJSON``).
  public func rendered() -> String {
    let cells = hidden.map { cell -> OrderedJSON in
      .object([
        ("cellule", .string(cell.cell)), ("statut", .string(cell.status)), ("regle", .string(cell.rule)),
        ("valeur", .number(cell.value)),
        ("protection_requise", cell.required.map { .array($0.map(OrderedJSON.number)) } ?? .null),
        ("intervalle", PublishedAudit.interval(cell.interval)), ("protegee", .bool(cell.protected)),
      ])
    }
    var members =
      PublishedAudit.header(survey: survey, year: year, plan: plan, tool: tool, auditPasses: auditPasses)
      + [("pertes", .array(losses.map(\.privateJSON)))]
    if let hierarchies { members.append(("hierarchies", hierarchies.json)) }
    if let knowledge { members.append(("connaissances", knowledge.json)) }
    members.append(("secretes", .array(cells)))
    return OrderedJSON.object(members).rendered()
  }
}
