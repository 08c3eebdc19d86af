import ArgumentParser
import EnqueteCore
import EnquetePipeline
import Foundation

/// The options `publish` and `report` share: where the published folder and the private audit
/// go, the publication date recorded in the ledger, and what to do when publishing a campaign
/// again.
struct PublicationOptions: ParsableArguments {
  @Option(name: .customLong("sortie"), help: "The published folder (default: Reports/<survey>/<year>).")
  var output: String?

  @Option(
    name: .customLong("prive"), help: "The private audit file (default: prive/<survey>-<year>-audit.json).")
  var privateAudit: String?

  @Option(help: "The publication date to record (ISO 8601; default: now).")
  var date: DateArgument?

  @Option(
    name: .customLong("republication"),
    help: """
      When the campaign was published before from other reports, the new publication is protected \
      with it (a reader holds both). refuser: refuse if that needs hiding cells the previous one \
      showed, and say the options; masquer: hide them (their previous value stays public).
      """)
  var republication: RepublicationPolicy = .refuse

  /// The published folder of a campaign.
  func folder(_ survey: SurveyID, _ year: Int) -> String { output ?? "Reports/\(survey.rawValue)/\(year)" }

  /// The private audit's path for a campaign.
  func privatePath(_ survey: SurveyID, _ year: Int) -> String {
    privateAudit ?? "prive/\(survey.rawValue)-\(year)-audit.json"
  }

  /// The date to record.
  var recordedDate: Date { date?.date ?? Date() }
}

extension RepublicationPolicy: ExpressibleByArgument {}

extension PublicationError {
  /// The exit status of a refused publication: 1 when publishing again would expose what the
  /// previous publication protects (a check that did not pass), 64 otherwise.
  var exitStatus: ExitCode {
    switch self {
    case .republicationExposes, .republicationHidesPublishedCells: ExitStatus.checkFailed
    default: ExitStatus.usage
    }
  }
}
