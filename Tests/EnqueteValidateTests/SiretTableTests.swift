import Testing

@testable import EnqueteValidate

/// The compact SIRET table must behave exactly like a dictionary from SIRET to first line, through
/// growth, wrap-around and crafted collisions.
@Suite struct SiretTableTests {
  /// A deterministic generator (SplitMix64), so that a failure replays.
  struct SplitMix {
    var state: UInt64
    mutating func next() -> UInt64 {
      state &+= 0x9E37_79B9_7F4A_7C15
      var z = state
      z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
      z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
      return z ^ (z >> 31)
    }
  }

  @Test func agreesWithADictionaryThroughGrowth() {
    var table = SiretTable()
    var reference: [Int: Int] = [:]
    var seen: [Int] = []
    var random = SplitMix(state: 42)
    for line in 1...200_000 {
      // A third of the keys come back: duplicates must find the line they were first seen at.
      let key =
        line % 3 == 0
        ? seen[Int(random.next() % UInt64(seen.count))] : Int(random.next() % 99_999_999_999_999)
      let expected = reference[key]
      if expected == nil {
        reference[key] = line
        seen.append(key)
      }
      #expect(table.firstLine(of: key, recordingAt: line) == expected)
    }
    #expect(table.count == reference.count)
    for (key, line) in reference.prefix(1000) { #expect(table.firstLine(of: key, recordingAt: 0) == line) }
    let unseen = (1...1000).map { 99_999_999_999_000 + $0 }.filter { reference[$0] == nil }
    let found = unseen.filter { table.contains($0) }
    #expect(found.isEmpty)
  }

  @Test func consecutiveSiretsAndTheEdgesOfTheRange() {
    var table = SiretTable(expected: 10)
    let keys = Array(0..<50_000) + [SiretTable.keyLimit - 1, 99_999_999_999_999]
    for (line, key) in keys.enumerated() { #expect(table.firstLine(of: key, recordingAt: line + 2) == nil) }
    for (line, key) in keys.enumerated() { #expect(table.firstLine(of: key, recordingAt: 0) == line + 2) }
    let absent = table.contains(50_000)
    #expect(!absent)
  }

  @Test func reciprocalDivisionIsExact() {
    var random = SplitMix(state: 11)
    for divisor in [32_768, 32_769, 36_409, 1_000_003, 2_730_000, 3_000_017, (1 << 21) + 1] {
      let reciprocal = Reciprocal(divisor)
      for x in [0, 1, divisor - 1, divisor, divisor + 1, SiretTable.keyLimit - 1] {
        #expect(Int(reciprocal.divide(x)) == x / divisor, "\(x) / \(divisor)")
      }
      for _ in 0..<20_000 {
        let x = Int(random.next() % UInt64(SiretTable.keyLimit))
        #expect(Int(reciprocal.divide(x)) == x / divisor)
      }
    }
  }

  @Test func scramblingIsOneToOne() {
    var random = SplitMix(state: 7)
    for _ in 0..<10_000 {
      let key = Int(random.next() % UInt64(SiretTable.keyLimit))
      #expect(SiretTable.unscramble(SiretTable.scramble(key)) == key)
    }
  }

  @Test func keysSharingAHomeSlotOverflowWithoutLoss() {
    // 400 keys crafted to share home slot 5 of the smallest table: past a distance of 255, they
    // go to the overflow, and every one is still found with its line.
    var table = SiretTable()
    let keys = (0..<400).map { SiretTable.unscramble($0 * 32_768 + 5) }
    for (line, key) in keys.enumerated() { #expect(table.firstLine(of: key, recordingAt: line + 1) == nil) }
    for (line, key) in keys.enumerated() { #expect(table.firstLine(of: key, recordingAt: 0) == line + 1) }
    #expect(table.count == 400)
  }
}

extension SiretTableTests.SplitMix: RandomNumberGenerator {}
