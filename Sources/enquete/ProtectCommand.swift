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
      Reads inner cells as region,dep,cat[,cat2],n and a τ-Argus hierarchy file, builds every \
      marginal total, marks cells with 1 to seuil−1 contributors as primary, hides complementary \
      cells, and proves by linear programming that each primary stays protected. With --motif, \
      audits the pattern of a τ-Argus out.csv (x = suppressed) instead. Exit 1 if the audit fails.
      """
  )

  @Argument(help: "Inner cells: region,dep,cat[,cat2],n.")
  var cells: String

  @Option(help: "The τ-Argus hierarchy file of the départements (.hrc).")
  var hrc: String

  @Option(
    name: .customLong("hrc-autre"),
    help: "Another hierarchy of the same départements that does not nest in the first (cours d'appel).")
  var otherHierarchies: [String] = []

  @Option(help: "Frequency threshold: a cell with 1 to seuil−1 contributors is primary.")
  var seuil: Int = 3

  @Option(help: "Audit this τ-Argus out.csv pattern instead of computing one.")
  var motif: String?

  @Flag(name: .customLong("sans-elagage"), help: "Keep every secondary found (faster on large tables).")
  var withoutPruning = false

  @Option(help: "heuristique (default) or optimale (MILP, for small tables).")
  var methode: String = "heuristique"

  @Option(name: .customLong("placement"), help: "Heuristic's first pattern: hypercubes (default) or lp.")
  var placement: String = "hypercubes"

  @Option(name: .customLong("temps-max"), help: "Time limit of the optimal method, in seconds.")
  var tempsMax: Double = 60

  @Option(
    name: .customLong("tau-argus"),
    help:
      "Also write the table as τ-Argus inputs (micro.asc, micro.rda, .hrc, batch.arb) into this directory.")
  var tauArgus: String?

  @Option(name: .customLong("tau-methode"), help: "τ-Argus SUPPRESS method written into batch.arb.")
  var tauMethode: String = "MOD(1,5,1,1,1)"

  @Option(help: "text or json.")
  var format: OutputFormat = .text

  func validate() throws {
    guard seuil >= 1 else { throw ValidationError("--seuil doit être au moins 1") }
    guard ["heuristique", "optimale"].contains(methode) else {
      throw ValidationError("--methode : heuristique ou optimale")
    }
    guard ["hypercubes", "lp"].contains(placement) else {
      throw ValidationError("--placement : hypercubes ou lp")
    }
    guard tempsMax > 0 else { throw ValidationError("--temps-max doit être positif") }
  }

  func run() throws {
    func read(_ path: String) throws -> String {
      do { return try String(contentsOfFile: path, encoding: .utf8) } catch {
        FileHandle.standardError.write(Data("\(path): erreur: lecture impossible [protect.read]\n".utf8))
        throw ExitCode(66)
      }
    }
    let settings = SecrecySettings(frequencyThreshold: seuil)
    let protection: TableProtection
    let method: TableProtection.Method =
      methode == "optimale"
      ? .optimal(timeLimit: tempsMax) : .heuristic(placement == "lp" ? .linearProgram : .hypercubes)
    do {
      if let tauArgus {
        try FileManager.default.createDirectory(atPath: tauArgus, withIntermediateDirectories: true)
        let directory = URL(fileURLWithPath: tauArgus).standardizedFileURL.path
        let files = try TableProtection.tauArgusFiles(
          cells: read(cells), hierarchy: read(hrc), directory: directory, threshold: seuil, method: tauMethode
        )
        for (name, text) in files {
          try Data(text.utf8).write(to: URL(fileURLWithPath: directory).appendingPathComponent(name))
        }
      }
      protection = try TableProtection.run(
        cells: read(cells), hierarchy: read(hrc), pattern: motif.map(read), settings: settings,
        prunes: !withoutPruning, method: method, otherHierarchies: otherHierarchies.map(read))
    } catch let error as ExitCode {
      throw error
    } catch {
      FileHandle.standardError.write(Data("\(cells): erreur: \(error) [protect.invalid]\n".utf8))
      throw ExitCode(65)
    }
    print(
      format == .json ? ProtectionReport.json(protection) : ProtectionReport.text(protection), terminator: "")
    if !protection.audit.passes { throw ExitCode(1) }
  }
}
