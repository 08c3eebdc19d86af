/// Splits whole numbers by weights so that the parts add up exactly (largest remainder method).
///
/// Used everywhere a total must equal the sum of its breakdown: national totals over services, a
/// service's total over its categories.
enum Apportionment {
  /// `total` split in proportion to `weights`; the parts sum to `total` exactly.
  /// - Complexity: O(n log n) for n weights.
  static func split(_ total: Int, weights: [Double]) -> [Int] {
    guard !weights.isEmpty else { return [] }
    let sum = weights.reduce(0, +)
    guard sum > 0, total > 0 else { return Array(repeating: 0, count: weights.count) + [] }
    let exact = weights.map { Double(total) * $0 / sum }
    var parts = exact.map { Int($0.rounded(.down)) }
    let missing = total - parts.reduce(0, +)
    let order = exact.indices.sorted { lhs, rhs in
      let a = exact[lhs] - Double(parts[lhs])
      let b = exact[rhs] - Double(parts[rhs])
      return a != b ? a > b : lhs < rhs
    }
    for index in order.prefix(missing) { parts[index] += 1 }
    return parts
  }

  /// `total` split by `shares` each perturbed by log-normal noise of deviation `noise`.
  static func noisySplit(_ total: Int, shares: [Double], noise: Double, random: inout RandomSource) -> [Int] {
    split(total, weights: shares.map { $0 * random.logNormal(noise) })
  }
}
