/// A ZIP archive of stored (uncompressed) entries, written in memory: enough for an `.xlsx`, and
/// byte-identical from run to run (every entry dated 1980-01-01 00:00, no extra fields).
struct ZipStore {
  private var data: [UInt8] = []
  private var central: [UInt8] = []
  private var count = 0

  /// Adds a file.
  mutating func add(_ path: String, _ bytes: [UInt8]) {
    let name = Array(path.utf8)
    let crc = CRC32.checksum(bytes)
    let offset = UInt32(data.count)
    // Local file header.
    append32(&data, 0x0403_4b50)
    append16(&data, 20)  // version needed
    append16(&data, 0x0800)  // UTF-8 names
    append16(&data, 0)  // stored
    append16(&data, 0)  // time 00:00
    append16(&data, 0x21)  // date 1980-01-01
    append32(&data, crc)
    append32(&data, UInt32(bytes.count))
    append32(&data, UInt32(bytes.count))
    append16(&data, UInt16(name.count))
    append16(&data, 0)
    data += name
    data += bytes
    // Central directory entry.
    append32(&central, 0x0201_4b50)
    append16(&central, 20)
    append16(&central, 20)
    append16(&central, 0x0800)
    append16(&central, 0)
    append16(&central, 0)
    append16(&central, 0x21)
    append32(&central, crc)
    append32(&central, UInt32(bytes.count))
    append32(&central, UInt32(bytes.count))
    append16(&central, UInt16(name.count))
    append16(&central, 0)
    append16(&central, 0)
    append16(&central, 0)
    append16(&central, 0)
    append32(&central, 0)
    append32(&central, offset)
    central += name
    count += 1
  }

  /// The archive's bytes.
  func bytes() -> [UInt8] {
    var out = data + central
    append32(&out, 0x0605_4b50)
    append16(&out, 0)
    append16(&out, 0)
    append16(&out, UInt16(count))
    append16(&out, UInt16(count))
    append32(&out, UInt32(central.count))
    append32(&out, UInt32(data.count))
    append16(&out, 0)
    return out
  }

  private func append16(_ out: inout [UInt8], _ value: UInt16) {
    out.append(UInt8(value & 0xff))
    out.append(UInt8(value >> 8))
  }

  private func append32(_ out: inout [UInt8], _ value: UInt32) {
    for shift in stride(from: 0, to: 32, by: 8) { out.append(UInt8((value >> UInt32(shift)) & 0xff)) }
  }
}

/// CRC-32 (IEEE 802.3), as ZIP uses it.
enum CRC32 {
  static let table: [UInt32] = (0..<256).map { index in
    var value = UInt32(index)
    for _ in 0..<8 { value = value & 1 == 1 ? 0xEDB8_8320 ^ (value >> 1) : value >> 1 }
    return value
  }

  /// The checksum of `bytes`.
  static func checksum(_ bytes: [UInt8]) -> UInt32 {
    var crc: UInt32 = 0xFFFF_FFFF
    for byte in bytes { crc = table[Int((crc ^ UInt32(byte)) & 0xff)] ^ (crc >> 8) }
    return crc ^ 0xFFFF_FFFF
  }
}
