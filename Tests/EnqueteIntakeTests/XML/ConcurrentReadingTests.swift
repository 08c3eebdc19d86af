import EnqueteCore
import EnqueteIntake
import Foundation
import Testing

/// Parsing on a thread of its own must give what reading on the calling thread gives, and stop
/// cleanly when the consumer gives up.
@Suite struct ConcurrentReadingTests {
  struct Stop: Error {}

  static func bigFile() throws -> String {
    var text = #"<?xml version="1.0" encoding="UTF-8"?>"# + "\n"
    text += #"<rapports xmlns="urn:enquete:espace-rencontre:v1">"# + "\n"
    for index in 0..<200 {
      text += "<rapport>\n<annee>2024</annee>\n<siret>\(90_000_000_000_000 + index)</siret>\n<mesures>\n"
      for row in 0..<20 {
        text +=
          #"<mesure mesure_id="M\#(row)" origine="jaf" date_decision="2024-01-02" date_reception="2024-01-03" issue="en_cours" contexte_vif="false" nb_enfants="1"/>"#
          + "\n"
      }
      text += "</mesures>\n</rapport>\n"
    }
    text += "</rapports>\n"
    let path = FileManager.default.temporaryDirectory.appendingPathComponent(
      "concurrent-\(UUID().uuidString).xml"
    )
    .path
    try text.write(toFile: path, atomically: true, encoding: .utf8)
    return path
  }

  static func signature(_ report: RawReport) -> String {
    let values = report.record.values.sorted { $0.key < $1.key }.map {
      "\($0.key)=\($0.value.text)@\($0.value.line)"
    }
    return "\(report.record.line) \(values) \(report.detail.count) \(report.diagnostics.map(\.code))"
  }

  @Test func givesWhatReadingOnTheCallingThreadGives() throws {
    let path = try Self.bigFile()
    defer { try? FileManager.default.removeItem(atPath: path) }
    var direct: [String] = []
    let first = XMLSubmissionReader().read(path: path, name: "f.xml") { direct.append(Self.signature($0)) }
    var concurrent: [String] = []
    let second = XMLSubmissionReader().readConcurrently(path: path, name: "f.xml", capacity: 2) {
      concurrent.append(Self.signature($0))
    }
    #expect(direct.count == 200)
    #expect(concurrent == direct)
    #expect(second.reportCount == first.reportCount)
    #expect(second.diagnostics.map(\.code) == first.diagnostics.map(\.code))
  }

  @Test func stopsWhenTheConsumerThrows() throws {
    let path = try Self.bigFile()
    defer { try? FileManager.default.removeItem(atPath: path) }
    var seen = 0
    #expect(throws: Stop.self) {
      _ = try XMLSubmissionReader().readConcurrently(path: path, name: "f.xml", capacity: 1) { _ in
        seen += 1
        if seen == 3 { throw Stop() }
      }
    }
    #expect(seen == 3)
  }
}
