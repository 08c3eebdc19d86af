/// `structure.json`: for every linked system of a publication, its rule, its cells and its
/// equations (indices into the cells), so that `enquete audit` can rebuild the system from the
/// published files. Written by the publication, read by the folder audit.
public struct PublishedStructure: Codable, Sendable, Hashable {
  /// The survey (`enquete`).
  public var survey: String
  /// The campaign year (`annee`).
  public var year: Int
  /// The publication plan's version (`plan`).
  public var plan: String
  /// The plan's protection ratio (`ratio_protection`).
  public var protectionRatio: Double
  /// The linked systems (`systemes`).
  public var systems: [System]

  /// One linked system.
  public struct System: Codable, Sendable, Hashable {
    /// The plan rule (`regle`).
    public var rule: String
    /// The rule's basis, `valeur` or `contributeurs` (`base`).
    public var basis: String
    /// The rule's threshold (`seuil`).
    public var threshold: Int
    /// The cells' identifiers, `variable|niveau|code` (`cellules`).
    public var cells: [String]
    /// Each equation as `[total, part, part…]`, indices into ``cells`` (`equations`).
    public var equations: [[Int]]

    /// A system.
    public init(rule: String, basis: String, threshold: Int, cells: [String], equations: [[Int]]) {
      self.rule = rule
      self.basis = basis
      self.threshold = threshold
      self.cells = cells
      self.equations = equations
    }

    enum CodingKeys: String, CodingKey {
      case rule = "regle", basis = "base", threshold = "seuil", cells = "cellules", equations
    }
  }

  /// A structure.
  public init(survey: String, year: Int, plan: String, protectionRatio: Double, systems: [System]) {
    self.survey = survey
    self.year = year
    self.plan = plan
    self.protectionRatio = protectionRatio
    self.systems = systems
  }

  enum CodingKeys: String, CodingKey {
    case survey = "enquete", year = "annee", plan, protectionRatio = "ratio_protection", systems = "systemes"
  }

  /// The file's text: keys in the order above, two-space indentation (``OrderedJSON``).
  public func rendered() -> String {
    let systems = systems.map { system -> OrderedJSON in
      .object([
        ("regle", .string(system.rule)), ("base", .string(system.basis)),
        ("seuil", .number(Double(system.threshold))),
        ("cellules", .array(system.cells.map { .string($0) })),
        ("equations", .array(system.equations.map { .array($0.map { .number(Double($0)) }) })),
      ])
    }
    return OrderedJSON.object([
      ("enquete", .string(survey)), ("annee", .number(Double(year))), ("plan", .string(plan)),
      ("ratio_protection", .number(protectionRatio)), ("systemes", .array(systems)),
    ]).rendered()
  }
}

extension PublishedStructure {
  /// The structure of the publication of `year` under `plan` whose cells `linked` links.
  /// - Complexity: O(cells + equation terms).
  public init(plan: PublicationPlan, year: Int, linked: LinkedTables) {
    self.init(
      survey: plan.survey.rawValue, year: year, plan: plan.planVersion, protectionRatio: plan.protectionRatio,
      systems: linked.systems.map { system in
        let rule = plan.rules[system.rule]!
        return System(
          rule: system.rule, basis: rule.basis.rawValue, threshold: rule.threshold,
          cells: system.table.cells.map(\.id), equations: system.table.equations.map(\.cells))
      })
  }
}
