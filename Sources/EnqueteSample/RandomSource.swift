/// A seeded pseudo-random generator (xoshiro256**), the same on every machine and Swift version.
///
/// The standard library's generator is not seedable, and `Hasher` is randomised per process; the
/// sample campaign must be byte-identical from a seed, so the generator and its derivations are here.
public struct RandomSource: RandomNumberGenerator, Sendable {
  private var state: (UInt64, UInt64, UInt64, UInt64)

  /// A generator from a seed and a label: each label gives an independent stream, so a service's
  /// figures do not depend on the order in which others were drawn.
  public init(seed: UInt64, label: String = "") {
    var mixer = seed ^ RandomSource.fnv1a(label)
    func next() -> UInt64 {
      mixer &+= 0x9E37_79B9_7F4A_7C15
      var z = mixer
      z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
      z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
      return z ^ (z >> 31)
    }
    state = (next(), next(), next(), next())
  }

  /// A derived, independent stream.
  public func derived(_ label: String) -> RandomSource {
    var copy = self
    return RandomSource(seed: copy.next(), label: label)
  }

  /// The next 64 random bits.
  public mutating func next() -> UInt64 {
    let result = rotate(state.1 &* 5, 7) &* 9
    let t = state.1 << 17
    state.2 ^= state.0
    state.3 ^= state.1
    state.1 ^= state.2
    state.0 ^= state.3
    state.2 ^= t
    state.3 = rotate(state.3, 45)
    return result
  }

  private func rotate(_ x: UInt64, _ k: UInt64) -> UInt64 { (x << k) | (x >> (64 - k)) }

  /// Uniform in [0, 1).
  public mutating func unit() -> Double { Double(next() >> 11) * 0x1.0p-53 }

  /// Uniform in [low, high).
  public mutating func uniform(_ low: Double, _ high: Double) -> Double { low + (high - low) * unit() }

  /// Uniform integer in the range.
  public mutating func integer(_ range: ClosedRange<Int>) -> Int {
    range.lowerBound + Int(next() % UInt64(range.count))
  }

  /// True with probability `p`.
  public mutating func chance(_ p: Double) -> Bool { unit() < p }

  /// Standard normal (Box–Muller).
  public mutating func normal(mean: Double = 0, deviation: Double = 1) -> Double {
    let u = max(unit(), 1e-300)
    let v = unit()
    return mean + deviation * (-2 * _log(u)).squareRoot() * _cos(2 * Double.pi * v)
  }

  /// Log-normal with median 1 and the given log-scale deviation.
  public mutating func logNormal(_ deviation: Double) -> Double { _exp(normal(deviation: deviation)) }

  /// An element chosen with probability proportional to its weight.
  public mutating func weighted<T>(_ items: [(T, Double)]) -> T {
    let total = items.reduce(0) { $0 + $1.1 }
    var draw = unit() * total
    for (item, weight) in items {
      draw -= weight
      if draw < 0 { return item }
    }
    return items[items.count - 1].0
  }

  /// The elements in a random order (Fisher–Yates).
  public mutating func shuffled<T>(_ items: [T]) -> [T] {
    var result = items
    guard result.count > 1 else { return result }
    for index in stride(from: result.count - 1, to: 0, by: -1) {
      result.swapAt(index, integer(0...index))
    }
    return result
  }

  /// 64-bit FNV-1a of the UTF-8 bytes.
  public static func fnv1a(_ text: String) -> UInt64 {
    var hash: UInt64 = 0xcbf2_9ce4_8422_2325
    for byte in text.utf8 {
      hash ^= UInt64(byte)
      hash = hash &* 0x100_0000_01b3
    }
    return hash
  }
}

#if canImport(Glibc)
  import Glibc
  private func _log(_ x: Double) -> Double { Glibc.log(x) }
  private func _exp(_ x: Double) -> Double { Glibc.exp(x) }
  private func _cos(_ x: Double) -> Double { Glibc.cos(x) }
#else
  import Darwin
  private func _log(_ x: Double) -> Double { Darwin.log(x) }
  private func _exp(_ x: Double) -> Double { Darwin.exp(x) }
  private func _cos(_ x: Double) -> Double { Darwin.cos(x) }
#endif
