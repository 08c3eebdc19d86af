/// The ways one code of a ``TableDimension`` can move while the dimension's equations still hold.
///
/// A move is a vector `z` over the dimension's codes with `z(code) = +1`, obtained from a vector
/// `w` over the inner codes by adding up (`z(c) = Σ w over the inner codes of c`), so that every
/// equation `total = Σ parts` of the dimension holds for `z`: `w = e(ℓ) − e(ℓ′)` with `ℓ` inside
/// the code and `ℓ′` outside (a sibling swap, or a swap across régions that also moves the two
/// régions), or `w = e(ℓ)` (the code and every code above it move together). The tensor product of
/// one move per dimension is a hypercube: a change of the table's cells under which every equation
/// of the crossed table still holds.
struct HypercubeMoves {
  /// One move: the codes it changes, the code itself first, and their signs (±1).
  struct Move {
    let codes: [Int]
    let signs: [Int8]
  }

  private let dimension: TableDimension
  private let innerCodes: [Int]
  private var cache: [Int: [Move]] = [:]

  /// The moves of `dimension`'s codes, computed on demand.
  init(_ dimension: TableDimension) {
    self.dimension = dimension
    innerCodes = dimension.codes.indices.filter { dimension.isInner($0) }
  }

  /// Every move of `code`, in a deterministic order (by inner code, the upward move first).
  /// - Complexity: O(inner codes of `code` × inner codes × depth) the first time, then cached.
  mutating func moves(of code: Int) -> [Move] {
    if let known = cache[code] { return known }
    let inside = Set(dimension.leaves[code])
    var result: [Move] = []
    for leaf in dimension.leaves[code] {
      let up = dimension.containing[leaf]
      result.append(Self.move(code, plus: up, minus: []))
      let upSet = Set(up)
      for other in innerCodes where !inside.contains(other) {
        let down = dimension.containing[other]
        let downSet = Set(down)
        result.append(
          Self.move(
            code, plus: up.filter { !downSet.contains($0) }, minus: down.filter { !upSet.contains($0) }))
      }
    }
    cache[code] = result
    return result
  }

  private static func move(_ code: Int, plus: [Int], minus: [Int]) -> Move {
    let others = plus.filter { $0 != code }
    return Move(
      codes: [code] + others + minus,
      signs: [1] + others.map { _ in 1 } + minus.map { _ in -1 })
  }
}
