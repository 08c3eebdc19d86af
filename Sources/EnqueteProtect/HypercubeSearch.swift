/// A hypercube through one cell: the cells that change together, and how far they can.
struct Hypercube {
  /// The cells, the protected cell first.
  var cells: [Int]
  /// Each cell's sign relative to the protected cell (+1 moves with it, −1 against it).
  var signs: [Int8]
  /// What hiding the cube's publishable cells costs.
  var cost: Double
  /// How far the protected cell can rise: the least value left among the cells of sign −1.
  var upCapacity: Double
  /// How far it can fall: the least value left among the cells of sign +1.
  var downCapacity: Double
}

/// Finds the cheapest hypercube through a cell of a ``CrossedTable``: one move per dimension
/// (``HypercubeMoves``), their product changing every equation by zero.
///
/// Each dimension keeps its `width` moves of cheapest line (the cells of the move with the other
/// dimensions at the cell's own codes); the products of those are searched exhaustively, in a
/// fixed order, so the answer is deterministic.
struct HypercubeSearch {
  let crossed: CrossedTable
  private var moves: [HypercubeMoves]
  private let width: Int

  /// A search over `crossed`, trying about `combinations` products per cell.
  init(_ crossed: CrossedTable, combinations: Int = 4_000) {
    self.crossed = crossed
    moves = crossed.dimensions.map(HypercubeMoves.init)
    var width = 4
    while (0..<crossed.dimensions.count).reduce(1, { product, _ in product * (width + 1) }) <= combinations {
      width += 1
    }
    self.width = width
  }

  /// The hypercube through `cell` of least `cost / coverage`, where coverage is the share of the
  /// needed rise (`need.up`) and fall (`need.down`) it gives (at most 1); `nil` when none is possible.
  ///
  /// `cellCost[i]` is 0 for a hidden cell, `.infinity` for one that may not be hidden (with
  /// `hiddenOnly`, every cell not already hidden is treated so); `residual`
  /// gives what is left of a cell's value for this cell's rise (`up`) and fall.
  /// - Complexity: O(Σ moves per dimension + width^dimensions × cube size).
  mutating func cheapest(
    through cell: Int, need: (up: Double, down: Double), cellCost: [Double], hiddenOnly: Bool = false,
    residual: (_ cell: Int, _ up: Bool) -> Double
  ) -> Hypercube? {
    let limit = hiddenOnly ? 0 : Double.infinity
    let positions = crossed.positions(of: cell)
    var kept: [[HypercubeMoves.Move]] = []
    for (dimension, position) in positions.enumerated() {
      let stride = crossed.strides[dimension]
      let all = moves[dimension].moves(of: position)
      var scored: [(cost: Double, order: Int)] = []
      for (order, move) in all.enumerated() {
        var cost = 0.0
        for code in move.codes.dropFirst() { cost += cellCost[cell + (code - position) * stride] }
        if cost.isFinite && cost <= limit { scored.append((cost, order)) }
      }
      scored.sort { $0.cost != $1.cost ? $0.cost < $1.cost : $0.order < $1.order }
      kept.append(scored.prefix(width).map { all[$0.order] })
      if kept[dimension].isEmpty { return nil }
    }
    var best: Hypercube?
    var bestScore = Double.infinity
    var bestCoverage = 0.0
    var prefix: [(offset: Int, sign: Int8)] = [(0, 1)]
    func extend(_ dimension: Int) {
      let stride = crossed.strides[dimension]
      let saved = prefix
      for move in kept[dimension] {
        prefix = []
        prefix.reserveCapacity(saved.count * move.codes.count)
        for (offset, sign) in saved {
          for (code, codeSign) in zip(move.codes, move.signs) {
            prefix.append((offset + code * stride, sign * codeSign))
          }
        }
        if dimension + 1 < kept.count {
          extend(dimension + 1)
        } else {
          evaluate()
        }
      }
      prefix = saved
    }
    func evaluate() {
      var cost = 0.0
      var up = Double.infinity
      var down = Double.infinity
      for (offset, sign) in prefix {
        cost += cellCost[offset]
        if cost > bestScore || cost > limit { return }
        if sign < 0 {
          up = min(up, residual(offset, true))
        } else {
          down = min(down, residual(offset, false))
        }
      }
      let coverage = min(1, need.up > 0 ? up / need.up : 1, need.down > 0 ? down / need.down : 1)
      guard coverage > 1e-9 else { return }
      let score = cost / coverage
      guard score < bestScore || (score == bestScore && coverage > bestCoverage) else { return }
      bestScore = score
      bestCoverage = coverage
      best = Hypercube(
        cells: prefix.map(\.offset), signs: prefix.map(\.sign), cost: cost, upCapacity: up, downCapacity: down
      )
    }
    extend(0)
    return best
  }
}
