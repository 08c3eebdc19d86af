import ArgumentParser
import EnqueteCore
import Foundation

/// The options `publish` and `report` share: where the published folder and the private audit
/// go, and the publication date recorded in the ledger.
struct PublicationOptions: ParsableArguments {
  @Option(name: .customLong("sortie"), help: "The published folder (default: Reports/<survey>/<year>).")
  var output: String?

  @Option(
    name: .customLong("prive"), help: "The private audit file (default: prive/<survey>-<year>-audit.json).")
  var privateAudit: String?

  @Option(help: "The publication date to record (ISO 8601; default: now).")
  var date: DateArgument?

  /// The published folder of a campaign.
  func folder(_ survey: SurveyID, _ year: Int) -> String { output ?? "Reports/\(survey.rawValue)/\(year)" }

  /// The private audit's path for a campaign.
  func privatePath(_ survey: SurveyID, _ year: Int) -> String {
    privateAudit ?? "prive/\(survey.rawValue)-\(year)-audit.json"
  }

  /// The date to record.
  var recordedDate: Date { date?.date ?? Date() }
}
