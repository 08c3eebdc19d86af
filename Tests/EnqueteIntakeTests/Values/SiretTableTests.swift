import Testing

@testable import EnqueteIntake

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

  @Test func registriesCompareByRangeThenByLookup() {
    func registry(_ sirets: [Int], aside: [String] = []) -> SiretRegistry {
      let registry = SiretRegistry()
      for (line, siret) in sirets.enumerated() { _ = registry.firstLine(of: siret, recordingAt: line + 2) }
      for (line, siret) in aside.enumerated() { _ = registry.firstLine(of: siret, recordingAt: line + 900) }
      return registry
    }
    let base = 90_000_000_000_000
    let low = registry(Array(base..<(base + 1_000)))
    let high = registry(Array((base + 1_000)..<(base + 2_000)))
    // Ranges apart (a file sorted by SIRET cut in two): nothing shared, either way round.
    #expect(!low.sharesAny(with: high) && !high.sharesAny(with: low))
    // Ranges that meet: decided by the keys themselves, in every part.
    let interleaved = registry(Array(stride(from: base + 1, to: base + 2_000, by: 2)))
    let evens = registry(Array(stride(from: base, to: base + 2_000, by: 2)))
    #expect(!(0..<2).contains { interleaved.sharesAny(with: evens, part: $0, of: 2) })
    let oneShared = registry(Array(stride(from: base, to: base + 2_000, by: 2)) + [base + 1_999])
    #expect((0..<2).contains { interleaved.sharesAny(with: oneShared, part: $0, of: 2) })
    // A SIRET that is no 14-digit number is compared even when the numeric ranges are apart.
    let lowAside = registry(Array(base..<(base + 10)), aside: ["ABC"])
    let highAside = registry(Array((base + 50)..<(base + 60)), aside: ["ABC"])
    #expect(lowAside.sharesAny(with: highAside))
  }
}

extension SiretTableTests.SplitMix: RandomNumberGenerator {}
