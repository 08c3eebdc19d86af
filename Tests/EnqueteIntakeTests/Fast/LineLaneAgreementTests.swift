import EnqueteCore
import Foundation
import Testing

@testable import EnqueteIntake

/// The fast path reading a row straight from the text (`checkLine`) may only take a row that the
/// row path (`check`, on the same row tokenized) finds clean, with the very same slot values, bit
/// for bit: on tricky spellings of every column and on rows of the wrong shape.
@Suite struct LineLaneAgreementTests {
  /// A row split at every delimiter (the rows here hold no quote to honour).
  struct SplitRow: CSVFields {
    let text: [UInt8]
    let starts: [Int]
    let ends: [Int]

    init(_ row: String, delimiter: UInt8) {
      text = Array(row.utf8)
      var starts = [0]
      var ends: [Int] = []
      for (index, byte) in text.enumerated() where byte == delimiter {
        ends.append(index)
        starts.append(index + 1)
      }
      ends.append(text.count)
      (self.starts, self.ends) = (starts, ends)
    }

    var count: Int { starts.count }
    func column(_ index: Int) -> Int { starts[index] + 1 }
    func withField<T>(_ index: Int, _ body: (UnsafeBufferPointer<UInt8>) -> T) -> T {
      text.withUnsafeBufferPointer { body(UnsafeBufferPointer(rebasing: $0[starts[index]..<ends[index]])) }
    }
    func withAllFields<T>(
      _ body: (UnsafePointer<UInt8>, UnsafeBufferPointer<Int>, UnsafeBufferPointer<Int>) -> T
    ) -> T {
      text.withUnsafeBufferPointer { text in
        starts.withUnsafeBufferPointer { starts in
          ends.withUnsafeBufferPointer { body(text.baseAddress!, starts, $0) }
        }
      }
    }
  }

  /// A sample report row (semicolon, decimal comma) and its header.
  static func sample() throws -> (header: [String], row: String) {
    let folder = IntakeSamples.root.appendingPathComponent("mediation-familiale/2025")
    let file = try FileManager.default.contentsOfDirectory(atPath: folder.path).sorted()
      .first { $0.hasPrefix("rapport-") && $0.hasSuffix(".csv") }!
    let text = try String(contentsOf: folder.appendingPathComponent(file), encoding: .utf8)
    let lines = text.split(whereSeparator: \.isNewline).map {
      String($0.trimmingCharacters(in: .init(charactersIn: "\u{FEFF}")))
    }
    return (lines[0].components(separatedBy: ";"), lines[1])
  }

  /// Whether the line path took the row, and if so whether `check` found it clean (or clean but
  /// for the same warnings, worded the same) with the same slots.
  static func agree(
    header: [String], row: String, delimiter: Character, lineEnd: String
  ) -> (agrees: Bool, taken: Bool) {
    var line = FastReportChecker(survey: .mediationFamiliale, campaignYear: 2025)
    line.prepare(columns: header)
    let bytes = Array((row + lineEnd + "2025;next").utf8)
    var warned: [ValidatedReportSummary] = []
    let (end, rows) = bytes.withUnsafeBufferPointer {
      line.checkLines(
        $0.baseAddress!, start: 0, count: $0.count, reach: 1 << 16, line: 2, delimiter: delimiter.asciiValue!,
        encoding: .utf8
      ) { warned.append($0) }
    }
    guard rows > 0 else { return (true, false) }
    var plain = FastReportChecker(survey: .mediationFamiliale, campaignYear: 2025)
    plain.prepare(columns: header)
    let verdict = plain.check(
      row: SplitRow(row, delimiter: delimiter.asciiValue!), line: 2, isText: { _ in true },
      decode: { String(decoding: $0, as: UTF8.self) })
    guard rows == 1, end == row.utf8.count + lineEnd.utf8.count else { return (false, true) }
    switch verdict {
    case .clean where warned.isEmpty: break
    case .acceptedWithWarnings(let summary)
    where warned.count == 1 && warned[0].diagnostics == summary.diagnostics
      && warned[0].siret == summary.siret
      && warned[0].line == summary.line && warned[0].accepted == summary.accepted:
      break
    default: return (false, true)
    }
    return (line.lane!.slots.map(\.bitPattern) == plain.values.map(\.bitPattern), true)
  }

  @Test func trickySpellingsAgree() throws {
    let (header, row) = try Self.sample()
    let tricky = [
      "", "0", "-0", "00", "007", "1.", ".5", "-.5", "1,", ",5", "1.2.3", "1,2,3", "+1", "1,5", "1.5", " 1",
      "1 ",
      "1\t", "1e3", "-", ".", ",", "--1", "1-", "999999999999999", "9999999999999999", "12345678901234567",
      "123456789012345678", "1234567890123456.7", "0.001", "2,675", "0,1", "\"1\"", "1\"", "\u{A0}1", "é",
      "2A",
      "2a", "01", "1", "971", "99", "association", "Association", "x", "31306726678216", "31306726678217",
      "2025", "2024", "12/05/2025", "oui",
    ]
    var compared = 0
    var taken = 0
    for (delimiter, decimal) in [(Character(";"), ","), (Character(","), ".")] {
      let base =
        delimiter == ";"
        ? row : row.replacingOccurrences(of: ",", with: ".").replacingOccurrences(of: ";", with: ",")
      let fields = base.components(separatedBy: String(delimiter))
      #expect(Self.agree(header: header, row: base, delimiter: delimiter, lineEnd: "\n") == (true, true))
      for column in fields.indices {
        for value in tricky where !value.contains(delimiter) || decimal == "," {
          var changed = fields
          changed[column] = value
          let variant = changed.joined(separator: String(delimiter))
          for lineEnd in ["\n", "\r\n"] {
            let (agrees, took) = Self.agree(
              header: header, row: variant, delimiter: delimiter, lineEnd: lineEnd)
            #expect(agrees, "column \(column) = «\(value)», delimiter \(delimiter)")
            compared += 1
            if took { taken += 1 }
          }
        }
      }
    }
    #expect(compared > 1_000)
    #expect(taken > 500)  // most changes break a sum rule; hundreds are still clean
  }

  @Test func rowsOfTheWrongShapeAreLeftToTheRowPath() throws {
    let (header, row) = try Self.sample()
    let fields = row.components(separatedBy: ";")
    let shapes = [
      fields.dropLast().joined(separator: ";"), (fields + ["1"]).joined(separator: ";"), "", ";",
      row.replacingOccurrences(of: "Association", with: "\"Association\""), row + "\rx", "\r" + row,
    ]
    for shape in shapes {
      var line = FastReportChecker(survey: .mediationFamiliale, campaignYear: 2025)
      line.prepare(columns: header)
      let bytes = Array((shape + "\n").utf8)
      let taken = bytes.withUnsafeBufferPointer {
        line.checkLine($0.baseAddress!, start: 0, end: $0.count, line: 2, delimiter: 0x3B, encoding: .utf8)
      }
      #expect(taken == nil, "«\(shape)»")
    }
    // A row whose line break lies beyond `end` is not read.
    var line = FastReportChecker(survey: .mediationFamiliale, campaignYear: 2025)
    line.prepare(columns: header)
    let bytes = Array((row + "\n").utf8)
    let short = bytes.withUnsafeBufferPointer {
      line.checkLine($0.baseAddress!, start: 0, end: $0.count - 1, line: 2, delimiter: 0x3B, encoding: .utf8)
    }
    #expect(short == nil)
  }
}
