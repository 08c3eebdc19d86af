import ArgumentParser
import EnqueteCore
import EnquetePipeline
import Foundation

/// Output formats of reporting commands.
enum OutputFormat: String, ExpressibleByArgument, CaseIterable {
  case text, json
}

/// `enquete validate`: reads submissions and says, file by file and report by report, what is
/// accepted and what must be fixed. Stores nothing.
struct ValidateCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "validate",
    abstract: "Check submission files (XML, CSV) and say what each service must fix; stores nothing.",
    discussion: """
      Diagnostics go to stderr as `fichier:ligne:col: erreur: … [code]`, one summary line per file to \
      stdout (or JSON with --format json). Exit status 0 when everything is valid, 65 when anything is not.
      """
  )

  @Argument(help: "Files or folders (folders are searched for .xml and .csv files).")
  var paths: [String]

  @Option(
    name: .customLong("annee"), help: "Campaign year (default: a folder named after a year in the path).")
  var year: Int?

  @Option(help: "text or json.")
  var format: OutputFormat = .text

  @Flag(help: "Also show notes (what was detected: encoding, delimiter…).")
  var verbose = false

  func run() throws {
    let checker = SubmissionChecker(campaignYear: year)
    var verdicts: [FileVerdict] = []
    var missing = false
    for path in SubmissionChecker.files(in: paths) {
      guard FileManager.default.fileExists(atPath: path) else {
        FileHandle.standardError.write(Data("\(path): erreur: fichier introuvable [file.not-found]\n".utf8))
        missing = true
        continue
      }
      if format == .json {
        verdicts.append(checker.check(path: path))
        continue
      }
      // Text: reports with remarks are printed as they are read, not kept (flat memory).
      let verdict = checker.check(path: path, onRemarks: { self.write($0.diagnostics) })
      report(verdict)
      verdicts.append(verdict.withoutReports())
    }
    if format == .json {
      print(VerdictJSON.render(verdicts), terminator: "")
    } else if verdicts.count > 1 {
      let refusedFiles = verdicts.count { !$0.isReadable }
      print(
        "Total : \(plural(verdicts.count, "fichier", "fichiers")) (\(refusedFiles) refusé\(refusedFiles > 1 ? "s" : "") en entier), "
          + "\(plural(verdicts.map(\.acceptedCount).reduce(0, +), "rapport accepté", "rapports acceptés")), "
          + "\(plural(verdicts.map(\.rejectedCount).reduce(0, +), "refusé", "refusés")), "
          + plural(verdicts.map(\.warningCount).reduce(0, +), "avertissement", "avertissements"))
    }
    if verdicts.contains(where: { !$0.isValid }) { throw ExitCode(65) }
    if missing { throw ExitCode(1) }
  }

  private func write(_ diagnostics: [Diagnostic]) {
    var lines = ""
    for diagnostic in diagnostics where verbose || diagnostic.severity != .note {
      lines += diagnostic.line + "\n"
    }
    if !lines.isEmpty { FileHandle.standardError.write(Data(lines.utf8)) }
  }

  private func report(_ verdict: FileVerdict) {
    write(verdict.allDiagnostics)
    let summary: String
    if !verdict.isReadable {
      summary = "fichier refusé en entier"
    } else {
      summary =
        "\(plural(verdict.acceptedCount, "rapport accepté", "rapports acceptés")), "
        + "\(plural(verdict.rejectedCount, "refusé", "refusés")), "
        + plural(verdict.warningCount, "avertissement", "avertissements")
    }
    print("\(verdict.file) : \(summary)")
  }

  private func plural(_ count: Int, _ one: String, _ many: String) -> String {
    "\(count) \(count > 1 ? many : one)"
  }
}
