import EnqueteSample
import Foundation
import Testing

@Suite struct RegenerationTests {
  @Test func committedSeedRegeneratesSampleSubmissionsByteForByte() throws {
    let onDisk = Committed.filesOnDisk()
    #expect(
      onDisk == Committed.files.keys.sorted(),
      "SampleSubmissions/ has files the generator does not write, or lacks some")
    for (path, bytes) in Committed.files {
      let committed = try Data(contentsOf: Committed.folder.appendingPathComponent(path))
      #expect(
        Array(committed) == bytes,
        "SampleSubmissions/\(path) differs: run `\(SampleSettings.committed.commandLine)`")
    }
  }

  @Test func theSameSeedGivesTheSameCampaignAndAnotherSeedAnother() throws {
    let settings = SampleSettings(seed: 7, years: [2024], includeInvalid: false)
    var first: [String: [UInt8]] = [:]
    var second: [String: [UInt8]] = [:]
    try SampleCampaign.generate(settings).forEachFile { first[$0.path] = $0.bytes }
    try SampleCampaign.generate(settings).forEachFile { second[$0.path] = $0.bytes }
    #expect(first == second)
    var other: [String: [UInt8]] = [:]
    try SampleCampaign.generate(SampleSettings(seed: 8, years: [2024], includeInvalid: false)).forEachFile {
      other[$0.path] = $0.bytes
    }
    #expect(first != other)
  }
}
