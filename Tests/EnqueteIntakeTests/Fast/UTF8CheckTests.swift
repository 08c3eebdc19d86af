import Testing

@testable import EnqueteIntake

/// The fast path's UTF-8 check must accept exactly what Swift's own validation accepts.
@Suite struct UTF8CheckTests {
  @Test func agreesWithTheStandardLibrary() {
    var random = SiretTableTests.SplitMix(state: 5)
    let pieces: [[UInt8]] = [
      Array("Maison des familles ".utf8), Array("–".utf8), Array("é".utf8), Array("𝄞".utf8), [0x41],
      [0xC3], [0xA9], [0xE2, 0x80], [0xED, 0xA0, 0x80], [0xF4, 0x90, 0x80, 0x80], [0xC0, 0xAF], [0xFF],
      [0xF0, 0x9F, 0x98], Array("0123456789abcdef".utf8),
    ]
    var valid = 0
    for _ in 0..<100_000 {
      var bytes: [UInt8] = []
      for _ in 0..<(random.next() % 6) { bytes += pieces[Int(random.next() % UInt64(pieces.count))] }
      let expected = String(validating: bytes, as: UTF8.self) != nil
      #expect(bytes.withUnsafeBufferPointer { FastValueReader.isUTF8($0) } == expected, "\(bytes)")
      if expected { valid += 1 }
    }
    #expect(valid > 10_000 && valid < 90_000)
  }
}
