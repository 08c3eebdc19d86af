import ArgumentParser
import EnqueteCore
import EnqueteLedger
import EnquetePipeline
import Foundation

/// `enquete report SURVEY YEAR`: the protected publication and everything rendered from it.
struct ReportCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "report",
    abstract: "Publish a campaign and render its reports: national HTML report, tables, extracts.",
    discussion: """
      Runs enquete publish, then writes into the same folder the national report (rapport.html, \
      one self-contained page), the tables by breakdown for open data (donnees/, each with its Table \
      Schema) and for French Excel (excel/, and excel/tableaux.xlsx), each département's extract \
      (departements/<code>/) and provenance.json. Everything is drawn from the published tables. \
      The previous year's publication, if recorded in the ledger, gives the evolution.
      """
  )

  @OptionGroup var campaign: CampaignArguments

  @Option(name: .customLong("modeles"), help: "A folder of templates to use instead of the built-in ones.")
  var templates: String?

  @OptionGroup var publication: PublicationOptions

  @OptionGroup var ledger: LedgerOptions

  func run() throws {
    let survey = campaign.survey
    let folder = publication.folder(survey, campaign.year)
    let privatePath = publication.privatePath(survey, campaign.year)
    var overrides: [String: String] = [:]
    if let templates {
      for (name, file) in [
        ("rapport", "rapport.mustache"), ("departement", "departement.mustache"),
        ("tableau", "tableau.mustache"), ("style", "style.css"),
      ] {
        if let text = try? String(contentsOfFile: "\(templates)/\(file)", encoding: .utf8) {
          overrides[name] = text
        }
      }
    }
    let store = try withLedgerErrors { try ledger.open() }
    let outcome: CampaignReport.Outcome
    do {
      outcome = try withLedgerErrors {
        try CampaignReport.run(
          ledger: store, survey: survey, year: campaign.year, folder: folder, privateAudit: privatePath,
          date: publication.recordedDate, republication: publication.republication, templates: overrides,
          logger: CLILogger.make("enquete.report"))
      }
    } catch let error as PublicationError {
      FileHandle.standardError.write(Data("enquete: erreur : \(error)\n".utf8))
      throw error.exitStatus
    }
    for warning in outcome.published.warnings {
      FileHandle.standardError.write(Data("enquete: avertissement : \(warning)\n".utf8))
    }
    print(outcome.published.folder.summary, terminator: "")
    print("  rapport : \(folder)/rapport.html (\(outcome.files.count) fichiers rendus)")
    if !outcome.published.folder.auditPasses { throw ExitStatus.checkFailed }
  }
}
