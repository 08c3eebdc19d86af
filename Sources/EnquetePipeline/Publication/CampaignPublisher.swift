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
  }

  /// Publishes a campaign into `folder` (private audit at `privateAudit`), recorded at `date`.
  public static func publish(
    ledger: Ledger, survey: SurveyID, year: Int, folder: String, privateAudit: String, date: Date,
    compareHierarchies: Bool = false, compareKnowledge: Bool = false, logger: Logger? = nil
  ) throws -> Outcome {
    let reports = try ledger.currentReports(survey: survey, year: year)
    guard !reports.isEmpty else {
      throw PublicationError.nothingToPublish(survey: survey.rawValue, year: year)
    }
    let plan = PublicationPlan.builtIn(survey)
    let expected = try ledger.expectedRespondents(survey: survey.rawValue, year: year)
    // Non-respondents imputed when the plan asks (their previous report carried forward).
    let imputed =
      plan.imputation == nil
      ? []
      : ReportFigures.imputed(
        plan: plan, now: reports, before: try ledger.currentReports(survey: survey, year: year - 1),
        expected: expected)
    let publication: Publication
    do {
      publication = try Publication.run(
        plan: plan, year: year, reports: reports + imputed, expected: expected,
        compareHierarchies: compareHierarchies,
        compareKnowledge: compareKnowledge, logger: logger)
    } catch is ProtectionAudit.Problem {
      throw PublicationError.inconsistentFigures(survey: survey.rawValue, year: year)
    }
    let written = try PublishedFolder.write(publication, to: folder, privateAudit: privateAudit)
    var warnings: [String] = []
    let csv = Array(PublicationFiles.longCSV(publication.published).utf8)
    if let previous = try ledger.lastPublication(survey: survey, year: year), previous.cells != csv {
      let check = try RepublicationCheck.compare(previous: previous.cells, with: publication.published)
      warnings = check.warnings(
        previousNumber: previous.id, previousDate: FrenchFormat.dateTime(previous.publishedAt))
    }
    if try ledger.lastPublication(survey: survey, year: year)?.cells != csv {
      _ = try ledger.recordPublication(
        survey: survey, year: year, at: date, planVersion: publication.plan.planVersion,
        toolVersion: EnqueteVersion.tool, cells: csv)
    }
    return Outcome(folder: written, publication: publication, warnings: warnings)
  }
}
