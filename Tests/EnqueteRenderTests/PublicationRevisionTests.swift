import EnqueteCore
import Foundation
import Testing

@testable import EnqueteRender

/// What a revised publication says it replaces, in every output's words.
@Suite struct PublicationRevisionTests {
  static let date = Date(timeIntervalSince1970: 1_796_515_200)  // 2026-12-06 00:00 UTC

  @Test func aLateServiceAndCellsHiddenAgainAreSaid() {
    let revision = PublicationRevision(
      previousNumber: 3, previousDate: Self.date, changedServices: 1, hiddenAgain: 86)
    #expect(
      revision.sentence
        == "Cette publication remplace la publication n° 3 du 6 décembre 2026 : elle tient compte de 1 service "
        + "dont le rapport a été reçu, corrigé ou retiré depuis. 86 cases qu'elle publiait sont désormais "
        + "secrètes (s) : le secret s'applique aux nouveaux chiffres et à ce que la comparaison des deux "
        + "publications révélerait (une case secrète ou les chiffres d'un service). Leur valeur dans la "
        + "publication n° 3 ne tient pas compte des rapports reçus depuis.")
  }

  @Test func singularsPluralsAndTheSameReports() {
    let one = PublicationRevision(
      previousNumber: 1, previousDate: Self.date, changedServices: 12, hiddenAgain: 1)
    #expect(one.sentence.contains("de 12 services dont le rapport"))
    #expect(one.sentence.contains("1 case qu'elle publiait est désormais secrète (s) : "))
    #expect(one.sentence.contains(". Sa valeur dans la publication n° 1 ne tient pas compte"))
    let none = PublicationRevision(
      previousNumber: 1, previousDate: Self.date, changedServices: 3, hiddenAgain: 0)
    #expect(!none.sentence.contains("secrète"))
    let method = PublicationRevision(
      previousNumber: 1, previousDate: Self.date, changedServices: 0, hiddenAgain: 0)
    #expect(
      method.sentence.hasSuffix(
        "elle repose sur les mêmes rapports ; ses tableaux diffèrent par la méthode (version de l'outil ou du plan de publication)."
      ))
  }

  @Test func theNotesSheetCarriesItOnlyWhenRevised() {
    let plan = PublicationPlan.builtIn(.mediationFamiliale)
    let revision = PublicationRevision(
      previousNumber: 2, previousDate: Self.date, changedServices: 1, hiddenAgain: 0)
    let revised = PublicationNotes(plan: plan, year: 2025, revision: revision).sheetLines
    #expect(revised.contains { $0.0 == "Révision" && $0.1 == revision.sentence })
    #expect(!PublicationNotes(plan: plan, year: 2025).sheetLines.contains { $0.0 == "Révision" })
  }
}
