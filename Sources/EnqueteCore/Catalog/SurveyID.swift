/// The surveys enquete runs.
public enum SurveyID: String, CaseIterable, Codable, Hashable, Sendable, Comparable {
  /// Activity of family-mediation services; owned by the CNAF.
  case mediationFamiliale = "mediation-familiale"
  /// Activity of espaces de rencontre (child-contact centres); owned by the Justice ministry.
  case espaceRencontre = "espace-rencontre"

  /// The short French name for reports and messages.
  public var frenchName: String {
    switch self {
    case .mediationFamiliale: "médiation familiale"
    case .espaceRencontre: "espaces de rencontre"
    }
  }

  /// Alphabetical order of the identifiers.
  public static func < (lhs: SurveyID, rhs: SurveyID) -> Bool { lhs.rawValue < rhs.rawValue }
}
