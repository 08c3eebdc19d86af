import EnqueteCore
import EnqueteSample
import Foundation
import Testing

@Suite struct InvalidSampleTests {
  struct Entry: Decodable {
    let fichier: String
    let enquete: String
    let code: String
    let ligne: Int
    let fichierMesures: String?
    let verdictXSD: String?
    let verdictTableSchema: String?

    enum CodingKeys: String, CodingKey {
      case fichier, enquete, code, ligne
      case fichierMesures = "fichier_mesures"
      case verdictXSD = "verdict_xsd"
      case verdictTableSchema = "verdict_table_schema"
    }
  }

  static let entries: [Entry] = try! JSONDecoder().decode(
    [Entry].self, from: Data(Committed.files["invalid/defauts-attendus.json"]!))

  @Test func atLeastTwentyNamedDefectsCoveringTheBrief() {
    #expect(Self.entries.count >= 20)
    let names = Set(Self.entries.map(\.fichier))
    #expect(names.count == Self.entries.count)
    let onDisk = Set(Committed.files.keys.filter { $0.hasPrefix("invalid/") }.map { String($0.dropFirst(8)) })
    let listed = names.union(Self.entries.compactMap(\.fichierMesures)).union(["defauts-attendus.json"])
    #expect(onDisk == listed, "every file of invalid/ is in the manifest and the other way round")
    let codes = Set(Self.entries.map(\.code))
    for code in [
      "xml.malformed", "xml.schema", "csv.encoding", "csv.missing-column", "validate.siret-luhn",
      "validate.unknown-departement", "validate.sum-mismatch", "validate.minimum", "validate.wrong-year",
      "file.empty", "xml.forbidden-dtd",
    ] {
      #expect(codes.contains(code), "no invalid sample for \(code)")
    }
  }

  /// xmllint (Debian libxml2-utils) accepts every valid XML sample and refuses every invalid one.
  @Test func xmllintAgreesWithTheXSDs() throws {
    let xmllint = ["/usr/bin/xmllint", "/usr/local/bin/xmllint"].first {
      FileManager.default.isExecutableFile(atPath: $0)
    }
    try #require(xmllint != nil, "xmllint is missing: run scripts/setup (apt-get install libxml2-utils)")
    let xsd = Committed.root.appendingPathComponent("Schemas/v1/xsd")
    for survey in SurveyID.allCases {
      let valid = Committed.files.keys.filter { $0.hasPrefix("\(survey.rawValue)/") && $0.hasSuffix(".xml") }
        .sorted()
      #expect(!valid.isEmpty)
      let status = try run(
        xmllint!,
        ["--noout", "--nonet", "--schema", xsd.appendingPathComponent("\(survey.rawValue).xsd").path]
          + valid.map { Committed.folder.appendingPathComponent($0).path })
      #expect(status == 0, "xmllint refuses a valid \(survey.rawValue) sample")
    }
    for entry in Self.entries where entry.verdictXSD != nil {
      let status = try run(
        xmllint!,
        [
          "--noout", "--nonet", "--schema", xsd.appendingPathComponent("\(entry.enquete).xsd").path,
          Committed.folder.appendingPathComponent("invalid/\(entry.fichier)").path,
        ])
      #expect(status != 0, "xmllint accepts invalid/\(entry.fichier)")
    }
  }

  private func run(_ tool: String, _ arguments: [String]) throws -> Int32 {
    let process = Process()
    process.executableURL = URL(fileURLWithPath: tool)
    process.arguments = arguments
    process.standardOutput = FileHandle.nullDevice
    process.standardError = FileHandle.nullDevice
    try process.run()
    process.waitUntilExit()
    return process.terminationStatus
  }
}
