import ArgumentParser
import EnqueteCore
import EnquetePipeline
import EnqueteRender
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
    defer { VerdictOutput.flush() }
    var verdicts: [FileVerdict] = []
    var missing = false
    var present: [String] = []
    for path in Validation.files(in: paths) {
      if FileManager.default.fileExists(atPath: path) {
        present.append(path)
      } else {
        VerdictOutput.printNotFound(path)
        missing = true
      }
    }
    let validation = Validation(campaignYear: year)
    if format == .json {
      validation.check(paths: present) { _, verdict in
        verdicts.append(verdict)
        return true
      }
      print(VerdictJSON.render(verdicts), terminator: "")
    } else {
      // Reports with remarks are printed as they come, not kept (flat memory).
      validation.check(
        paths: present, onRemarks: { VerdictOutput.printRemarks($0.diagnostics, verbose: verbose) }
      ) { _, verdict in
        VerdictOutput.printDiagnostics(verdict, verbose: verbose)
        print("\(verdict.file) : \(VerdictText.summary(verdict))")
        verdicts.append(verdict.withoutReports())
        return true
      }
      if verdicts.count > 1 { print(VerdictText.total(verdicts)) }
    }
    if verdicts.contains(where: { !$0.isValid }) { throw ExitStatus.dataError }
    if missing { throw ExitStatus.checkFailed }
  }
}
