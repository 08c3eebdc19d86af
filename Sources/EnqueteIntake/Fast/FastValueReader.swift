import EnqueteCore

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// Reads a value's bytes into a slot, accepting only plain, unambiguous spellings; anything else
/// (thousand groups, a lowercase département, an accent-insensitive code…) returns nil so that the
/// full validator, which knows every spelling and says what it corrected, takes the report.
enum FastValueReader {
  /// The slot value of `bytes` for variable `slot` of `layout` read as `kind`, or nil to defer.
  /// `bytes` are already trimmed and non-empty.
  @inline(__always)
  static func read(
    _ bytes: UnsafeBufferPointer<UInt8>, _ kind: SlotLayout.Kind, slot: Int, layout: SlotLayout,
    departements: DepartementIndex
  ) -> Double? {
    switch kind {
    case .integer: return integer(bytes)
    case .number: return number(bytes)
    case .date: return date(bytes)
    case .boolean: return boolean(bytes)
    case .siret: return siret(bytes)
    case .departement: return departements.index(of: bytes).map(Double.init)
    case .coded:
      let codes = layout.codes[slot]
      for index in codes.indices where codes[index].count == bytes.count {
        let same = codes[index].withUnsafeBufferPointer {
          memcmp($0.baseAddress!, bytes.baseAddress!, bytes.count) == 0
        }
        if same { return Double(index) }
      }
      return nil
    case .pattern:
      guard let pattern = layout.patterns[slot], pattern.length.contains(bytes.count) else { return nil }
      for byte in bytes where byte >= 128 || !pattern.allowed[Int(byte)] { return nil }
      return 1
    case .text: return 1
    case .unsupportedPattern: return nil
    }
  }

  /// `bytes` without ASCII spaces and tabs at either end; nil when nothing is left.
  @inline(__always)
  static func trimmed(_ bytes: UnsafeBufferPointer<UInt8>) -> UnsafeBufferPointer<UInt8>? {
    // Most fields: nothing to trim (ends neither blank nor beyond ASCII).
    if let first = bytes.first, let last = bytes.last, first > 0x20, first < 0x80, last > 0x20, last < 0x80 {
      return bytes
    }
    var start = 0
    var end = bytes.count
    while start < end, bytes[start] == 0x20 || bytes[start] == 0x09 { start += 1 }
    while end > start, bytes[end - 1] == 0x20 || bytes[end - 1] == 0x09 { end -= 1 }
    guard end > start else { return nil }
    // Other white space at either end (no-break spaces…) is for the full validator to judge.
    if bytes[start] >= 0x80 || bytes[end - 1] >= 0x80 {
      return start == 0 && end == bytes.count ? bytes : nil
    }
    return UnsafeBufferPointer(rebasing: bytes[start..<end])
  }

  static func integer(_ bytes: UnsafeBufferPointer<UInt8>) -> Double? {
    var index = 0
    let negative = bytes[0] == UInt8(ascii: "-")
    if negative { index = 1 }
    guard index < bytes.count, bytes.count - index <= 15 else { return nil }
    var value = 0
    while index < bytes.count {
      let digit = bytes[index] &- UInt8(ascii: "0")
      guard digit < 10 else { return nil }
      value = value * 10 + Int(digit)
      index += 1
    }
    return Double(negative ? -value : value)
  }

  static func number(_ bytes: UnsafeBufferPointer<UInt8>) -> Double? {
    var index = 0
    let negative = bytes[0] == UInt8(ascii: "-")
    if negative { index = 1 }
    guard index < bytes.count, bytes.count - index <= 17 else { return nil }
    var whole = 0
    var fraction = 0
    var scale = 1
    var seenSeparator = false
    var digits = 0
    while index < bytes.count {
      let byte = bytes[index]
      if byte == UInt8(ascii: ".") || byte == UInt8(ascii: ",") {
        guard !seenSeparator else { return nil }
        seenSeparator = true
      } else {
        let digit = byte &- UInt8(ascii: "0")
        guard digit < 10 else { return nil }
        digits += 1
        if seenSeparator {
          fraction = fraction * 10 + Int(digit)
          scale *= 10
        } else {
          whole = whole * 10 + Int(digit)
        }
      }
      index += 1
    }
    guard digits > 0 else { return nil }
    guard seenSeparator, scale > 1 else { return negative ? -Double(whole) : Double(whole) }
    // One division of two exact integers is correctly rounded, as parsing the text is: the
    // mantissa must stay below 2^53 (15 digits), else the reference validator reads it.
    guard digits <= 15 else { return nil }
    let value = Double(whole * scale + fraction) / Double(scale)
    return negative ? -value : value
  }

