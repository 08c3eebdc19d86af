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

  /// Creates settings; the defaults are `FREQ(3)`, dominance (1, 85 %), ±10 %.
  public init(
    frequencyThreshold: Int = 3,
    dominance: Dominance? = Dominance(contributors: 1, percent: 85),
    protectionRatio: Double = 0.10
  ) {
    self.frequencyThreshold = frequencyThreshold
    self.dominance = dominance
    self.protectionRatio = protectionRatio
  }
}
