import EnqueteCore

/// A check of the shape `a ± b ± … ⟂ c ± …` (or `a ± … ⟂ constant`) over the slots of a row (most
/// rules: sums, stocks and flows, bounds), evaluated by a tight loop instead of the postfix
/// interpreter. Each side is
/// folded left to right, as its postfix program would be, and compared by the same function, so
/// the result is the same to the last bit.
struct LinearCheck {
  /// One variable of a side, added or subtracted.
  struct Term {
    let slot: Int
    let subtracts: Bool
  }

  let left: Range<Int>
  let right: Range<Int>
  /// The right side when it is a number (then `right` is empty).
  let constant: Double?
  let comparison: RuleProgram.Op

  /// The linear form of `expression` on `layout`'s numeric slots, its terms appended to `terms`;
  /// nil for any other shape.
  init?(_ expression: Expression, layout: SlotLayout, terms: inout [Term]) {
    guard case .binary(let op, let lhs, let rhs) = expression else { return nil }
    let comparison: RuleProgram.Op
    switch op {
    case .equal: comparison = .equal
    case .notEqual: comparison = .notEqual
    case .less: comparison = .less
    case .lessOrEqual: comparison = .lessOrEqual
    case .greater: comparison = .greater
    case .greaterOrEqual: comparison = .greaterOrEqual
    default: return nil
    }
    func side(_ expression: Expression) -> [Term]? {
      switch expression {
      case .variable(let name):
        guard let slot = layout.slot(name), [.integer, .number].contains(layout.kinds[slot]) else {
          return nil
        }
        return [Term(slot: slot, subtracts: false)]
      case .binary(let op, let rest, .variable(let name)) where op == .plus || op == .minus:
        guard let head = side(rest), let last = side(.variable(name)) else { return nil }
        return head + [Term(slot: last[0].slot, subtracts: op == .minus)]
      default:
        return nil
      }
    }
    var rightTerms: [Term] = []
    if case .number(let value) = rhs {
      constant = value
    } else {
      guard let variables = side(rhs) else { return nil }
      (rightTerms, constant) = (variables, nil)
    }
    guard let leftTerms = side(lhs) else { return nil }
    left = terms.count..<(terms.count + leftTerms.count)
    terms += leftTerms
    right = terms.count..<(terms.count + rightTerms.count)
    terms += rightTerms
    self.comparison = comparison
  }

  /// 1 when the check holds, 0 when it does not, NaN when a value is unknown.
  @inline(__always)
  func run(_ terms: UnsafeBufferPointer<Term>, _ row: UnsafePointer<Double>) -> Double {
    RuleProgram.binary(
      comparison, Self.fold(terms, left, row), constant ?? Self.fold(terms, right, row),
      tolerance: ExpressionEvaluator.tolerance)
  }

  @inline(__always)
  private static func fold(
    _ terms: UnsafeBufferPointer<Term>, _ range: Range<Int>, _ row: UnsafePointer<Double>
  )
    -> Double
  {
    var total = row[terms[range.lowerBound].slot]
    for index in (range.lowerBound + 1)..<range.upperBound {
      let term = terms[index]
      total = term.subtracts ? total - row[term.slot] : total + row[term.slot]
    }
    return total
  }
}
