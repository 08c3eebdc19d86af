import ArgumentParser
import EnqueteCore
import EnqueteLedger
import EnquetePipeline
import EnqueteRender
import Foundation

/// `enquete campaign open|close|list`: the campaigns of the ledger.
struct CampaignCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "campaign",
    abstract: "Open, close and list the campaigns of the ledger.",
    subcommands: [Open.self, Close.self, List.self]
  )

  /// `enquete campaign open SURVEY YEAR --directory FILE`.
  struct Open: ParsableCommand {
    static let configuration = CommandConfiguration(
      abstract:
        "Open a campaign with its directory of expected respondents (CSV: siret,nom,enquete,departement_code)."
    )

    @OptionGroup var campaign: CampaignArguments

    @Option(help: "The directory of expected respondents (annuaire).")
    var directory: String

    @Option(help: "Date to record as the opening (ISO 8601; default: now).")
    var date: DateArgument?

    @OptionGroup var ledger: LedgerOptions

    func run() throws {
      let (survey, year) = (campaign.survey, campaign.year)
      guard let bytes = FileManager.default.contents(atPath: directory) else {
        VerdictOutput.printNotFound(directory)
        throw ExitStatus.usage
      }
      let respondents: [ExpectedRespondent]
      do {
        respondents = try DirectoryFile.read(bytes: [UInt8](bytes), name: directory, survey: survey)
      } catch let problems as DirectoryProblems {
        FileHandle.standardError.write(Data(problems.diagnostics.map { $0.line + "\n" }.joined().utf8))
        throw ExitStatus.dataError
      }
      try withLedgerErrors {
        try ledger.open().openCampaign(
          survey: survey, year: year, directory: respondents,
          directoryName: (directory as NSString).lastPathComponent, directoryBytes: [UInt8](bytes),
          at: date?.date ?? Date())
      }
      print(
        "Campagne \(survey.frenchName) \(year) ouverte : "
          + FrenchFormat.plural(respondents.count, "service attendu", "services attendus") + ".")
    }
  }

  /// `enquete campaign close SURVEY YEAR`.
  struct Close: ParsableCommand {
    static let configuration = CommandConfiguration(abstract: "Close a campaign: no file enters it any more.")

    @OptionGroup var campaign: CampaignArguments

    @Option(help: "Date to record as the closing (ISO 8601; default: now).")
    var date: DateArgument?

    @OptionGroup var ledger: LedgerOptions

    func run() throws {
      let (survey, year) = (campaign.survey, campaign.year)
      try withLedgerErrors {
        try ledger.open().closeCampaign(survey: survey, year: year, at: date?.date ?? Date())
      }
      print("Campagne \(survey.frenchName) \(year) close.")
    }
  }

  /// `enquete campaign list`.
  struct List: ParsableCommand {
    static let configuration = CommandConfiguration(
      abstract: "List the campaigns with their response counts.")

    @Option(help: "text or json.")
    var format: OutputFormat = .text

    @OptionGroup var ledger: LedgerOptions

    func run() throws {
      let campaigns = try ledger.open().campaigns()
      if format == .json {
        print(CampaignListOutput.json(campaigns), terminator: "")
      } else {
        print(CampaignListOutput.text(campaigns), terminator: "")
      }
    }
  }
}
