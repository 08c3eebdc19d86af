import EnqueteCore
import EnqueteIntake
import Foundation
import Testing

/// The XML fast path reads values as bytes, never building the report: on mutated copies of XML
/// samples it must still accept, silently, only what the full validator accepts without a remark.
@Suite struct XMLFastPathAgreementTests {
  static let tricky = [
    "", " 12", "12 ", "1 234", "12,5", "12.5", "-1", "1e3", "Oui", "non", "2A", "2a", "01", "29/02/2024",
    "2024-02-30", "00000000000000", "abc", "é", "caf ", "99999999", "M-1", "true", "0",
  ]

  @Test func mutatedValuesGetTheSameVerdictOnBothPaths() throws {
    let folder = FileManager.default.temporaryDirectory.appendingPathComponent(
      "enquete-xml-fast-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: folder) }
    let sources = ["mediation-familiale/2025", "espace-rencontre/2024"].flatMap { survey in
      Intake.files(in: [IntakeSamples.root.appendingPathComponent(survey).path])
        .filter { $0.hasSuffix(".xml") }.prefix(2)
    }
    var variants = 0
    for source in sources {
      let text = try String(contentsOfFile: source, encoding: .utf8)
      // Element texts and attribute values, each replaced in turn by a tricky value.
      let places = text.matches(of: /(>)([^<>\n]*)(<\/)|(=")([^"]*)(")/).prefix(60)
      for (index, place) in places.enumerated() {
        let value = Self.tricky[index % Self.tricky.count]
        let whole = place.range
        let replacement = place.output.1 != nil ? ">\(value)</" : "=\"\(value)\""
        var mutated = text
        mutated.replaceSubrange(whole, with: replacement)
        let path = folder.appendingPathComponent("v\(variants).xml").path
        try mutated.write(toFile: path, atomically: true, encoding: .utf8)
        variants += 1
        let year = source.contains("/2025/") ? 2025 : 2024
        let (fast, full) = FastPathAgreementTests.bothPaths(path, year: year)
        #expect(fast == full, "\(source) #\(index) → \(value)")
      }
    }
    #expect(variants > 100)
  }
}
