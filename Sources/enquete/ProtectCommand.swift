import ArgumentParser
import EnqueteCore
import EnquetePipeline
import EnqueteProtect
import Foundation

/// `enquete protect CELLS.csv --hrc dep.hrc`: primary and secondary suppression, then the LP audit.
struct ProtectCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "protect",
    abstract: "Protect a table (statistical secrecy) and audit the pattern by linear programming.",
    discussion: """
      Reads inner cells as region,dep,cat[,cat2],n and a τ-Argus hierarchy file, or a τ-Argus \
      tabular table (its .rda metadata, the .tab beside it: magnitudes with their number of \
      contributors and largest contributions, hierarchies from the .hrc files it names), builds \
      every marginal total, marks primary cells (frequency, dominance, p%), hides complementary \
      cells, and proves by linear programming that each primary stays protected. With --motif, \
      audits the pattern of a τ-Argus out.csv (x = suppressed) instead. Exit 1 if the audit fails.
      """
  )

  @Argument(help: "Inner cells (region,dep,cat[,cat2],n), or a τ-Argus tabular table's metadata (.rda).")
  var cells: String

  @Option(help: "The τ-Argus hierarchy file of the départements (.hrc), for a cells file.")
  var hrc: String?

  @Option(help: "The τ-Argus table data (.tab) of an .rda (default: the .rda's name with .tab).")
  var tab: String?

  @Option(help: "The response variable of an .rda that has several numeric ones.")
  var reponse: String?

  @Option(
    help: "Dominance rule n,k (a cell whose n largest contributions exceed k % is primary), or « non ».")
  var dominance: DominanceOption = DominanceOption(argument: "1,85")!

  @Option(name: .customLong("p-pourcent"), help: "p% rule (off by default).")
  var pPourcent: Double?

  @Option(help: "Required protection of every primary, in % of its value.")
  var protection: Double = 10

  @Option(
    name: .customLong("hrc-autre"),
    help: "Another hierarchy of the same départements that does not nest in the first (cours d'appel).")
  var otherHierarchies: [String] = []

  @Option(help: "Frequency threshold: a cell with 1 to seuil−1 contributors is primary.")
  var seuil: Int = 3

  @Option(help: "Audit this τ-Argus out.csv pattern instead of computing one.")
  var motif: String?

  @Flag(
    name: .customLong("completer"),
    help:
      "With --motif: hide more cells until enquete's audit passes (none removed), to compare at equal protection."
  )
  var completesPattern = false

  @Flag(name: .customLong("sans-elagage"), help: "Keep every secondary found (faster on large tables).")
  var withoutPruning = false

  @Option(help: "heuristique (default) or optimale (MILP, for small tables).")
  var methode: MethodOption = .heuristique

  @Option(
    name: .customLong("placement"),
    help:
      "Heuristic's first pattern: coupes (integer program with the audit's cuts, the default; tables over 30 000 cells fall back to hypercubes), hypercubes or lp."
  )
  var placement: PlacementOption = .coupes

  @Option(
    help:
      "What hiding a cell costs: valeur (its value, the default), unite (the fewest cells, then the least value), frequence (its contributors)."
  )
  var cout: CostFunction = .value

  @Option(name: .customLong("temps-max"), help: "Time limit of the optimal method, in seconds.")
  var tempsMax: Double = 60

  @Option(
    name: .customLong("tau-argus"),
    help:
      "Also write the table as τ-Argus inputs into this directory (micro.asc, micro.rda for cells; table.tab, table.rda for an .rda; .hrc, batch.arb)."
  )
  var tauArgus: String?

  @Option(name: .customLong("tau-methode"), help: "τ-Argus SUPPRESS method written into batch.arb.")
  var tauMethode: String = "MOD(1,5,1,1,1)"

  @Option(help: "text or json.")
  var format: OutputFormat = .text

  @Option(
    name: .customLong("motif-sortie"),
    help: "Also write the pattern to this CSV file: cellule,statut per cell (τ-Argus letters, no value).")
  var patternOutput: String?

  func validate() throws {
    guard seuil >= 1 else { throw ValidationError("--seuil doit être au moins 1") }
    guard tempsMax > 0 else { throw ValidationError("--temps-max doit être positif") }
    guard !completesPattern || motif != nil else { throw ValidationError("--completer va avec --motif") }
    guard isTabular || hrc != nil else {
      throw ValidationError("--hrc est requis pour un fichier de cellules")
    }
    guard !isTabular || otherHierarchies.isEmpty else {
      throw ValidationError("--hrc-autre : seulement pour un fichier de cellules")
    }
    guard protection >= 0, pPourcent.map({ $0 > 0 }) ?? true else {
      throw ValidationError("--protection et --p-pourcent doivent être positifs")
    }
  }

  /// Whether the table is given in τ-Argus's tabular form.
  private var isTabular: Bool { cells.lowercased().hasSuffix(".rda") }

  func run() throws {
    let settings = SecrecySettings(
      frequencyThreshold: seuil, dominance: dominance.rule, protectionRatio: protection / 100,
      pPercent: pPourcent)
    let result = try protecting {
      if isTabular { return try protectTabular(settings: settings) }
      let hrc = hrc!
      try writeTauArgus { directory in
        try TableProtection.tauArgusFiles(
          cells: read(cells), hierarchy: read(hrc), directory: directory, threshold: seuil,
          method: tauMethode,
          cost: cout)
      }
      return try TableProtection.run(
        cells: read(cells), hierarchy: read(hrc), pattern: motif.map(read),
        completesPattern: completesPattern,
        settings: settings, prunes: !withoutPruning, method: method,
        otherHierarchies: otherHierarchies.map(read), cost: cout,
        logger: CLILogger.make("enquete.protect"))
    }
    if let patternOutput {
      let lines = zip(result.table.cells, result.statuses).map { "\($0.id),\($1.rawValue)\n" }
      guard
        FileManager.default.createFile(
          atPath: patternOutput, contents: Data(("cellule,statut\n" + lines.joined()).utf8))
      else {
        FileHandle.standardError.write(
          Data("\(patternOutput): erreur: écriture impossible [protect.sortie]\n".utf8))
        throw ExitStatus.cannotCreate
      }
    }
    print(format == .json ? ProtectionOutput.json(result) : ProtectionOutput.text(result), terminator: "")
    if !result.audit.passes { throw ExitStatus.checkFailed }
  }

  /// A τ-Argus tabular table: read (its `.hrc` files beside the `.rda` unless absolute), written
  /// back for τ-Argus with enquete's rules when asked, protected (or τ-Argus's pattern audited).
  private func protectTabular(settings: SecrecySettings) throws -> TableProtection {
    let folder = URL(fileURLWithPath: cells).deletingLastPathComponent()
    let dataPath = tab ?? (cells.dropLast(4) + (cells.hasSuffix(".RDA") ? ".TAB" : ".tab"))
    let tabular = try TauArgusTabular(metadata: read(cells), data: read(dataPath), response: reponse) {
      path in
      try read(path.hasPrefix("/") ? path : folder.appendingPathComponent(path).path)
    }
    try writeTauArgus { directory in
      TauArgusTabular.files(
        tabular.table, names: tabular.names, response: tabular.response, directory: directory,
        settings: settings, method: tauMethode, cost: cout
      ).contents
    }
    return try TableProtection.run(
      table: tabular.table, pattern: motif.map(read), completesPattern: completesPattern, settings: settings,
      prunes: !withoutPruning, method: method, cost: cout, logger: CLILogger.make("enquete.protect"))
  }

  /// How the pattern is computed.
  private var method: TableProtection.Method {
    switch methode {
    case .optimale: .optimal(timeLimit: tempsMax)
    case .heuristique: .heuristic(placement.placement)
    }
  }

  /// The text of `path`, in UTF-8 or else Windows-1252 (τ-Argus's files often are); a file that
  /// cannot be read is exit 66 with its French message.
  private func read(_ path: String) throws -> String {
    guard let data = FileManager.default.contents(atPath: path) else {
      FileHandle.standardError.write(Data("\(path): erreur: lecture impossible [protect.read]\n".utf8))
      throw ExitStatus.noInput
    }
    if let text = String(data: data, encoding: .utf8) ?? String(data: data, encoding: .windowsCP1252) {
      return text
    }
    FileHandle.standardError.write(
      Data(
        "\(path): erreur: ni UTF-8 ni Windows-1252 : enregistrez le fichier en UTF-8 [protect.encoding]\n"
          .utf8))
    throw ExitStatus.dataError
  }

  /// Writes the τ-Argus files `files` gives for the folder of --tau-argus (absolute), when asked.
  private func writeTauArgus(_ files: (String) throws -> [String: String]) throws {
    guard let tauArgus else { return }
    let directory = URL(fileURLWithPath: tauArgus).standardizedFileURL.path
    let written = try files(directory)
    do {
      try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
      for (name, text) in written {
        try Data(text.utf8).write(to: URL(fileURLWithPath: directory).appendingPathComponent(name))
      }
    } catch {
      FileHandle.standardError.write(
        Data("\(tauArgus): erreur: dossier impossible à créer ou à écrire [protect.write]\n".utf8))
      throw ExitStatus.cannotCreate
    }
  }

  /// Runs `body`; a table that cannot be read is exit 65 with its French message.
  private func protecting(_ body: () throws -> TableProtection) throws -> TableProtection {
    do { return try body() } catch let error as ExitCode { throw error } catch {
      FileHandle.standardError.write(Data("\(cells): erreur: \(error) [protect.invalid]\n".utf8))
      throw ExitStatus.dataError
    }
  }
}
