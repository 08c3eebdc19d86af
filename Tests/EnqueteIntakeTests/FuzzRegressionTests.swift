import EnqueteFuzzing
import Foundation
import Testing

/// Every input the fuzzers ever crashed on, replayed through both entry points, plus hostile shapes
/// written by hand: none may crash or hang.
@Suite struct FuzzRegressionTests {
  static let folder = URL(fileURLWithPath: #filePath)
    .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    .appendingPathComponent("Fuzz/regressions")

  static let handWritten: [[UInt8]] = [
    [], [0xEF, 0xBB, 0xBF], [0xFF, 0xFE], [0xFF, 0xFE, 0x41], [0xFE, 0xFF, 0xD8, 0x00],
    Array("\"".utf8), Array("a;b\n\"".utf8), Array(String(repeating: ";", count: 5000).utf8),
    Array("annee;siret\n2025;\u{0}\u{0}\n".utf8), Array(String(repeating: "\r", count: 1000).utf8),
    Array(
      "<?xml version=\"1.0\"?><rapports xmlns=\"urn:enquete:espace-rencontre:v1\"><rapport><mesures><mesure/></mesures></rapport></rapports>"
        .utf8),
    Array("<rapports xmlns=\"urn:enquete:mediation-familiale:v1\"><rapport><annee>2025".utf8),
    Array(
      ("<rapports xmlns=\"urn:enquete:mediation-familiale:v1\">" + String(repeating: "<rapport>", count: 300))
        .utf8),
    Array("<!-- -- --><?pi?><rapports xmlns='urn:enquete:mediation-familiale:v1'/>".utf8),
  ]

  @Test func handWrittenHostileInputsNeitherCrashNorHang() {
    for input in Self.handWritten {
      FuzzEntryPoints.csv(input)
      FuzzEntryPoints.xml(input)
    }
  }

  @Test func everyRecordedCrashIsFixed() throws {
    let files = (try? FileManager.default.contentsOfDirectory(atPath: Self.folder.path)) ?? []
    for name in files where !name.hasSuffix(".md") {
      let bytes = Array(try Data(contentsOf: Self.folder.appendingPathComponent(name)))
      FuzzEntryPoints.csv(bytes)
      FuzzEntryPoints.xml(bytes)
    }
  }
}
