import EnqueteCore
import Foundation

/// What a publication replaces: the campaign's previous publication, and what changed since. A
/// reader comparing the two folders must know that the new one supersedes the old, why figures
/// moved, and why cells the old one showed are now secret; the report, the département pages, the
/// notes sheets and `provenance.json` say it in the same words.
public struct PublicationRevision: Sendable, Hashable {
  /// The number of the replaced publication in the ledger.
  public var previousNumber: Int64
  /// When it was published.
  public var previousDate: Date
  /// Services whose report was received, corrected or withdrawn since.
  public var changedServices: Int
  /// Cells the replaced publication showed that this one hides (mostly so that comparing the two
  /// reveals neither a secret cell nor one service's figures).
  public var hiddenAgain: Int

  /// Creates a revision.
  public init(previousNumber: Int64, previousDate: Date, changedServices: Int, hiddenAgain: Int) {
    self.previousNumber = previousNumber
    self.previousDate = previousDate
    self.changedServices = changedServices
    self.hiddenAgain = hiddenAgain
  }

  /// The revision of the publication number `number`, published at `date` with `cells` from
  /// `before`, by the publication `now` from `after`: the services whose report differs between
  /// the two, and the cells the first showed that `now` hides.
  /// - Complexity: O(cells + reports).
  public init(
    replacing number: Int64, publishedAt date: Date, cells: [PublishedData.Cell],
    reports before: [ReportFigures],
    by now: PublishedData, reports after: [ReportFigures]
  ) {
    let changes = PreviousPublication(
      number: number, date: "", hidden: [], before: before, now: after, policy: .refuse)
    let shown = Set(cells.filter { !$0.status.isSuppressed }.map(\.id))
    self.init(
      previousNumber: number, previousDate: date,
      changedServices: Set((changes.added + changes.withdrawn).map(\.siret)).count,
      hiddenAgain: Set(now.cells.filter { $0.status.isSuppressed && shown.contains($0.id) }.map(\.id)).count)
  }

  /// The French sentence of every output: « Cette publication remplace la publication n° 1 du
  /// 7 décembre 2026 … ».
  public var sentence: String {
    let previous = "la publication n° \(previousNumber)"
    let since: String
    switch changedServices {
    case 0:
      since =
        "elle repose sur les mêmes rapports ; ses tableaux diffèrent par la méthode (version de l'outil ou du plan de publication)."
    case 1: since = "elle tient compte de 1 service dont le rapport a été reçu, corrigé ou retiré depuis."
    default:
      since =
        "elle tient compte de \(FrenchNumber.text(Double(changedServices))) services dont le rapport a été reçu, corrigé ou retiré depuis."
    }
    var text = "Cette publication remplace \(previous) du \(FrenchFormat.longDate(previousDate)) : \(since)"
    if hiddenAgain > 0 {
      let (cells, value) =
        hiddenAgain == 1
        ? ("1 case qu'elle publiait est désormais secrète (s)", "Sa valeur")
        : (
          "\(FrenchNumber.text(Double(hiddenAgain))) cases qu'elle publiait sont désormais secrètes (s)",
          "Leur valeur"
        )
      text +=
        " \(cells) : le secret s'applique aux nouveaux chiffres et à ce que la comparaison des deux publications "
        + "révélerait (une case secrète ou les chiffres d'un service). \(value) dans \(previous) ne tient pas "
        + "compte des rapports reçus depuis."
    }
    return text
  }
}
