import EnqueteCore
import EnquetePipeline
import EnqueteRender
import Foundation

/// How `validate` and `ingest` show what validation said: diagnostics on stderr as
/// `fichier:ligne:col: erreur: … [code]` (summaries and totals: `VerdictText`, on stdout).
enum VerdictOutput {
  /// Writes the verdict's diagnostics to stderr (notes only when `verbose`), after any remarks
  /// still buffered.
  static func printDiagnostics(_ verdict: FileVerdict, verbose: Bool) {
    printDiagnostics(verdict.allDiagnostics, verbose: verbose)
  }

  /// Writes diagnostics to stderr (notes only when `verbose`), after any remarks still buffered.
  static func printDiagnostics(_ diagnostics: [Diagnostic], verbose: Bool) {
    printRemarks(diagnostics, verbose: verbose)
    flush()
  }

  /// Buffers diagnostics for stderr (notes only when `verbose`), written by pieces of 64 KiB:
  /// for the reports a large file has remarks on, handed out one by one as they are read (one
  /// write each cost a system call per report). Call `flush` before anything else is printed.
  static func printRemarks(_ diagnostics: [Diagnostic], verbose: Bool) {
    var lines = ""
    for diagnostic in diagnostics where verbose || diagnostic.severity != .note {
      lines += diagnostic.line + "\n"
    }
    if !lines.isEmpty { standardError.append(lines) }
  }

  /// Writes what `printRemarks` buffered.
  static func flush() { standardError.flush() }

  private static let standardError = BufferedStandardError()
  /// Reports a path that does not exist.
  static func printNotFound(_ path: String) {
    flush()
    FileHandle.standardError.write(Data("\(path): erreur: fichier introuvable [file.not-found]\n".utf8))
  }
}
