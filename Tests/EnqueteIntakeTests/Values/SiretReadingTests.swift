import Testing

@testable import EnqueteIntake

/// Reading a SIRET eight bytes at a time must say exactly what the digit-by-digit reading says:
/// the same number for every well-formed SIRET, nil for a wrong key or any byte not a digit.
@Suite struct SiretReadingTests {
  /// The digit-by-digit reading (Luhn from the right, every second digit doubled).
  static func reference(_ bytes: [UInt8]) -> Double? {
    guard bytes.count == 14 else { return nil }
    var value = 0
    var sum = 0
    for (position, byte) in bytes.enumerated() {
      let digit = Int(byte &- UInt8(ascii: "0"))
      guard digit < 10, byte >= UInt8(ascii: "0") else { return nil }
      value = value * 10 + digit
      var weighted = (13 - position) % 2 == 1 ? digit * 2 : digit
      if weighted > 9 { weighted -= 9 }
      sum += weighted
    }
    return sum % 10 == 0 ? Double(value) : nil
  }

  @Test func eightAtATimeAgreesWithDigitByDigit() {
    var random = SiretTableTests.SplitMix(state: 11)
    var valid = 0
    let oddBytes: [UInt8] = [0x00, 0x20, 0x2F, 0x3A, 0x3F, 0x40, 0x7F, 0x80, 0xB0, 0xFF, 0x0A]
    for trial in 0..<200_000 {
      var bytes = (0..<14).map { _ in UInt8(ascii: "0") + UInt8(random.next() % 10) }
      if trial % 3 == 0 {  // one byte that is no digit, anywhere
        bytes[Int(random.next() % 14)] = oddBytes[Int(random.next() % UInt64(oddBytes.count))]
      }
      let expected = Self.reference(bytes)
      let read = bytes.withUnsafeBufferPointer { FastValueReader.siret($0) }
      #expect(read == expected, "\(bytes)")
      if expected != nil { valid += 1 }
    }
    #expect(valid > 10_000)
    for length in [0, 13, 15] {
      let bytes = [UInt8](repeating: UInt8(ascii: "0"), count: length)
      #expect(bytes.withUnsafeBufferPointer { FastValueReader.siret($0) } == nil)
    }
  }
}
