import EnqueteCore
import EnqueteIntake
import EnqueteLedger
import EnquetePipeline
import Foundation

/// Paths, temporary ledgers and child processes shared by the ledger's tests.
enum LedgerFixtures {
  static let root = URL(fileURLWithPath: #filePath)
    .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
  static let samples = root.appendingPathComponent("SampleSubmissions")
  /// A fixed reception date, for deterministic rows.
  static let date = Date(timeIntervalSince1970: 1_741_000_000)

  /// A new empty folder under the system's temporary folder.
  static func temporaryFolder(_ label: String) -> URL {
    let url = URL(fileURLWithPath: NSTemporaryDirectory())
      .appendingPathComponent("enquete-ledger-\(label)-\(UUID().uuidString.prefix(8))")
    try! FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
    return url
  }

  /// A fresh ledger in its own folder.
  static func ledger(_ label: String) throws -> (Ledger, URL) {
    let folder = temporaryFolder(label)
    return (try Ledger(path: folder.appendingPathComponent("ledger.sqlite").path), folder)
  }

  /// The sample directory of expected respondents of a campaign.
  static func directoryPath(_ survey: SurveyID, _ year: Int) -> String {
    samples.appendingPathComponent("annuaires/\(survey.rawValue)-\(year).csv").path
  }

  /// Opens a campaign with its sample directory.
  static func openCampaign(_ ledger: Ledger, _ survey: SurveyID, _ year: Int) throws {
    let bytes = [UInt8](FileManager.default.contents(atPath: directoryPath(survey, year))!)
    let directory = try DirectoryFile.read(bytes: bytes, name: "annuaire.csv", survey: survey)
    try ledger.openCampaign(
      survey: survey, year: year, directory: directory, directoryName: "annuaire.csv", directoryBytes: bytes,
      at: date)
  }

  /// The built `enquete` executable, next to the test bundle in the build folder.
  static var enqueteExecutable: URL {
    let beside = URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent()
      .appendingPathComponent("enquete")
    if FileManager.default.isExecutableFile(atPath: beside.path) { return beside }
    return root.appendingPathComponent(".build/debug/enquete")
  }

  /// Starts `enquete` with `arguments`, its output to files in `folder`.
  static func start(_ arguments: [String], in folder: URL, label: String) throws -> Process {
    let process = Process()
    process.executableURL = enqueteExecutable
    process.arguments = arguments
    process.currentDirectoryURL = folder
    FileManager.default.createFile(atPath: folder.appendingPathComponent("\(label).out").path, contents: nil)
    FileManager.default.createFile(atPath: folder.appendingPathComponent("\(label).err").path, contents: nil)
    process.standardOutput = try FileHandle(forWritingTo: folder.appendingPathComponent("\(label).out"))
    process.standardError = try FileHandle(forWritingTo: folder.appendingPathComponent("\(label).err"))
    try process.run()
    return process
  }

  /// Runs `enquete` to its end; returns its exit status.
  static func run(_ arguments: [String], in folder: URL, label: String) throws -> Int32 {
    let process = try start(arguments, in: folder, label: label)
    process.waitUntilExit()
    return process.terminationStatus
  }

  /// What a finished run printed on stderr.
  static func stderr(_ label: String, in folder: URL) -> String {
    (try? String(contentsOf: folder.appendingPathComponent("\(label).err"), encoding: .utf8)) ?? ""
  }

  /// The sample submission files of a survey (all years), as `ingest` would walk them.
  static func sampleFiles(_ survey: SurveyID) -> [String] {
    Intake.files(in: [samples.appendingPathComponent(survey.rawValue).path])
  }
}
