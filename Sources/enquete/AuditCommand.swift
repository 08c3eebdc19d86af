import ArgumentParser
import EnquetePipeline
import EnqueteProtect
import Foundation

/// `enquete audit DIR`: re-runs the secrecy audit of a published folder from its files alone.
struct AuditCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "audit",
    abstract: "Audit a published folder: no hidden cell may be recomputed from the published files.",
    discussion: """
      Rebuilds every linked system from structure.json and the values of tableaux.csv, computes by \
      linear programming the interval each hidden cell can still take, and checks it against \
      audit.json. With --prive, also checks each primary cell's required protection against its \
      true value. Exit 0 when the folder passes, 1 when a hidden cell is exposed or a file disagrees.
      """
  )

  @Argument(help: "The published folder (tableaux.csv, structure.json, audit.json).")
  var directory: String

  @Option(name: .customLong("prive"), help: "The private audit (audit-prive.json) for the full check.")
  var privateAudit: String?

  func run() throws {
    let audit: PublishedFolderAudit
    do {
      audit = try PublishedFolderAudit.run(directory: directory, privateAudit: privateAudit)
    } catch {
      FileHandle.standardError.write(Data("\(directory): erreur : \(error) [audit.illisible]\n".utf8))
      throw ExitStatus.dataError
    }
    for problem in audit.problems {
      FileHandle.standardError.write(Data("\(directory): erreur : \(problem) [audit.expose]\n".utf8))
    }
    let verdict = audit.passes ? "réussi" : "échec"
    print(
      "\(directory) : audit \(verdict) — \(audit.cellCount) cellules, \(audit.hiddenCount) secrètes "
        + "recalculées, \(audit.extractCount) extraits départementaux vérifiés\(privateAudit == nil ? "" : ", protection requise vérifiée avec l'audit privé")"
    )
    if !audit.passes { throw ExitStatus.checkFailed }
  }
}
