/// The secrecy rules of a publication: thresholds and required protection, all settings.
///
/// The defaults are those of the peers' benchmark tables (frequency threshold 3, τ-Argus
/// `FREQ(3,10)`), dominance (1, 85 %) as in `secrecy.md`, and INSEE's `MAN(10)` protection.
public struct SecrecySettings: Sendable, Hashable, Codable {
  /// A cell with `1 ≤ contributors < frequencyThreshold` is a primary (`A`).
  public var frequencyThreshold: Int
  /// The dominance rule (n, k): a cell whose `n` largest contributions exceed `k` % of its value
  /// is a primary (`B`); `nil` turns the rule off. Applies only to cells that carry their largest
  /// contributions.
  public var dominance: Dominance?
  /// The required protection of every primary, as a share of its value (0.10 is ±10 %).
  public var protectionRatio: Double
  /// The p% rule: a cell is a primary (`F`) when its value less its two largest contributions is
  /// below `p` % of the largest (the second contributor could estimate the largest within p %);
  /// `nil` turns the rule off. Applies only to cells that carry their largest contributions.
  public var pPercent: Double?
  /// The singleton rule: two hidden single-contributor cells must not be the only hidden cells of
  /// an equation (each could subtract its own value and learn the other's).
  public var singletonRule: Bool

  /// The dominance rule's parameters.
  public struct Dominance: Sendable, Hashable, Codable {
    /// How many of the largest contributions are added.
    public var contributors: Int
    /// The share of the cell's value, in percent, they may not exceed.
    public var percent: Double

    /// Creates the (n, k) dominance rule.
    public init(contributors: Int, percent: Double) {
      self.contributors = contributors
      self.percent = percent
    }
  }

  /// Creates settings; the defaults are `FREQ(3)`, dominance (1, 85 %), ±10 %, no p% rule, the
  /// singleton rule on.
  public init(
    frequencyThreshold: Int = 3,
    dominance: Dominance? = Dominance(contributors: 1, percent: 85),
    protectionRatio: Double = 0.10,
    pPercent: Double? = nil,
    singletonRule: Bool = true
  ) {
    self.frequencyThreshold = frequencyThreshold
    self.dominance = dominance
    self.protectionRatio = protectionRatio
    self.pPercent = pPercent
    self.singletonRule = singletonRule
  }

  private enum CodingKeys: String, CodingKey {
    case frequencyThreshold, dominance, protectionRatio, pPercent, singletonRule
  }

  /// Decodes settings; the p% rule and the singleton rule may be absent (off, and on).
  public init(from decoder: any Decoder) throws {
    let container = try decoder.container(keyedBy: CodingKeys.self)
    frequencyThreshold = try container.decode(Int.self, forKey: .frequencyThreshold)
    dominance = try container.decodeIfPresent(Dominance.self, forKey: .dominance)
    protectionRatio = try container.decode(Double.self, forKey: .protectionRatio)
    pPercent = try container.decodeIfPresent(Double.self, forKey: .pPercent)
    singletonRule = try container.decodeIfPresent(Bool.self, forKey: .singletonRule) ?? true
  }
}
