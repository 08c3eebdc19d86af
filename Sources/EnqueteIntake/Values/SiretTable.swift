import CPrefetch

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// A set of SIRETs with the line of each, in about 9 bytes a SIRET: Robin Hood open addressing
/// where a slot keeps the key's *quotient* by the table size (the remainder is the home slot, so it
/// need not be stored), its distance from home and the line. A file of two million reports keeps
/// its SIRETs in about 20 MB where a `Dictionary<Int, Int>` takes 70.
///
/// Keys are scrambled by a bijection of the 47-bit range first, so that consecutive SIRETs spread.
struct SiretTable: ~Copyable {
  /// Largest key accepted (every 14-digit SIRET is below).
  static let keyLimit = 1 << 47
  private static let keyMask = keyLimit - 1
  /// Slots are at most this full before the table grows by half (Robin Hood keeps probes short).
  private static let maximumLoad = 0.9

  private var quotients: UnsafeMutablePointer<UInt32>
  /// Distance from the home slot + 1; 0 for an empty slot.
  private var distances: UnsafeMutablePointer<UInt8>
  private var lines: UnsafeMutablePointer<UInt32>
  private var capacity: Int
  /// `capacity` as a multiply-and-shift (division is slow): see `divide`.
  private var reciprocal: Reciprocal
  private(set) var count = 0
  /// The smallest and largest key recorded (`Int.max`, `Int.min` while empty): two tables whose
  /// ranges do not meet share no key, without a lookup (files sorted by SIRET, cut in two).
  private(set) var lowest = Int.max
  private(set) var highest = Int.min

  /// Keys whose distance from home would not fit a byte (crafted collisions): kept aside, by
  /// scrambled key, so that nothing is ever lost.
  private var overflow: [Int: UInt32] = [:]

  /// A table sized for `expected` keys without growing.
  init(expected: Int = 0) {
    capacity = Self.capacity(for: expected)
    reciprocal = Reciprocal(capacity)
    (quotients, distances, lines) = Self.allocate(capacity)
  }

  deinit { Self.free(quotients, distances, lines) }

  /// The line recorded for `key`, or nil after recording `line` for it.
  /// - Complexity: O(1) expected.
  mutating func firstLine(of key: Int, recordingAt line: Int) -> Int? {
    precondition(key >= 0 && key < Self.keyLimit, "SIRET out of the table's range")
    let scrambled = Self.scramble(key)
    if Double(count + 1) > Double(capacity) * Self.maximumLoad { grow() }
    // One probe: it finds the key, or stops where Robin Hood order would put it.
    let probe = probe(scrambled)
    if let found = probe.line { return found }
    insert(probe.quotient, line: UInt32(clamping: line), at: probe.slot, distance: probe.distance)
    count += 1
    lowest = min(lowest, key)
    highest = max(highest, key)
    return nil
  }

  /// How many more keys fit before the table grows (growing holds the old and the new arrays at
  /// once, half as large again).
  var room: Int { max(0, Int(Double(capacity) * Self.maximumLoad) - count) }

  /// Fetches into the cache the slots a lookup of `key` starts with, so that a `firstLine` call a
  /// little later does not wait for memory.
  @inline(__always)
  func prefetch(_ key: Int) {
    guard key >= 0 && key < Self.keyLimit else { return }
    prefetch(scrambled: Self.scramble(key))
  }

  /// The same, for a key already scrambled.
  @inline(__always)
  func prefetch(scrambled: Int) {
    let slot = scrambled - Int(reciprocal.divide(scrambled)) * capacity
    enquete_prefetch_read(distances + slot)
    enquete_prefetch_read(quotients + slot)
    enquete_prefetch_write(lines + slot)
  }

  /// Whether `key` is recorded.
  func contains(_ key: Int) -> Bool {
    key >= 0 && key < Self.keyLimit && probe(Self.scramble(key)).line != nil
  }

  /// Looks a key up: its line if recorded, else where the search stopped (the slot, its distance
  /// from the key's home, the key's quotient): where Robin Hood order would insert it.
  @inline(__always)
  private func probe(_ scrambled: Int) -> (line: Int?, quotient: UInt32, slot: Int, distance: Int) {
    let quotient = reciprocal.divide(scrambled)
    var slot = scrambled - Int(quotient) * capacity
    var distance = 1
    while true {
      let resident = Int(distances[slot])
      // Robin Hood order: a resident closer to its home than we are to ours ends the search.
      if resident < distance { break }
      if resident == distance && quotients[slot] == quotient {
        return (Int(lines[slot]), quotient, slot, distance)
      }
      slot = slot + 1 == capacity ? 0 : slot + 1
      distance += 1
    }
    let aside = overflow.isEmpty ? nil : overflow[scrambled].map(Int.init)
    return (aside, quotient, slot, distance)
  }

  /// Inserts a key known to be absent.
  private mutating func insert(_ scrambled: Int, line: UInt32) {
    let quotient = reciprocal.divide(scrambled)
    insert(quotient, line: line, at: scrambled - Int(quotient) * capacity, distance: 1)
  }

  /// Inserts a key known to be absent, from `slot`, `distance` slots past its home, where the
  /// keys before it belong.
  private mutating func insert(_ quotient: UInt32, line: UInt32, at slot: Int, distance: Int) {
    var (quotient, line, slot, distance) = (quotient, line, slot, distance)
    while true {
      if distance > Int(UInt8.max) {
        // The key carried now has its home `distance - 1` slots back.
        var home = slot - (distance - 1)
        while home < 0 { home += capacity }
        overflow[Int(quotient) * capacity + home] = line
        return
      }
      let resident = Int(distances[slot])
      if resident == 0 {
        (quotients[slot], lines[slot], distances[slot]) = (quotient, line, UInt8(distance))
        return
      }
      if resident < distance {  // Take from the rich: the resident moves on.
        swap(&quotient, &quotients[slot])
        swap(&line, &lines[slot])
        distances[slot] = UInt8(distance)
        distance = resident
      }
      slot = slot + 1 == capacity ? 0 : slot + 1
      distance += 1
    }
  }

