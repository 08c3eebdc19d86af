internal import CSHA256

/// SHA-256 (FIPS 180-4): the fingerprint under which the ledger keeps every submitted file.
///
/// Foundation on Linux has no CryptoKit; this small streaming implementation spares the package a
/// dependency on BoringSSL for one hash. Blocks are compressed by the processor's SHA extensions
/// where it has them (`CSHA256`, about six times as fast), else in portable Swift. Tests hold both
/// against the FIPS vectors, `sha256sum` and each other.
public struct SHA256: Sendable {
  private var state: (UInt32, UInt32, UInt32, UInt32, UInt32, UInt32, UInt32, UInt32) = (
    0x6a09_e667, 0xbb67_ae85, 0x3c6e_f372, 0xa54f_f53a, 0x510e_527f, 0x9b05_688c, 0x1f83_d9ab, 0x5be0_cd19
  )
  private var pending: [UInt8] = []
  private var length: UInt64 = 0
  /// Whether blocks go to the processor's SHA extensions.
  private let usesExtensions: Bool

  /// Whether this processor has the SHA extensions the hash uses when it can.
  static let processorHasExtensions = enquete_sha256_has_extensions() != 0

  /// A hash of nothing yet.
  public init() { self.init(portable: false) }

  /// A hash of nothing yet; `portable` keeps to the Swift implementation (what tests compare the
  /// processor's extensions with).
  init(portable: Bool) {
    pending.reserveCapacity(64)
    usesExtensions = !portable && Self.processorHasExtensions
  }

  /// The lowercase hexadecimal digest of `bytes`.
  ///
  /// - Complexity: O(n) in the number of bytes.
  public static func hex(_ bytes: some Collection<UInt8>) -> String {
    var hash = SHA256()
    hash.update(Array(bytes))
    return hash.finalizeHex()
  }

  /// Adds `bytes` to what is hashed.
  ///
  /// - Complexity: O(n) in the number of bytes.
  public mutating func update(_ bytes: [UInt8]) {
    length &+= UInt64(bytes.count)
    var start = 0
    if !pending.isEmpty {
      let take = min(64 - pending.count, bytes.count)
      pending += bytes[0..<take]
      start = take
      if pending.count == 64 {
        pending.withUnsafeBufferPointer { compress(blocks: 1, at: $0.baseAddress!) }
        pending.removeAll(keepingCapacity: true)
      }
    }
    bytes.withUnsafeBufferPointer { buffer in
      let blocks = (buffer.count - start) / 64
      guard blocks > 0 else { return }
      compress(blocks: blocks, at: buffer.baseAddress! + start)
      start += 64 * blocks
    }
    if start < bytes.count { pending += bytes[start...] }
  }

  /// The digest, as 64 lowercase hexadecimal digits; the hash is spent.
  public mutating func finalizeHex() -> String {
    let bitLength = length &* 8
    var tail = pending
    tail.append(0x80)
    while tail.count % 64 != 56 { tail.append(0) }
    for shift in stride(from: 56, through: 0, by: -8) {
      tail.append(UInt8(truncatingIfNeeded: bitLength >> shift))
    }
    tail.withUnsafeBufferPointer { buffer in
      compress(blocks: buffer.count / 64, at: buffer.baseAddress!)
    }
    pending = []
    let words = [state.0, state.1, state.2, state.3, state.4, state.5, state.6, state.7]
    let digits = Array("0123456789abcdef".utf8)
    var text: [UInt8] = []
    text.reserveCapacity(64)
    for word in words {
      for shift in stride(from: 28, through: 0, by: -4) {
        text.append(digits[Int((word >> UInt32(shift)) & 0xf)])
      }
    }
    return String(decoding: text, as: UTF8.self)
  }

  /// Compresses `blocks` consecutive 64-byte blocks into the state.
  private mutating func compress(blocks: Int, at start: UnsafePointer<UInt8>) {
    if usesExtensions {
      withUnsafeMutableBytes(of: &state) { words in
        enquete_sha256_blocks(words.baseAddress!.assumingMemoryBound(to: UInt32.self), start, blocks)
      }
    } else {
      for block in 0..<blocks { compress(start + 64 * block) }
    }
  }

  private mutating func compress(_ block: UnsafePointer<UInt8>) {
    withUnsafeTemporaryAllocation(of: UInt32.self, capacity: 64) { w in
      for t in 0..<16 {
        let base = block + 4 * t
        w[t] = UInt32(base[0]) << 24 | UInt32(base[1]) << 16 | UInt32(base[2]) << 8 | UInt32(base[3])
      }
      for t in 16..<64 {
        let s0 = rotr(w[t - 15], 7) ^ rotr(w[t - 15], 18) ^ (w[t - 15] >> 3)
        let s1 = rotr(w[t - 2], 17) ^ rotr(w[t - 2], 19) ^ (w[t - 2] >> 10)
        w[t] = w[t - 16] &+ s0 &+ w[t - 7] &+ s1
      }
      var (a, b, c, d, e, f, g, h) = state
      // The 64 round constants, shared with the C implementation.
      let k = enquete_sha256_round_constants()!
      for t in 0..<64 {
        let s1 = rotr(e, 6) ^ rotr(e, 11) ^ rotr(e, 25)
        let choice = (e & f) ^ (~e & g)
        let t1 = h &+ s1 &+ choice &+ k[t] &+ w[t]
        let s0 = rotr(a, 2) ^ rotr(a, 13) ^ rotr(a, 22)
        let majority = (a & b) ^ (a & c) ^ (b & c)
        let t2 = s0 &+ majority
        (h, g, f, e, d, c, b, a) = (g, f, e, d &+ t1, c, b, a, t1 &+ t2)
      }
      state = (
        state.0 &+ a, state.1 &+ b, state.2 &+ c, state.3 &+ d, state.4 &+ e, state.5 &+ f, state.6 &+ g,
        state.7 &+ h
      )
    }
  }
}

@inline(__always) private func rotr(_ value: UInt32, _ count: UInt32) -> UInt32 {
  (value >> count) | (value << (32 - count))
}
