import EnqueteCore

/// What the ledger refuses to do, worded in French for the statistician (a usage error: exit 64).
public enum LedgerError: Error, Sendable, Hashable, CustomStringConvertible {
  /// No campaign is open for this survey and year.
  case campaignNotOpen(survey: String, year: Int)
  /// The campaign was closed.
  case campaignClosed(survey: String, year: Int)
  /// The campaign already exists.
  case campaignExists(survey: String, year: Int)
  /// The campaign does not exist.
  case campaignNotFound(survey: String, year: Int)

  /// The French message.
  public var description: String {
    switch self {
    case .campaignNotOpen(let survey, let year):
      "aucune campagne \(Self.name(survey)) \(year) n'est ouverte : ouvrez-la d'abord avec "
        + "`enquete campaign open \(survey) \(year) --directory ANNUAIRE.csv`"
    case .campaignClosed(let survey, let year):
      "la campagne \(Self.name(survey)) \(year) est close : plus aucun fichier n'y entre"
    case .campaignExists(let survey, let year):
      "la campagne \(Self.name(survey)) \(year) existe déjà"
    case .campaignNotFound(let survey, let year):
      "il n'y a pas de campagne \(Self.name(survey)) \(year)"
    }
  }

  static func name(_ survey: String) -> String { SurveyID(rawValue: survey)?.frenchName ?? survey }
}
