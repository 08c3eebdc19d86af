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
  /// Each system's placement certificate, when the cutting planes placed it (`placement`).
  public var placements: [PlacementCertificate]? = nil
  /// What protecting against the campaign's previous publication hid (`republication`).
  public var republication: Republication? = nil
  /// Every hidden cell (`secretes`).
  public var hidden: [HiddenCell]

  /// How far a system's pattern is from the cheapest possible: its cost (value hidden beyond the
  /// primaries, plus 1 per cell) and the placement's lower bound on the cost of every pattern
  /// that protects the system.
  public struct PlacementCertificate: Codable, Sendable, Hashable {
    /// The system's number in `structure.json` (`systeme`).
    public var system: Int
    /// Its cells (`cellules`).
    public var cells: Int
    /// The pattern's cost (`cout_motif`; confidential: derived from values).
    public var cost: Double
    /// The lower bound (`borne_inferieure`).
    public var lowerBound: Double
    /// `(cost − bound) / cost` (`ecart`).
    public var gap: Double

    /// A certificate.
    public init(system: Int, cells: Int, cost: Double, lowerBound: Double, gap: Double) {
      self.system = system
      self.cells = cells
      self.cost = cost
      self.lowerBound = lowerBound
      self.gap = gap
    }

    enum CodingKeys: String, CodingKey {
      case system = "systeme", cells = "cellules", cost = "cout_motif", lowerBound = "borne_inferieure", gap =
        "ecart"
    }

    var json: OrderedJSON {
      .object([
        ("systeme", .number(Double(system))), ("cellules", .number(Double(cells))),
        ("cout_motif", .number(cost)),
        ("borne_inferieure", .number(lowerBound)), ("ecart", .number(gap)),
      ])
    }
  }

  /// The cells a new publication hid because of the previous one.
  public struct Republication: Codable, Sendable, Hashable {
    /// The previous publication's number in the ledger (`publication_precedente`).
    public var previous: Int64
    /// Cells hidden only because of it (`masquees_pour_la_difference`).
    public var hidden: [String]
    /// Among them, those it showed (`masquees_a_nouveau`).
    public var hiddenAgain: [String]
    /// Every earlier publication it was protected with, most recent first (`protegee_avec`).
    public var protectedWith: [Int64]
    /// Cells its own pattern hid that an earlier publication showed with the same services (their
    /// value public): published again (`publiees_a_nouveau`).
    public var shownAgain: [String]

    /// The record.
    public init(
      previous: Int64, hidden: [String], hiddenAgain: [String], protectedWith: [Int64]? = nil,
      shownAgain: [String] = []
    ) {
      self.previous = previous
      self.hidden = hidden
      self.hiddenAgain = hiddenAgain
      self.protectedWith = protectedWith ?? [previous]
      self.shownAgain = shownAgain
    }

    enum CodingKeys: String, CodingKey {
      case previous = "publication_precedente", hidden = "masquees_pour_la_difference",
        hiddenAgain = "masquees_a_nouveau", protectedWith = "protegee_avec", shownAgain = "publiees_a_nouveau"
    }

    /// Reads a record; one written before `protegee_avec` was protected with its previous one only,
    /// and one written before `publiees_a_nouveau` published nothing again.
    public init(from decoder: any Decoder) throws {
      let container = try decoder.container(keyedBy: CodingKeys.self)
      previous = try container.decode(Int64.self, forKey: .previous)
      hidden = try container.decode([String].self, forKey: .hidden)
      hiddenAgain = try container.decode([String].self, forKey: .hiddenAgain)
      protectedWith = try container.decodeIfPresent([Int64].self, forKey: .protectedWith) ?? [previous]
      shownAgain = try container.decodeIfPresent([String].self, forKey: .shownAgain) ?? []
    }

    var json: OrderedJSON {
      .object([
        ("publication_precedente", .number(Double(previous))),
        ("protegee_avec", .array(protectedWith.map { .number(Double($0)) })),
        ("masquees_pour_la_difference", .array(hidden.map(OrderedJSON.string))),
        ("masquees_a_nouveau", .array(hiddenAgain.map(OrderedJSON.string))),
        ("publiees_a_nouveau", .array(shownAgain.map(OrderedJSON.string))),
      ])
    }
  }

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
    /// For a cell no rule hides, the primaries whose proof of protection moves it (`protege`):
    /// why it is hidden; `nil` for a primary.
    public var protects: [String]? = nil

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
        interval = "intervalle", protected = "protegee", protects = "protege"
    }
  }

  /// A private audit.
  public init(
    survey: String, year: Int, plan: String, tool: String, auditPasses: Bool, losses: [InformationLoss],
    hierarchies: HierarchyComparison? = nil, knowledge: KnowledgeComparison? = nil,
    placements: [PlacementCertificate]? = nil, republication: Republication? = nil, hidden: [HiddenCell]
  ) {
    self.placements = placements
    self.republication = republication
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
      losses = "pertes", hierarchies, knowledge = "connaissances", placements = "placement",
      republication, hidden = "secretes"
  }

  /// The file's text: keys in the order above, two-space indentation (``OrderedJSON``).
  public func rendered() -> String {
    let cells = hidden.map { cell -> OrderedJSON in
      var members: [(String, OrderedJSON)] = [
        ("cellule", .string(cell.cell)), ("statut", .string(cell.status)), ("regle", .string(cell.rule)),
        ("valeur", .number(cell.value)),
        ("protection_requise", cell.required.map { .array($0.map(OrderedJSON.number)) } ?? .null),
        ("intervalle", PublishedAudit.interval(cell.interval)), ("protegee", .bool(cell.protected)),
      ]
      if let protects = cell.protects {
        members.append(("protege", .array(protects.map(OrderedJSON.string))))
      }
      return .object(members)
    }
    var members =
      PublishedAudit.header(survey: survey, year: year, plan: plan, tool: tool, auditPasses: auditPasses)
      + [("pertes", .array(losses.map(\.privateJSON)))]
    if let hierarchies { members.append(("hierarchies", hierarchies.json)) }
    if let knowledge { members.append(("connaissances", knowledge.json)) }
    if let placements { members.append(("placement", .array(placements.map(\.json)))) }
    if let republication { members.append(("republication", republication.json)) }
    members.append(("secretes", .array(cells)))
    return OrderedJSON.object(members).rendered()
  }
}
