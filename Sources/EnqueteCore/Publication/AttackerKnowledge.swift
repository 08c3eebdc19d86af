/// Everything a reader of a publication knows besides its published values and equations, as
/// linear facts over its cells: the one attacker model that protection, the publication's audit
/// and `enquete audit DIR` share.
///
/// It is derived from the public contracts alone, so that a new rule or a new indicator enters
/// the model without code:
///
/// - **rules** (`Schemas/v1/rules`): every linear rule of severity `error` without a condition,
///   whose variables every report must give, holds for every accepted report, hence summed over the
///   services of any unit (`nb_mediateurs_demf ≤ nb_mediateurs` at every level; a stock-flow rule is
///   an equation between tables). A variable not published at that unit is an unknown within its
///   catalog bounds;
/// - **catalog bounds** (`Schemas/v1/surveys`): a required variable's minimum and maximum per
///   service, times the published number of responding services (`nb_sites ≥ nb_services`);
/// - **zeros are published**: a hidden count under a rule on values is at least 1 (``hiddenLowerBound(of:)``);
/// - **indicators** with their rounding: a share or ratio bounds its numerator against its
///   denominator; a mean waiting time bounds its classes; a median splits them; a waiting time
///   published (or hidden while its base is shown) says how many measures started;
/// - **derived variables**: sums at every unit;
/// - **dominance**: a cell published under a rule with dominance `(n, k %)` has no `n` services
///   above `k` % of it, so a unit of at most `n` services below it holds at most `k` % of it;
/// - **the per-measure detail**: `detail-count` rules that count every detail row by the values of
///   one field make the measures of the detail at most the sum of those report variables.
///
/// The statuses a file shows are knowledge too: a published file shows only `S`, but an older one
/// may show `A` or `D`; ``statusBounds(of:variable:)`` gives what they say.
public struct AttackerKnowledge: Sendable {
  /// The plan whose publication is read.
  public let plan: PublicationPlan
  /// The survey's catalog.
  public let catalog: SurveyDefinition
  /// The survey's rules.
  public let rules: RuleSet
  /// The plan rule of every published variable (``PublicationPlan/ruleByVariable`` resolved once:
  /// the facts ask it per cell and per variable).
  private let ruleOfVariable: [String: SecrecyRuleDefinition]

  /// How many decimals the open data gives an indicator (`tableaux.csv`): its rounding is part of
  /// what a reader knows.
  public static let indicatorDecimals = 1

  /// One unit of the publication as a reader sees it.
  public struct Unit: Sendable, Hashable {
    /// Its level.
    public var level: GeographicLevel
    /// Its code.
    public var code: String
    /// The published number of responding services under it (1 for a service), if published.
    public var services: Int?

    /// Creates a unit.
    public init(level: GeographicLevel, code: String, services: Int?) {
      self.level = level
      self.code = code
      self.services = services
    }
  }

  /// One fact: `lower ≤ Σ coefficient × cell ≤ upper` over cell identifiers (`variable|niveau|code`).
  public struct Fact: Sendable, Hashable {
    /// The cells and their coefficients.
    public var terms: [Term]
    /// The least value of the sum, if bounded.
    public var lower: Double?
    /// The greatest value of the sum, if bounded.
    public var upper: Double?
    /// What a reader needs to know to use it, in French.
    public var knowledge: String

    /// One term of a fact.
    public struct Term: Sendable, Hashable {
      /// The cell identifier.
      public var cell: String
      /// Its coefficient.
      public var coefficient: Double
    }
  }

  /// What a reader sees of the publication, to derive the facts.
  public struct Reading {
    /// The units, every level.
    public var units: [Unit]
    /// Whether a cell exists (published or hidden).
    public var exists: (String) -> Bool
    /// The published value of a cell, `nil` when hidden or absent.
    public var published: (String) -> Double?
    /// What the publication shows of an indicator at a unit (by index into ``units``).
    public var indicator: (String, Int) -> Shown

    /// Creates a reading.
    public init(
      units: [Unit], exists: @escaping (String) -> Bool, published: @escaping (String) -> Double?,
      indicator: @escaping (String, Int) -> Shown
    ) {
      self.units = units
      self.exists = exists
      self.published = published
      self.indicator = indicator
    }
  }

  /// What a publication shows of an indicator at a unit.
  public enum Shown: Sendable, Hashable {
    /// Its value, rounded to ``AttackerKnowledge/indicatorDecimals``.
    case value(Double)
    /// Secret.
    case secret
    /// Not computed there (no base), or not published at that level.
    case absent
  }

  /// Creates the model of a plan with its catalog and rules.
  public init(plan: PublicationPlan, catalog: SurveyDefinition, rules: RuleSet) {
    self.plan = plan
    self.catalog = catalog
    self.rules = rules
    ruleOfVariable = plan.ruleByVariable.compactMapValues { plan.rules[$0] }
  }

  /// The plan rule `variable` is published under, if it is published.
  public func rule(of variable: String) -> SecrecyRuleDefinition? { ruleOfVariable[variable] }

  /// The model of the survey's built-in contracts.
  public static func builtIn(_ survey: SurveyID) -> AttackerKnowledge {
    AttackerKnowledge(
      plan: .builtIn(survey), catalog: .builtIn(survey), rules: .builtIn(survey))
  }

  /// The identifier of a cell.
  public static func cellID(_ variable: String, _ level: GeographicLevel, _ code: String) -> String {
    CellID(variable: variable, level: level, code: code).description
  }

  /// What a reader knows of a hidden cell of `variable`, beyond 0: 1 for a count under a rule on
  /// values (every zero is published, so a hidden count is not 0); `nil` otherwise.
  public func hiddenLowerBound(of variable: String) -> Double? {
    guard let rule = rule(of: variable), rule.basis == .value else {
      return nil
    }
    return 1
  }

  /// Whether the values of `variable` are whole numbers (a reader rounds their bounds).
  public func isIntegral(_ variable: String) -> Bool { plan.isIntegral(variable, catalog: catalog) }

  /// The frequency threshold of the rule `variable` is published under.
  public func threshold(of variable: String) -> Int? {
    rule(of: variable)?.threshold
  }

  /// What a published status letter says of a hidden cell of `variable` (an older file's `A` under
  /// a rule on values: between 1 and the threshold − 1; its `D`: at least the threshold); `nil`
  /// for `S` and the letters that say nothing of the value.
  public func statusBounds(of status: CellStatus, variable: String) -> (lower: Double, upper: Double?)? {
    guard let rule = rule(of: variable), rule.basis == .value else {
      return nil
    }
    switch status {
    case .primaryFrequency: return (1, Double(rule.threshold - 1))
    case .secondary: return (Double(rule.threshold), nil)
    default: return nil
    }
  }

  /// The facts that depend on which cells are published (dominance of the cells above): known
  /// only once a pattern is chosen.
  /// - Complexity: O(units × variables).
  public func patternFacts(_ reading: Reading) -> [Fact] {
    reading.units.flatMap { dominanceFacts($0, reading) }
  }

  /// Every fact a reader can derive from `reading`.
  /// - Complexity: O(units × (rules + indicators + variables)).
  public func facts(_ reading: Reading) -> [Fact] {
    var facts: [Fact] = []
    let summable = summableRules
    for (index, unit) in reading.units.enumerated() {
      facts += ruleFacts(unit, reading, summable)
      facts += boundFacts(unit, reading)
      facts += derivedFacts(unit, reading)
      facts += detailFacts(unit, reading)
      facts += dominanceFacts(unit, reading)
      facts += indicatorFacts(unit, index, reading)
    }
    return facts
  }
}
