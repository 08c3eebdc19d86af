import EnqueteAggregate
import EnqueteCore
import EnqueteLedger
import EnqueteProtect
import EnqueteRender
import Foundation
import Logging

/// `enquete publish` as a function of the ledger: reads the current reports, runs the
/// publication, writes the folder and the private audit, compares with the previous publication
/// and records the new one.
public enum CampaignPublisher {
  /// What one publish did.
  public struct Outcome: Sendable {
    /// The folder written.
    public var folder: PublishedFolder
    /// The publication itself (for the renderers' facts).
    public var publication: Publication
    /// French warnings about the previous publication of the campaign.
    public var warnings: [String]
    /// The campaign's previous publication that this one replaces (`nil` for a first publication,
    /// or when the published tables are the same as the last ones: nothing is recorded then).
    public var revision: PublicationRevision?
  }

  /// Publishes a campaign into `folder` (private audit at `privateAudit`), recorded at `date`.
  /// When the campaign was published before, the new pattern also protects what a reader of every
  /// publication computes; `policy` says whether it may hide cells an earlier one showed (else ``PublicationError/republicationHidesPublishedCells(survey:year:previous:date:cells:hidden:)``).
  public static func publish(
    ledger: Ledger, survey: SurveyID, year: Int, folder: String, privateAudit: String, date: Date,
    republication policy: RepublicationPolicy = .refuse, compareHierarchies: Bool = false,
    compareKnowledge: Bool = false, logger: Logger? = nil
  ) throws -> Outcome {
    let reports = try ledger.currentReports(survey: survey, year: year)
    guard !reports.isEmpty else {
      throw PublicationError.nothingToPublish(survey: survey.rawValue, year: year)
    }
    let plan = PublicationPlan.builtIn(survey)
    let expected = try ledger.expectedRespondents(survey: survey.rawValue, year: year)
    // Non-respondents imputed when the plan asks (their previous report carried forward).
    let lastYear = plan.imputation == nil ? [] : try ledger.currentReports(survey: survey, year: year - 1)
    func withImputed(_ reports: [ReportFigures]) -> [ReportFigures] {
      plan.imputation == nil
        ? reports
        : reports + ReportFigures.imputed(plan: plan, now: reports, before: lastYear, expected: expected)
    }
    let figures = withImputed(reports)
    let last = try ledger.lastPublication(survey: survey, year: year)
    // A reader holds the previous publications too: the new one is protected with all of them at
    // once (most recent first), those made from the same reports as now included: a new tool
    // version may hide other cells, and the two patterns together show more than either. One made
    // from the same reports as a later one, with the same hidden cells, adds nothing.
    var previous: [PreviousPublication] = []
    var earlier: [(stored: StoredPublication, reports: [ReportFigures])] = []
    struct Version: Hashable {
      var reports: Set<ReportFigures>
      var hidden: Set<String>
    }
    var seen: Set<Version> = []
    var candidate = last
    while let stored = candidate {
      let before = withImputed(try ledger.reports(survey: survey, ids: stored.reportIDs))
      let hidden = try hiddenCells(of: stored)
      earlier.append((stored, before))
      if seen.insert(Version(reports: Set(before), hidden: hidden)).inserted {
        previous.append(
          PreviousPublication(
            number: stored.id, date: FrenchFormat.dateTime(stored.publishedAt), hidden: hidden,
            before: before, now: figures, policy: policy))
      }
      candidate = try ledger.publication(survey: survey, year: year, before: stored.id)
    }
    let publication: Publication
    do {
      publication = try Publication.run(
        plan: plan, year: year, reports: figures, expected: expected, previous: previous,
        compareHierarchies: compareHierarchies,
        compareKnowledge: compareKnowledge, logger: logger)
    } catch is ProtectionAudit.Problem {
      throw PublicationError.inconsistentFigures(survey: survey.rawValue, year: year)
    }
    if let outcome = publication.republication,
      let previous = previous.first(where: { $0.number == outcome.previousNumber })
    {
      if !outcome.passes {
        throw PublicationError.republicationExposes(
          survey: survey.rawValue, year: year, previous: previous.number, date: previous.date,
          cells: outcome.stillExposed)
      }
      if !outcome.hiddenAgain.isEmpty, policy == .refuse {
        throw PublicationError.republicationHidesPublishedCells(
          survey: survey.rawValue, year: year, previous: previous.number, date: previous.date,
          cells: outcome.hiddenAgain, hidden: outcome.hiddenForRepublication.count)
      }
    }
    let csv = Array(PublicationFiles.longCSV(publication.published).utf8)
    // A publication whose tables differ from the last recorded one replaces it, and says so; the
    // same tables again (a report after its publish) still replace the one before the last.
    var revision: PublicationRevision?
    let replacedAt = last?.cells == csv ? 1 : 0
    if earlier.indices.contains(replacedAt) {
      let (replaced, before) = earlier[replacedAt]
      revision = PublicationRevision(
        replacing: replaced.id, publishedAt: replaced.publishedAt, cells: try cells(of: replaced),
        reports: before, by: publication.published, reports: figures)
    }
    let written = try PublishedFolder.write(
      publication, to: folder, privateAudit: privateAudit, revision: revision)
    var warnings: [String] = []
    if let last, last.cells != csv {
      let check = try RepublicationCheck.compare(previous: last.cells, with: publication.published)
      warnings = check.warnings(
        previousNumber: last.id, previousDate: FrenchFormat.dateTime(last.publishedAt))
    }
    if let outcome = publication.republication, !outcome.hiddenForRepublication.isEmpty {
      let numbers = outcome.previousNumbers.map { "n° \($0)" }
      let (earlier, shown) =
        numbers.count == 1
        ? ("la publication \(numbers[0])", "dans celle-ci")
        : ("les publications " + FrenchFormat.list(numbers), "dans l'une d'elles")
      warnings.append(
        "\(outcome.hiddenForRepublication.count) cellule(s) masquée(s) en plus pour que, lue avec "
          + "\(earlier), la nouvelle publication ne révèle ni cellule secrète ni chiffres d'un service arrivé "
          + "ou corrigé depuis, dont "
          + "\(outcome.hiddenAgain.count) publiée(s) \(shown) [publish.republication-protegee] "
          + "(\(PublicationError.sample(outcome.hiddenForRepublication)))")
    }
    if last?.cells != csv {
      _ = try ledger.recordPublication(
        survey: survey, year: year, at: date, planVersion: publication.plan.planVersion,
        toolVersion: EnqueteVersion.tool, cells: csv)
    }
    return Outcome(folder: written, publication: publication, warnings: warnings, revision: revision)
  }

  /// The cells a recorded publication hid, read from its `tableaux.csv`; a record that does not
  /// read is refused (the new publication could not be protected with it).
  static func hiddenCells(of publication: StoredPublication) throws -> Set<String> {
    Set(try cells(of: publication).filter(\.status.isSuppressed).map(\.id.description))
  }

  /// The cells of a recorded publication, read from its `tableaux.csv`.
  static func cells(of publication: StoredPublication) throws -> [PublishedData.Cell] {
    do {
      return try PublishedData(csv: String(decoding: publication.cells, as: UTF8.self)).cells
    } catch {
      throw PublicationError.unreadable("registre : tableaux.csv de la publication n° \(publication.id)")
    }
  }

}