  static func date(_ bytes: UnsafeBufferPointer<UInt8>) -> Double? {
    guard bytes.count == 10 else { return nil }
    func digits(_ range: Range<Int>) -> Int? {
      var value = 0
      for index in range {
        let digit = bytes[index] &- UInt8(ascii: "0")
        guard digit < 10 else { return nil }
        value = value * 10 + Int(digit)
      }
      return value
    }
    let civil: CivilDate?
    if bytes[4] == UInt8(ascii: "-"), bytes[7] == UInt8(ascii: "-") {
      guard let y = digits(0..<4), let m = digits(5..<7), let d = digits(8..<10) else { return nil }
      civil = CivilDate(year: y, month: m, day: d)
    } else if bytes[2] == UInt8(ascii: "/"), bytes[5] == UInt8(ascii: "/") {
      guard let d = digits(0..<2), let m = digits(3..<5), let y = digits(6..<10) else { return nil }
      civil = CivilDate(year: y, month: m, day: d)
    } else {
      return nil
    }
    return civil.map { Double($0.dayNumber) }
  }

  private static let truths: [[UInt8]] = ["true", "1", "oui", "o", "vrai", "yes", "y"].map { Array($0.utf8) }
  private static let falsehoods: [[UInt8]] = ["false", "0", "non", "n", "faux", "no"].map { Array($0.utf8) }

  static func boolean(_ bytes: UnsafeBufferPointer<UInt8>) -> Double? {
    guard bytes.count <= 5 else { return nil }
    func equals(_ word: [UInt8]) -> Bool {
      word.count == bytes.count
        && zip(word, bytes).allSatisfy {
          $0 == ($1 >= UInt8(ascii: "A") && $1 <= UInt8(ascii: "Z") ? $1 + 32 : $1)
        }
    }
    if truths.contains(where: equals) { return 1 }
    if falsehoods.contains(where: equals) { return 0 }
    return nil
  }

  /// A SIRET's 14 digits as a number, when its Luhn checksum holds: bytes 0–7 and 6–13 read as
  /// two words, digits and checksum computed eight at a time.
  static func siret(_ bytes: UnsafeBufferPointer<UInt8>) -> Double? {
    guard bytes.count == 14, let base = bytes.baseAddress else { return nil }
    let low = UnsafeRawPointer(base).loadUnaligned(as: UInt64.self)
    let high = UnsafeRawPointer(base + 6).loadUnaligned(as: UInt64.self)
    guard SIRETWords.areDigits(low), SIRETWords.areDigits(high) else { return nil }
    let value = SIRETWords.value(low) * 1_000_000 + SIRETWords.value(high) % 1_000_000
    // Luhn: from the right, every second digit doubled (less 9 above 9): here the even positions.
    let first = low & 0x0F0F_0F0F_0F0F_0F0F  // digits 0–7
    let last = (high & 0x0F0F_0F0F_0F0F_0F0F) >> 16  // digits 8–13, then two zero bytes
    let sum = SIRETWords.luhnSum(first) + SIRETWords.luhnSum(last)
    return sum % 10 == 0 ? Double(value) : nil
  }
}

/// Eight ASCII bytes of a SIRET at a time (first byte lowest).
enum SIRETWords {
  /// Whether all eight bytes are ASCII digits.
  @inline(__always)
  static func areDigits(_ word: UInt64) -> Bool {
    let highNibbles = word & 0xF0F0_F0F0_F0F0_F0F0
    let over9 = (word & 0x0F0F_0F0F_0F0F_0F0F) &+ 0x0606_0606_0606_0606
    return highNibbles == 0x3030_3030_3030_3030 && over9 & 0xF0F0_F0F0_F0F0_F0F0 == 0
  }

  /// The number the eight digits spell, the first the most significant.
  @inline(__always)
  static func value(_ word: UInt64) -> Int {
    var value = ((word & 0x0F0F_0F0F_0F0F_0F0F) &* 2561) &>> 8
    value = ((value & 0x00FF_00FF_00FF_00FF) &* 6_553_601) &>> 16
    return Int(truncatingIfNeeded: ((value & 0x0000_FFFF_0000_FFFF) &* 42_949_672_960_001) &>> 32)
  }

  /// The Luhn sum of digit bytes (0–9 each) whose even bytes are doubled (less 9 above 9).
  @inline(__always)
  static func luhnSum(_ digits: UInt64) -> Int {
    let doubled = digits & 0x00FF_00FF_00FF_00FF
    let kept = digits & 0xFF00_FF00_FF00_FF00
    let fiveOrMore = ((doubled &+ 0x7B7B_7B7B_7B7B_7B7B) >> 7) & 0x0001_0001_0001_0001
    let terms = (doubled << 1) &- fiveOrMore &* 9 &+ kept
    return Int(truncatingIfNeeded: (terms &* 0x0101_0101_0101_0101) >> 56)
  }
}
