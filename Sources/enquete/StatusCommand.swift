import ArgumentParser
import EnqueteCore
import EnquetePipeline
import EnqueteRender
import Foundation

/// `enquete status SURVEY YEAR`: response rates and the services to remind.
struct StatusCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "status",
    abstract: "Response rates (national, by région, département, cour d'appel) and whom to remind.",
    discussion: """
      A respondent is a service of the campaign's directory with a current accepted report. The \
      reminder list (--csv, --relances FILE) has one line per non-respondent and per service whose \
      last file was refused: siret,nom,departement,raison.
      """
  )

  @OptionGroup var campaign: CampaignArguments

  @Option(help: "text or json.")
  var format: OutputFormat = .text

  @Flag(help: "Print the reminder list as CSV (mail merge) instead of the text.")
  var csv = false

  @Option(name: .customLong("relances"), help: "Also write the reminder list as CSV to this file.")
  var remindersFile: String?

  @OptionGroup var ledger: LedgerOptions

  func run() throws {
    let status = try withLedgerErrors {
      try ledger.open().status(survey: campaign.survey, year: campaign.year)
    }
    if let remindersFile {
      try Data(StatusOutput.remindersCSV(status).utf8).write(to: URL(fileURLWithPath: remindersFile))
    }
    if csv {
      print(StatusOutput.remindersCSV(status), terminator: "")
    } else if format == .json {
      print(StatusOutput.json(status), terminator: "")
    } else {
      print(StatusOutput.text(status), terminator: "")
    }
  }
}
