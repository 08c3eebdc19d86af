import ArgumentParser
import EnqueteCore
import EnqueteLedger
import EnquetePipeline
import EnqueteProtect
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

  @Flag(
    name: .customLong("comparer-connaissances"),
    help:
      "Also protect against a reader who knows only the equations (the model before the rules, minima and indicators), and report what that pattern leaves exposed."
  )
  var compareKnowledge = false

  @Option(
    name: .customLong("tau-argus"),
    help: """
      Also write every table in τ-Argus's tabular form (one folder per table and hierarchy) into \
      this private folder, outside --sortie: it holds the unprotected values.
      """)
  var tauArgus: String?

  @Option(name: .customLong("tau-methode"), help: "τ-Argus SUPPRESS method written into each batch.arb.")
  var tauMethode: String = "MOD(1,5,1,1,1)"

  @Option(
    name: .customLong("motifs-tau-argus"),
    help:
      "Audit τ-Argus's patterns (out.csv in each table's folder of this directory) over the whole publication."
  )
  var tauPatterns: String?

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
          date: publication.recordedDate, republication: publication.republication,
          compareHierarchies: compareHierarchies,
          compareKnowledge: compareKnowledge, logger: CLILogger.make("enquete.publish"))
      }
      for warning in outcome.warnings {
        FileHandle.standardError.write(Data("enquete: avertissement : \(warning)\n".utf8))
      }
      written = outcome.folder
      if let tauArgus { try writeTauArgus(outcome.publication, into: tauArgus, published: folder) }
      if let tauPatterns { try auditTauArgus(outcome.publication, from: tauPatterns) }
    } catch let error as PublicationError {
      FileHandle.standardError.write(Data("enquete: erreur : \(error)\n".utf8))
      throw error.exitStatus
    }
    print(written.summary, terminator: "")
    if !written.auditPasses { throw ExitStatus.checkFailed }
  }

  /// Writes the τ-Argus files of every table, refusing a folder inside the published one.
  private func writeTauArgus(_ publication: Publication, into directory: String, published: String) throws {
    let target = URL(fileURLWithPath: directory).standardizedFileURL
    guard !(target.path + "/").hasPrefix(URL(fileURLWithPath: published).standardizedFileURL.path + "/")
    else {
      FileHandle.standardError.write(
        Data(
          "enquete: erreur : --tau-argus doit être hors du dossier publié (les valeurs y sont en clair)\n"
            .utf8))
      throw ExitStatus.usage
    }
    let files = PublicationTauArgus.files(
      publication.tauArgusTables, directory: target.path, method: tauMethode)
    for (path, text) in files {
      let url = target.appendingPathComponent(path)
      try FileManager.default.createDirectory(
        at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
      try Data(text.utf8).write(to: url)
    }
    print(
      "τ-Argus : \(Set(files.keys.map { $0.split(separator: "/")[0] }).count) tableaux écrits dans \(target.path)"
    )
  }

  /// Audits τ-Argus's patterns found under `directory` over the whole publication, and says so.
  private func auditTauArgus(_ publication: Publication, from directory: String) throws {
    var outputs: [String: String] = [:]
    let tables = publication.tauArgusTables
    for table in tables {
      let path = URL(fileURLWithPath: directory).appendingPathComponent(table.folder).appendingPathComponent(
        "out.csv")
      if let text = try? String(contentsOf: path, encoding: .utf8) { outputs[table.folder] = text }
    }
    let hidden = try PublicationTauArgus.suppressedCells(tables, outputs: outputs)
    let audit = try PublicationTauArgus.audit(
      tables, hidden: hidden, linked: publication.linked, protections: publication.protections,
      settings: publication.settings)
    var out = "Motifs τ-Argus : \(outputs.count) tableaux lus, \(audit.secondaries) cellules masquées "
    out += "en plus des \(audit.primaries) cellules en secret primaire d'enquete\n"
    out += "  primaires qu'ils publient : \(audit.primariesPublished.count)\n"
    out += "  primaires masquées mais insuffisamment protégées (audit d'enquete) : \(audit.failures.count)\n"
    for id in (audit.primariesPublished + audit.failures).prefix(20) { out += "    \(id)\n" }
    print(out, terminator: "")
  }
}
