import EnqueteCore
import Foundation
import Testing

@testable import EnqueteIntake

/// The line path reads raw bytes through pointers: on rows cut, mangled and run together, in
/// buffers of exactly their size (so that a sanitizer build sees any read past them), it must
/// never read outside the buffer, and whatever it takes must end with a line break inside it.
@Suite struct LineLaneRobustnessTests {
  @Test func mangledRowsNeverReadPastTheirBuffer() throws {
    let (header, row) = try LineLaneAgreementTests.sample()
    var random = SiretTableTests.SplitMix(state: 17)
    let noise: [UInt8] = Array(";,\"\r\n -.0123456789aé".utf8) + [0x00, 0x80, 0xC3, 0xFF]
    var checker = FastReportChecker(survey: .mediationFamiliale, campaignYear: 2025)
    checker.prepare(columns: header)
    var taken = 0
    for trial in 0..<20_000 {
      var fields = row.components(separatedBy: ";")
      fields[1] = Self.siret(trial)  // a fresh one each time: a repeated SIRET is never taken
      var bytes = Array((fields.joined(separator: ";") + (trial % 2 == 0 ? "\n" : "\r\n")).utf8)
      bytes += bytes  // two rows run together
      for _ in 0..<(random.next() % 4) {
        let position = Int(random.next() % UInt64(bytes.count))
        switch random.next() % 3 {
        case 0: bytes[position] = noise[Int(random.next() % UInt64(noise.count))]
        case 1: bytes.remove(at: position)
        default: bytes.insert(noise[Int(random.next() % UInt64(noise.count))], at: position)
        }
      }
      bytes.removeLast(Int(random.next() % UInt64(bytes.count / 3)))
      let buffer = UnsafeMutableBufferPointer<UInt8>.allocate(capacity: bytes.count)
      defer { buffer.deallocate() }
      _ = buffer.initialize(from: bytes)
      let start = Int(random.next() % 3) == 0 ? min(bytes.count, Int(random.next() % 40)) : 0
      let reach = [1 << 16, 64, 200][Int(random.next() % 3)]
      let (end, rows) = checker.checkLines(
        UnsafePointer(buffer.baseAddress!), start: start, count: buffer.count, reach: reach, line: 2,
        delimiter: UInt8(ascii: ";"), encoding: trial % 3 == 0 ? .undecided : .utf8
      ) { _ in }
      #expect(end >= start && end <= buffer.count)
      #expect(rows == 0 ? end == start : buffer[end - 1] == UInt8(ascii: "\n"))
      taken += rows
    }
    #expect(taken > 100)
  }

  /// A Luhn-valid SIRET made from `index`.
  static func siret(_ index: Int) -> String {
    let body = String(format: "7%012d", index)
    for last in 0...9 {
      let candidate = Array((body + String(last)).utf8).map { Int($0) - 48 }
      let sum = candidate.reversed().enumerated().reduce(0) { sum, item in
        let doubled = item.offset % 2 == 1 ? item.element * 2 : item.element
        return sum + (doubled > 9 ? doubled - 9 : doubled)
      }
      if sum % 10 == 0 { return body + String(last) }
    }
    fatalError("no check digit")
  }
}
