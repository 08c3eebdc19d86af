import EnqueteCore
import EnquetePipeline
import Foundation

/// How `validate` and `ingest` show what validation said: diagnostics on stderr as
/// `fichier:ligne:col: erreur: … [code]` (summaries and totals: `VerdictText`, on stdout).
enum VerdictOutput {
  /// Writes the verdict's diagnostics to stderr (notes only when `verbose`).
  static func printDiagnostics(_ verdict: FileVerdict, verbose: Bool) {
    printDiagnostics(verdict.allDiagnostics, verbose: verbose)
  }

  /// Writes diagnostics to stderr (notes only when `verbose`).
  static func printDiagnostics(_ diagnostics: [Diagnostic], verbose: Bool) {
    var lines = ""
    for diagnostic in diagnostics where verbose || diagnostic.severity != .note {
      lines += diagnostic.line + "\n"
    }
    if !lines.isEmpty { FileHandle.standardError.write(Data(lines.utf8)) }
  }

  /// Reports a path that does not exist.
  static func printNotFound(_ path: String) {
    FileHandle.standardError.write(Data("\(path): erreur: fichier introuvable [file.not-found]\n".utf8))
  }
}
