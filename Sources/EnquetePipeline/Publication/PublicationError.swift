import Foundation

/// Why a publication cannot be written or audited.
public enum PublicationError: Error, CustomStringConvertible, Sendable {
  /// A file of the published folder is missing or is not what enquete writes.
  case unreadable(String)
  /// The private audit would be written inside the published folder.
  case privateAuditInPublishedFolder(String)
  /// The campaign has no current accepted report.
  case nothingToPublish(survey: String, year: Int)
  /// The aggregated figures do not add up, so the secrecy stage refused them (a bug to report:
  /// accepted reports always add up).
  case inconsistentFigures(survey: String, year: Int)

  /// A French message.
  public var description: String {
    switch self {
    case .unreadable(let path): "\(path) : fichier illisible ou absent"
    case .privateAuditInPublishedFolder(let path):
      "\(path) : l'audit privé ne doit pas être écrit dans le dossier publié"
    case .nothingToPublish(let survey, let year): "\(survey) \(year) : aucun rapport accepté à publier"
    case .inconsistentFigures(let survey, let year):
      "\(survey) \(year) : les totaux agrégés ne s'additionnent pas, le secret n'a pas pu être calculé "
        + "(anomalie à signaler ; rien n'a été publié)"
    }
  }
}
