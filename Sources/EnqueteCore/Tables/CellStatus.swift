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
  /// Secret, whatever the reason (`S`, rendered « s »): the only status a published file gives a
  /// hidden cell. The letters `A`, `B`, `F`, `D` are information (an `A` of a rule on values says
  /// "between 1 and the threshold", a `D` "at least the threshold"), so they stay in the private
  /// audit, as INSEE publishes « s » alone.
  case secret = "S"
  /// Not available (`ND`, rendered « nd »): the directory expects services in the unit and none
  /// of them answered. Never a zero: the unit's figures are unknown. Published totals cover the
  /// respondents only, so a reader knows the unit adds nothing to them (the audit counts it 0).
  case notAvailable = "ND"

  /// Whether the cell is sensitive by itself.
  public var isPrimary: Bool {
    self == .primaryFrequency || self == .primaryDominance || self == .primaryPPercent
  }

  /// Whether the cell is hidden in published tables.
  public var isSuppressed: Bool { isPrimary || self == .secondary || self == .secret }

  /// The status a published file shows: ``secret`` for every hidden cell, the status itself
  /// otherwise.
  public var published: CellStatus { isSuppressed ? .secret : self }

  /// What the published statuses mean, in French, for the `statut` columns of the open data.
  public static let publishedLegend =
    "V diffusable, S secret (quelle qu'en soit la raison), Z zéro structurel (aucun service ou aucune activité), ND non disponible (aucun des services attendus n'a répondu)"

  /// The statuses a published file may show: `V`, `Z`, `S` and `ND`.
  public static let publishedCases: [CellStatus] = [.publishable, .structuralZero, .secret, .notAvailable]
}
