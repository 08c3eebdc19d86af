import ArgumentParser
import EnqueteCore
import EnqueteLedger
import EnquetePipeline
import Foundation

/// `enquete publish SURVEY YEAR`: aggregation → protection → audit, and the published folder.
struct PublishCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "publish",
    abstract: "Aggregate a campaign, protect it (statistical secrecy) and write the published tables.",
    discussion: """
      Reads the campaign's current accepted reports from the ledger, aggregates them over the \
      publication plan (France, régions, cours d'appel, départements, services), hides the cells \
      the secrecy rules protect and the complementary cells that keep them protected over every \
      linked table at once, and proves it by linear programming. Writes tableaux.csv (one row per \
      cell), tableaux.schema.json, structure.json and audit.json into --sortie, and the private \
      audit (values, information loss) into --prive, which must lie outside the published folder. \
      Exit 1 if the audit fails.
      """
  )

  @OptionGroup var campaign: CampaignArguments

  @Flag(
    name: .customLong("comparer-hierarchies"),
    help: "Also protect régions alone and cours d'appel alone, and report what the joint protection changes.")
  var compareHierarchies = false

  @OptionGroup var publication: PublicationOptions

  @OptionGroup var ledger: LedgerOptions

  func run() throws {
    let survey = campaign.survey
    let folder = publication.folder(survey, campaign.year)
    let privatePath = publication.privatePath(survey, campaign.year)
    let store = try withLedgerErrors { try ledger.open() }
    let written: PublishedFolder
    do {
      let outcome = try withLedgerErrors {
        try CampaignPublisher.publish(
          ledger: store, survey: survey, year: campaign.year, folder: folder, privateAudit: privatePath,
          date: publication.recordedDate, compareHierarchies: compareHierarchies,
          logger: CLILogger.make("enquete.publish"))
      }
      for warning in outcome.warnings {
        FileHandle.standardError.write(Data("enquete: avertissement : \(warning)\n".utf8))
      }
      written = outcome.folder
    } catch let error as PublicationError {
      FileHandle.standardError.write(Data("enquete: erreur : \(error)\n".utf8))
      throw ExitCode(64)
    }
    print(written.summary, terminator: "")
    if !written.auditPasses { throw ExitCode(1) }
  }
}
