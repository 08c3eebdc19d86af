/// How the fast path reads one CSV column straight from the text (`FastReportChecker.checkLine`):
/// its slot and kind, and what its value must satisfy, side by side so that reading a row walks
/// one flat array and judges each value as it is read.
struct ColumnPlan {
  /// The variable's slot, or -1 for a column the survey does not know (skipped).
  let slot: Int
  let kind: SlotLayout.Kind
  /// Whether the column is the report's SIRET (its table slot is fetched ahead of the lookup).
  let isSiret: Bool
  /// Whether the variable must not be empty.
  let isRequired: Bool
  /// The variable's bounds (infinite when none).
  let minimum: Double
  let maximum: Double

  init(slot: Int, layout: SlotLayout, siretSlot: Int?, required: Set<Int>) {
    self.slot = slot
    kind = slot >= 0 ? layout.kinds[slot] : .text
    isSiret = slot >= 0 && slot == siretSlot
    isRequired = slot >= 0 && required.contains(slot)
    minimum = slot >= 0 ? layout.minimum[slot] : -.infinity
    maximum = slot >= 0 ? layout.maximum[slot] : .infinity
  }

  /// Whether `value` may stand in the column's slot: within bounds, or empty (NaN) when the
  /// variable is not required (what the row path checks slot by slot once the row is read).
  @inline(__always)
  func admits(_ value: Double) -> Bool {
    value.isNaN ? !isRequired : value >= minimum && value <= maximum
  }
}

/// How the fast path judges a text field's bytes beyond ASCII: as the file's encoding decided so
/// far, or not at all while it is undecided (the reader then decides it on the usual path).
public enum FastTextEncoding: Sendable {
  /// No non-ASCII field yet: a non-ASCII field is left to the usual path.
  case undecided
  /// UTF-8 (with or without byte-order mark, or UTF-16 transcoded).
  case utf8
  /// Windows-1252: every byte but the five the code page leaves undefined.
  case windows1252
}

extension FastValueReader {
  /// Whether `bytes` are text in `encoding` (as `FieldDecoder.isText` says once it is decided).
  static func isText(_ bytes: UnsafeBufferPointer<UInt8>, _ encoding: FastTextEncoding) -> Bool {
    switch encoding {
    case .undecided: return !bytes.contains { $0 >= 0x80 }
    case .utf8: return isUTF8(bytes)
    case .windows1252:
      return !bytes.contains { $0 == 0x81 || $0 == 0x8D || $0 == 0x8F || $0 == 0x90 || $0 == 0x9D }
    }
  }

  /// Whether `bytes` are well-formed UTF-8 (Unicode's table 3-7: no overlong form, no surrogate,
  /// nothing past U+10FFFF).
  static func isUTF8(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
    guard let base = bytes.baseAddress else { return true }
    var index = 0
    let count = bytes.count
    func continuation(_ offset: Int, _ low: UInt8 = 0x80, _ high: UInt8 = 0xBF) -> Bool {
      index + offset < count && base[index + offset] >= low && base[index + offset] <= high
    }
    while index < count {
      // ASCII eight bytes at a time, between (and before) multibyte characters.
      while index + 8 <= count,
        UnsafeRawPointer(base + index).loadUnaligned(as: UInt64.self) & 0x8080_8080_8080_8080 == 0
      {
        index += 8
      }
      guard index < count else { break }
      let lead = base[index]
      let length: Int
      switch lead {
      case 0x00...0x7F: length = 1
      case 0xC2...0xDF: length = continuation(1) ? 2 : 0
      case 0xE0: length = continuation(1, 0xA0) && continuation(2) ? 3 : 0
      case 0xE1...0xEC, 0xEE...0xEF: length = continuation(1) && continuation(2) ? 3 : 0
      case 0xED: length = continuation(1, 0x80, 0x9F) && continuation(2) ? 3 : 0
      case 0xF0: length = continuation(1, 0x90) && continuation(2) && continuation(3) ? 4 : 0
      case 0xF1...0xF3: length = continuation(1) && continuation(2) && continuation(3) ? 4 : 0
      case 0xF4: length = continuation(1, 0x80, 0x8F) && continuation(2) && continuation(3) ? 4 : 0
      default: length = 0
      }
      guard length > 0 else { return false }
      index += length
    }
    return true
  }
}
