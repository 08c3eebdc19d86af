import ArgumentParser
import EnqueteCore
import EnqueteSample
import Foundation
import Logging

/// `enquete sample`: writes a synthetic national campaign from a seed.
struct SampleCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "sample",
    abstract: "Generate a realistic synthetic campaign (both surveys) from a seed.",
    discussion: """
      The same seed, years and scale give byte-identical files. SampleSubmissions/ is
      `enquete sample --seed \(SampleSettings.committed.seed) --year 2024 --year 2025 --out SampleSubmissions`.
      """
  )

  @Option(help: "Seed of the generator.")
  var seed: UInt64 = SampleSettings.committed.seed

  @Option(name: .customLong("year"), help: "Campaign year; repeat for several years.")
  var years: [Int] = SampleSettings.committed.years

  @Option(help: "Multiplies the number of services (and measures), keeping the proportions.")
  var scale: Int = 1

  @Option(help: "Folder to write; files it already has are replaced.")
  var out: String

  @Flag(name: .customLong("no-invalid"), help: "Do not write the invalid/ files.")
  var noInvalid = false

  func validate() throws {
    guard scale >= 1, scale <= 10_000 else { throw ValidationError("--scale must be between 1 and 10000") }
    guard !years.isEmpty, years.allSatisfy({ (2000...2100).contains($0) }) else {
      throw ValidationError("--year must be between 2000 and 2100")
    }
  }

  func run() throws {
    let settings = SampleSettings(seed: seed, years: years.sorted(), scale: scale, includeInvalid: !noInvalid)
    let logger = Logger(label: "enquete.sample")
    let summary = try SampleWriter(settings: settings, logger: logger).write(to: URL(fileURLWithPath: out))
    print(summary)
  }
}