  /// Multiplication by an odd number, then an xor-shift: both one-to-one on 47 bits, so distinct
  /// keys stay distinct and consecutive ones spread.
  static func scramble(_ key: Int) -> Int {
    let multiplied = (key &* 0x5DEE_CE66_D1CE_4E5B) & keyMask
    return multiplied ^ (multiplied >> 23)
  }

  /// Calls `body` with every key recorded, scrambled (as `contains(scrambled:)` takes it), in part
  /// `part` of `parts` equal parts of the table (the few keys kept aside go with part 0).
  func forEachScrambledKey(part: Int = 0, of parts: Int = 1, _ body: (Int) -> Void) {
    for slot in (capacity * part / parts)..<(capacity * (part + 1) / parts) where distances[slot] != 0 {
      var home = slot - (Int(distances[slot]) - 1)
      if home < 0 { home += capacity }
      body(Int(quotients[slot]) * capacity + home)
    }
    if part == 0 { for scrambled in overflow.keys { body(scrambled) } }
  }

  /// Whether the key that scrambles to `scrambled` is recorded.
  func contains(scrambled: Int) -> Bool { probe(scrambled).line != nil }

  /// The key that scrambles to `scrambled` (tests use it to craft colliding keys).
  static func unscramble(_ scrambled: Int) -> Int {
    let multiplied = scrambled ^ (scrambled >> 23) ^ (scrambled >> 46)
    var inverse = 0x5DEE_CE66_D1CE_4E5B  // Newton's iteration: inverse of the odd multiplier mod 2^64
    for _ in 0..<6 { inverse = inverse &* (2 &- 0x5DEE_CE66_D1CE_4E5B &* inverse) }
    return (multiplied &* inverse) & keyMask
  }

  /// Rehashes into a table half as large again (each scrambled key is quotient × size + home).
  private mutating func grow() {
    let (oldQuotients, oldDistances, oldLines, oldCapacity) = (quotients, distances, lines, capacity)
    capacity += capacity / 2
    reciprocal = Reciprocal(capacity)
    (quotients, distances, lines) = Self.allocate(capacity)
    for slot in 0..<oldCapacity where oldDistances[slot] != 0 {
      var home = slot - (Int(oldDistances[slot]) - 1)
      if home < 0 { home += oldCapacity }
      insert(Int(oldQuotients[slot]) * oldCapacity + home, line: oldLines[slot])
    }
    Self.free(oldQuotients, oldDistances, oldLines)
  }

  /// Slots for `expected` keys; at least 2^15, so that a quotient always fits 32 bits.
  private static func capacity(for expected: Int) -> Int {
    max(1 << 15, Int((Double(expected) / maximumLoad).rounded(.up)) + 1)
  }

  /// Zeroed arrays from `calloc`: pages never touched cost no memory.
  private static func allocate(
    _ capacity: Int
  ) -> (UnsafeMutablePointer<UInt32>, UnsafeMutablePointer<UInt8>, UnsafeMutablePointer<UInt32>) {
    guard let quotients = calloc(capacity, 4), let distances = calloc(capacity, 1),
      let lines = calloc(capacity, 4)
    else { fatalError("out of memory for \(capacity) SIRETs") }
    return (
      quotients.assumingMemoryBound(to: UInt32.self), distances.assumingMemoryBound(to: UInt8.self),
      lines.assumingMemoryBound(to: UInt32.self)
    )
  }

  private static func free(
    _ quotients: UnsafeMutablePointer<UInt32>, _ distances: UnsafeMutablePointer<UInt8>,
    _ lines: UnsafeMutablePointer<UInt32>
  ) {
    releaseMemory(quotients)
    releaseMemory(distances)
    releaseMemory(lines)
  }
}

/// Division of keys below 2^47 by a fixed divisor d as a multiplication and a shift: with
/// k = max(64, 47 + ⌈log2 d⌉) and m = ⌈2^k / d⌉ (below 2^50), ⌊x·m / 2^k⌋ = ⌊x / d⌋ for every
/// x < 2^47, because the error m·d − 2^k < d makes x·m / 2^k exceed x / d by less than
/// x / 2^k < 1/d, too little to reach the next integer.
struct Reciprocal {
  private let multiplier: UInt64
  private let shift: UInt64

  init(_ divisor: Int) {
    precondition(divisor >= 1 << 14 && divisor < 1 << 40)
    let logarithm = UInt64(Int.bitWidth - (divisor - 1).leadingZeroBitCount)  // ⌈log2 d⌉
    shift = max(64, 47 + logarithm) - 64
    let (quotient, remainder) = UInt64(divisor).dividingFullWidth((high: 1 << shift, low: 0))
    multiplier = quotient + (remainder == 0 ? 0 : 1)
  }

  /// ⌊x / divisor⌋ for 0 ≤ x < 2^47.
  @inline(__always)
  func divide(_ x: Int) -> UInt32 {
    UInt32(truncatingIfNeeded: UInt64(x).multipliedFullWidth(by: multiplier).high >> shift)
  }
}

#if canImport(Glibc)
  private func releaseMemory(_ pointer: UnsafeMutableRawPointer) { Glibc.free(pointer) }
#else
  private func releaseMemory(_ pointer: UnsafeMutableRawPointer) { Darwin.free(pointer) }
#endif
