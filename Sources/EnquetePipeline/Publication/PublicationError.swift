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
  /// Published again, the campaign would let a reader of both publications recompute a secret
  /// cell or a late or corrected service's figures, whatever the new pattern hides.
  case republicationExposes(survey: String, year: Int, previous: Int64, date: String, cells: [String])
  /// Published again, the campaign must hide cells the previous publication showed, and the
  /// statistician did not say to (`--republication masquer`).
  case republicationHidesPublishedCells(
    survey: String, year: Int, previous: Int64, date: String, cells: [String], hidden: Int)

  /// The first cells of a list, named (never a value).
  static func sample(_ cells: [String]) -> String {
    cells.prefix(10).joined(separator: ", ") + (cells.count > 10 ? ", …" : "")
  }

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
    case .republicationExposes(let survey, let year, let previous, let date, let cells):
      "\(survey) \(year) : republier maintenant permettrait, par différence avec la publication n° \(previous) "
        + "du \(date), de retrouver \(cells.count) chiffre(s) secret(s) ou les chiffres d'un service arrivé ou "
        + "corrigé depuis (\(Self.sample(cells))) ; rien n'a été publié [publish.republication-refusee]. "
        + "Options : attendre d'autres rapports tardifs, pour que la différence entre les deux versions "
        + "couvre assez de services ; ou ne pas republier : la publication n° \(previous) reste la "
        + "référence, et les rapports reçus depuis restent dans le registre."
    case .republicationHidesPublishedCells(
      let survey, let year, let previous, let date, let cells, let hidden):
      "\(survey) \(year) : pour que la différence avec la publication n° \(previous) du \(date) ne révèle "
        + "ni cellule secrète ni chiffres d'un service arrivé ou corrigé depuis, la nouvelle publication "
        + "devrait masquer \(hidden) cellule(s) de plus, dont \(cells.count) publiée(s) dans la n° \(previous) "
        + "(\(Self.sample(cells))) ; rien n'a été publié [publish.republication-masquage]. Options : "
        + "republier avec ces cellules masquées (--republication masquer ; leur valeur précédente reste "
        + "publique) ; attendre d'autres rapports tardifs, pour que la différence couvre assez de services ; "
        + "ou ne pas republier : la publication n° \(previous) reste la référence."
    }
  }
}
