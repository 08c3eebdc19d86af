import EnqueteCore

/// A rule expression compiled to a postfix program over `Double` slots.
///
/// Semantics follow `ExpressionEvaluator`: NaN is unknown, comparisons give 1 or 0 (numbers equal
/// within half a cent), `and`/`or` are three-valued. Evaluating allocates nothing.
struct RuleProgram {
  enum Op {
    case slot(Int)
    case parentSlot(Int)
    case constant(Double)
    case negate, not, abs, year
    case present(Int), parentPresent(Int)
    case add, subtract, multiply, divide
    case equal, notEqual, less, lessOrEqual, greater, greaterOrEqual
    case and, or
    case minimum(Int), maximum(Int)
  }

  let ops: [Op]

  /// Compiles `expression`; nil when the fast path cannot express it (the rule then always defers
  /// to the full validator). `layout` is the row's table, `parent` its report's (for detail rows).
  init?(_ expression: Expression, layout: SlotLayout, parent: SlotLayout? = nil) {
    var ops: [Op] = []
    func coded(_ name: String) -> [[UInt8]]? {
      if let slot = layout.slot(name) { return layout.kinds[slot] == .coded ? layout.codes[slot] : nil }
      if let parent, let slot = parent.slot(name) {
        return parent.kinds[slot] == .coded ? parent.codes[slot] : nil
      }
      return nil
    }
    func emit(_ expression: Expression) -> Bool {
      switch expression {
      case .number(let value):
        ops.append(.constant(value))
      case .string:
        return false  // only as the other side of a coded variable, handled below
      case .variable(let name):
        if let slot = layout.slot(name) {
          ops.append(.slot(slot))
        } else if let slot = parent?.slot(name) {
          ops.append(.parentSlot(slot))
        } else {
          return false
        }
      case .unary(.negate, let operand):
        guard emit(operand) else { return false }
        ops.append(.negate)
      case .unary(.not, let operand):
        guard emit(operand) else { return false }
        ops.append(.not)
      case .binary(let op, let lhs, let rhs):
        if op == .equal || op == .notEqual {
          // A coded variable against a literal: compare indices.
          if case .variable(let name) = lhs, case .string(let text) = rhs, let values = coded(name) {
            guard let index = values.firstIndex(of: Array(text.utf8)), emit(lhs) else { return false }
            ops.append(.constant(Double(index)))
            ops.append(op == .equal ? .equal : .notEqual)
            return true
          }
        }
        guard emit(lhs), emit(rhs) else { return false }
        switch op {
        case .plus: ops.append(.add)
        case .minus: ops.append(.subtract)
        case .times: ops.append(.multiply)
        case .divide: ops.append(.divide)
        case .equal: ops.append(.equal)
        case .notEqual: ops.append(.notEqual)
        case .less: ops.append(.less)
        case .lessOrEqual: ops.append(.lessOrEqual)
        case .greater: ops.append(.greater)
        case .greaterOrEqual: ops.append(.greaterOrEqual)
        case .and: ops.append(.and)
        case .or: ops.append(.or)
        }
      case .call(let function, let arguments):
        switch function {
        case .present, .empty:
          guard case .variable(let name)? = arguments.first else { return false }
          if let slot = layout.slot(name) {
            ops.append(.present(slot))
          } else if let slot = parent?.slot(name) {
            ops.append(.parentPresent(slot))
          } else {
            return false
          }
          if function == .empty { ops.append(.not) }
        case .abs, .year:
          guard emit(arguments[0]) else { return false }
          ops.append(function == .abs ? .abs : .year)
        case .min, .max:
          for argument in arguments { guard emit(argument) else { return false } }
          ops.append(function == .min ? .minimum(arguments.count) : .maximum(arguments.count))
        }
      }
      return true
    }
    guard emit(expression) else { return nil }
    self.ops = ops
  }

  /// The value of the program `ops` on a row (and its report, for detail rows); NaN when unknown.
  /// `stack` must hold as many values as the program has operations.
  /// - Complexity: O(ops).
  static func run(
    _ ops: UnsafeBufferPointer<Op>, _ row: UnsafePointer<Double>, parent: UnsafePointer<Double>,
    stack: UnsafeMutablePointer<Double>
  ) -> Double {
    var top = -1
    let tolerance = ExpressionEvaluator.tolerance
    for op in ops {
      switch op {
      case .slot(let slot):
        top += 1
        stack[top] = row[slot]
      case .parentSlot(let slot):
        top += 1
        stack[top] = parent[slot]
      case .constant(let value):
        top += 1
        stack[top] = value
      case .present(let slot):
        top += 1
        stack[top] = row[slot].isNaN ? 0 : 1
      case .parentPresent(let slot):
        top += 1
        stack[top] = parent[slot].isNaN ? 0 : 1
      case .negate: stack[top] = -stack[top]
      case .abs: stack[top] = Swift.abs(stack[top])
      case .not:
        let value = stack[top]
        stack[top] = value.isNaN ? .nan : (value == 0 ? 1 : 0)
      case .year:
        let value = stack[top]
        stack[top] = value.isNaN ? .nan : Double(CivilDate(dayNumber: Int(value)).year)
      case .minimum(let count), .maximum(let count):
        var result = stack[top - count + 1]
        for index in (top - count + 1)...top {
          let value = stack[index]
          if value.isNaN || result.isNaN {
            result = .nan
          } else if case .minimum = op {
            result = Swift.min(result, value)
          } else {
            result = Swift.max(result, value)
          }
        }
        top -= count - 1
        stack[top] = result
      default:
        let b = stack[top]
        top -= 1
        stack[top] = RuleProgram.binary(op, stack[top], b, tolerance: tolerance)
      }
    }
    return top >= 0 ? stack[top] : .nan
  }

  static func binary(_ op: Op, _ a: Double, _ b: Double, tolerance: Double) -> Double {
    switch op {
    case .and:
      if a == 0 || b == 0 { return 0 }
      return a.isNaN || b.isNaN ? .nan : 1
    case .or:
      if a == 1 || b == 1 { return 1 }
      return a.isNaN || b.isNaN ? .nan : 0
    default: break
    }
    if a.isNaN || b.isNaN { return .nan }
    switch op {
    case .add: return a + b
    case .subtract: return a - b
    case .multiply: return a * b
    case .divide: return b == 0 ? .nan : a / b
    case .equal: return Swift.abs(a - b) <= tolerance ? 1 : 0
    case .notEqual: return Swift.abs(a - b) <= tolerance ? 0 : 1
    case .less: return a < b && Swift.abs(a - b) > tolerance ? 1 : 0
    case .lessOrEqual: return a <= b || Swift.abs(a - b) <= tolerance ? 1 : 0
    case .greater: return a > b && Swift.abs(a - b) > tolerance ? 1 : 0
    case .greaterOrEqual: return a >= b || Swift.abs(a - b) <= tolerance ? 1 : 0
    default: return .nan
    }
  }
}
