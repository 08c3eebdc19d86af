import EnqueteCore
import EnqueteIntake
import Foundation
import Testing

/// A file that holds no report is refused with a message a service can act on: it must never
/// read as « 0 rapport accepté ».
@Suite struct EmptyFileTests {
  static func header(of survey: String) throws -> [UInt8] {
    let folder = IntakeSamples.root.appendingPathComponent("\(survey)/2025")
    let csv = try #require(
      try FileManager.default.contentsOfDirectory(atPath: folder.path).sorted()
        .first { $0.hasSuffix(".csv") && !$0.hasSuffix("-mesures.csv") })
    let bytes = [UInt8](try Data(contentsOf: folder.appendingPathComponent(csv)))
    let end = try #require(bytes.firstIndex(of: UInt8(ascii: "\n")))
    return Array(bytes[...end])
  }

  @Test(arguments: ["mediation-familiale", "espace-rencontre"])
  func aHeaderWithoutRowsIsRefused(survey: String) throws {
    let file = SubmittedFile(name: "vide.csv", bytes: try Self.header(of: survey))
    for keeping in [Intake.Keeping.remarks, .reports] {
      let verdict = Intake(campaignYear: 2025).check(file, keeping: keeping).verdict
      #expect(!verdict.isValid)
      #expect(!verdict.isReadable)
      #expect(verdict.reportCount == 0)
      #expect(verdict.diagnostics.contains { $0.code == "file.no-report" && $0.severity == .error })
    }
  }

  @Test func aFileWithNoByteIsRefusedToo() {
    for name in ["vide.csv", "vide.xml"] {
      let verdict = Intake(campaignYear: 2025).check(SubmittedFile(name: name, bytes: [])).verdict
      #expect(!verdict.isReadable)
      #expect(verdict.diagnostics.contains { $0.code == "file.empty" })
    }
  }
}
