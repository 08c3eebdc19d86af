/// The secrecy status of a cell in a protected table, with τ-Argus's letters.
public enum CellStatus: String, Sendable, Hashable, Codable, CaseIterable {
  /// Publishable (`V`).
  case publishable = "V"
  /// Primary suppression by the frequency rule: too few contributors or persons (`A`).
  case primaryFrequency = "A"
  /// Primary suppression by the dominance rule (`B`).
  case primaryDominance = "B"
  /// Primary suppression by the p% rule (`F`).
  case primaryPPercent = "F"
  /// Secondary (complementary) suppression (`D`).
  case secondary = "D"
  /// Structural zero: no contributor; published as `-` and never used as a complement (`Z`).
  case structuralZero = "Z"

  /// Whether the cell is sensitive by itself.
  public var isPrimary: Bool {
    self == .primaryFrequency || self == .primaryDominance || self == .primaryPPercent
  }

  /// Whether the cell is hidden in published tables.
  public var isSuppressed: Bool { isPrimary || self == .secondary }
}
