import EnqueteIntake
import Foundation
import Testing

/// The public csv-spectrum suite: every CSV read as its expected JSON says, whatever the chunk size.
@Suite struct CSVSpectrumTests {
  static let folder = Bundle.module.resourceURL!.appendingPathComponent("Fixtures/csv-spectrum")
  static let cases: [String] = try! FileManager.default
    .contentsOfDirectory(atPath: folder.appendingPathComponent("csvs").path)
    .filter { $0.hasSuffix(".csv") }.map { String($0.dropLast(4)) }.sorted()

  /// Rows as csv-spectrum's JSON gives them: one object per data row, keyed by the header.
  static func expected(_ name: String) throws -> [[String: String]] {
    let data = try Data(contentsOf: folder.appendingPathComponent("json/\(name).json"))
    return try JSONDecoder().decode([[String: String]].self, from: data)
  }

  static func read(_ bytes: [UInt8], chunkSize: Int) throws -> [[String: String]] {
    var reader = CSVReader()
    reader.chunkSize = chunkSize
    var header: [String] = []
    var rows: [[String: String]] = []
    _ = try reader.read(bytes: bytes) { row in
      let fields = (0..<row.count).map { row.string($0) }
      if header.isEmpty {
        header = fields
      } else {
        rows.append(Dictionary(uniqueKeysWithValues: zip(header, fields)))
      }
    }
    return rows
  }

  @Test func theSuiteIsThere() { #expect(Self.cases.count == 11) }

  @Test(arguments: cases)
  func readsLikeTheExpectedJSON(name: String) throws {
    let bytes = Array(try Data(contentsOf: Self.folder.appendingPathComponent("csvs/\(name).csv")))
    let expected = try Self.expected(name)
    for chunkSize in [1, 2, 3, 7, 64, 1 << 16] {
      #expect(
        try Self.read(bytes, chunkSize: chunkSize) == expected, "\(name) with chunks of \(chunkSize) bytes")
    }
  }
}
