import EnqueteCore
import EnquetePipeline
import EnqueteRender
import Foundation
import Testing

/// An XML upload validated as its bytes arrive, in pieces of any size, gets the verdict and the
/// reports the whole file gets: every XML sample, valid and invalid, cut in network-sized and in
/// tiny pieces.
@Suite struct StreamedXMLCheckTests {
  static let samples: [String] = {
    let root = SampleSubmissionTests.samples
    let valid = ["mediation-familiale/2025", "espace-rencontre/2024"].flatMap { folder in
      SubmissionChecker.files(in: [root.appendingPathComponent(folder).path]).filter { $0.hasSuffix(".xml") }
        .prefix(3)
    }
    let invalid = SubmissionChecker.files(in: [root.appendingPathComponent("invalid").path])
      .filter { $0.hasSuffix(".xml") }
    return valid + invalid
  }()

  /// A verdict and its reports as text: every diagnostic with its place, every value.
  static func text(_ verdict: FileVerdict, _ reports: [ValidatedReport]) -> String {
    VerdictJSON.file(verdict).rendered()
      + reports.map { report in
        "\(report.line) \(report.siret ?? "-") "
          + report.values.sorted { $0.key < $1.key }.map { "\($0.key)=\($0.value)" }.joined(separator: ";")
          + report.diagnostics.map { " [\($0.code) \($0.location.line ?? 0) \($0.message)]" }.joined()
      }.joined(separator: "\n")
  }

  static func whole(_ path: String, name: String) -> String {
    var reports: [ValidatedReport] = []
    let verdict = SubmissionChecker(campaignYear: 2025).check(
      path: path, name: name, onReport: { reports.append($0) })
    return text(verdict, reports)
  }

  static func streamed(_ bytes: [UInt8], name: String, piece: Int) -> String {
    let check = StreamedXMLCheck(name: name, campaignYear: 2025)
    var offset = 0
    while offset < bytes.count, check.wantsMore {
      let end = min(bytes.count, offset + piece)
      bytes[offset..<end].withUnsafeBytes { check.feed($0) }
      offset = end
    }
    let (verdict, reports) = check.finish()
    return text(verdict, reports)
  }

  @Test(arguments: [1_460, 65_536])
  func piecesOfAnySizeGiveTheWholeFilesVerdict(piece: Int) throws {
    #expect(Self.samples.count > 6)
    for path in Self.samples {
      let name = (path as NSString).lastPathComponent
      let bytes = [UInt8](try Data(contentsOf: URL(fileURLWithPath: path)))
      #expect(Self.streamed(bytes, name: name, piece: piece) == Self.whole(path, name: name), "\(name)")
    }
  }

  @Test func byteByByteToo() throws {
    let path = try #require(Self.samples.first { $0.contains("invalid") })
    let name = (path as NSString).lastPathComponent
    let bytes = [UInt8](try Data(contentsOf: URL(fileURLWithPath: path)))
    #expect(Self.streamed(bytes, name: name, piece: 1) == Self.whole(path, name: name))
  }

  @Test func nothingReceivedIsAnEmptyFile() {
    let (verdict, reports) = StreamedXMLCheck(name: "vide.xml", campaignYear: 2025).finish()
    #expect(!verdict.isReadable)
    #expect(verdict.diagnostics.contains { $0.code == "file.empty" })
    #expect(reports.isEmpty)
  }
}
