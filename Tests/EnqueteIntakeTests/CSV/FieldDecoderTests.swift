import EnqueteIntake
import Testing

/// `isText` must say exactly what `decode` says (whether bytes decode), in every encoding state.
@Suite struct FieldDecoderTests {
  static let samples: [[UInt8]] = [
    Array("Maison des familles".utf8), Array("Médiance – Rhône".utf8), [0x4D, 0xE9, 0x64], [0xC3, 0x8D],
    [0xC3], [0xE2, 0x80], [0xED, 0xA0, 0x80], [0xC0, 0xAF], [0xF4, 0x90, 0x80, 0x80], [0x81], [0x8D, 0x41],
    [0x9D], [0x80, 0x41], [0xF0, 0x9F, 0x98, 0x80],
  ]

  @Test(arguments: [nil, TextEncoding.utf8, .windows1252, .utf8BOM])
  func isTextAgreesWithDecode(start: TextEncoding?) {
    for first in Self.samples {
      for second in Self.samples {
        var byCheck = FieldDecoder(announced: start)
        var byDecode = FieldDecoder(announced: start)
        // The first field may decide the encoding; the second is read in it.
        let checked = first.withUnsafeBufferPointer { byCheck.isText($0) }
        let decoded = first.withUnsafeBufferPointer { byDecode.decode($0) != nil }
        #expect(checked == decoded)
        #expect(byCheck.encoding == byDecode.encoding)
        let checkedAfter = second.withUnsafeBufferPointer { byCheck.isText($0) }
        let decodedAfter = second.withUnsafeBufferPointer { byDecode.decode($0) != nil }
        #expect(checkedAfter == decodedAfter, "\(first) then \(second)")
      }
    }
  }
}
