/// The result of evaluating an expression: a value, or unknown when an input was empty.
public enum Evaluated: Hashable, Sendable, CustomStringConvertible {
  /// A number (dates subtracted give days).
  case number(Double)
  /// Text.
  case string(String)
  /// A date.
  case date(CivilDate)
  /// True or false.
  case boolean(Bool)
  /// Some input was empty, or types did not fit: the rule does not apply.
  case unknown

  /// French rendering for messages (`12`, `12,5`, `05/03/2024`, `oui`, `vide`).
  public var description: String {
    switch self {
    case .number(let value): Value.canonicalText(of: value, separator: ",")
    case .string(let value): "« \(value) »"
    case .date(let value): value.french
    case .boolean(let value): value ? "oui" : "non"
    case .unknown: "vide"
    }
  }

  init(_ value: Value?) {
    switch value {
    case .integer(let number): self = .number(Double(number))
    case .number(let number): self = .number(number)
    case .string(let text): self = .string(text)
    case .date(let date): self = .date(date)
    case .boolean(let flag): self = .boolean(flag)
    case nil: self = .unknown
    }
  }
}

/// Evaluates expressions against the values of a report or a detail row.
public struct ExpressionEvaluator: Sendable {
  /// Two numbers are equal when they differ by at most this much (half a cent of euro).
  public static let tolerance = 0.005

  private let lookup: @Sendable (String) -> Value?

  /// An evaluator reading variables through `lookup` (nil for an empty variable).
  public init(lookup: @escaping @Sendable (String) -> Value?) { self.lookup = lookup }

  /// An evaluator over a dictionary of values, falling back to `parent` (a detail row reads its report).
  public init(values: [String: Value], parent: [String: Value] = [:]) {
    self.lookup = { values[$0] ?? parent[$0] }
  }

  /// The value of `expression`.
  public func evaluate(_ expression: Expression) -> Evaluated {
    switch expression {
    case .number(let value): return .number(value)
    case .string(let value): return .string(value)
    case .variable(let name): return Evaluated(lookup(name))
    case .unary(.negate, let operand):
      if case .number(let value) = evaluate(operand) { return .number(-value) }
      return .unknown
    case .unary(.not, let operand):
      if case .boolean(let value) = evaluate(operand) { return .boolean(!value) }
      return .unknown
    case .binary(let op, let lhs, let rhs):
      return binary(op, lhs, rhs)
    case .call(let function, let arguments):
      return call(function, arguments)
    }
  }

  private func binary(
    _ op: Expression.BinaryOperator, _ lhsExpression: Expression, _ rhsExpression: Expression
  )
    -> Evaluated
  {
    let lhs = evaluate(lhsExpression)
    if op == .and, lhs == .boolean(false) { return .boolean(false) }
    if op == .or, lhs == .boolean(true) { return .boolean(true) }
    let rhs = evaluate(rhsExpression)
    switch (op, lhs, rhs) {
    case (.and, _, .boolean(false)), (.or, _, .boolean(true)): return rhs
    case (.and, .boolean(let a), .boolean(let b)): return .boolean(a && b)
    case (.or, .boolean(let a), .boolean(let b)): return .boolean(a || b)
    case (.plus, .number(let a), .number(let b)): return .number(a + b)
    case (.minus, .number(let a), .number(let b)): return .number(a - b)
    case (.minus, .date(let a), .date(let b)): return .number(Double(a.dayNumber - b.dayNumber))
    case (.times, .number(let a), .number(let b)): return .number(a * b)
    case (.divide, .number(let a), .number(let b)): return b == 0 ? .unknown : .number(a / b)
    case (_, .unknown, _), (_, _, .unknown): return .unknown
    default: break
    }
    guard op.isComparison, let order = compare(lhs, rhs) else { return .unknown }
    switch op {
    case .equal: return .boolean(order == 0)
    case .notEqual: return .boolean(order != 0)
    case .less: return .boolean(order < 0)
    case .lessOrEqual: return .boolean(order <= 0)
    case .greater: return .boolean(order > 0)
    case .greaterOrEqual: return .boolean(order >= 0)
    default: return .unknown
    }
  }

  /// -1, 0 or 1, or nil when the two values cannot be compared.
  private func compare(_ lhs: Evaluated, _ rhs: Evaluated) -> Int? {
    switch (lhs, rhs) {
    case (.number(let a), .number(let b)):
      return abs(a - b) <= Self.tolerance ? 0 : (a < b ? -1 : 1)
    case (.date(let a), .date(let b)): return a == b ? 0 : (a < b ? -1 : 1)
    case (.string(let a), .string(let b)): return a == b ? 0 : (a < b ? -1 : 1)
    case (.boolean(let a), .boolean(let b)): return a == b ? 0 : (!a ? -1 : 1)
    default: return nil
    }
  }

  private func call(_ function: Expression.Function, _ arguments: [Expression]) -> Evaluated {
    switch function {
    case .present, .empty:
      guard case .variable(let name) = arguments[0] else { return .unknown }
      let isPresent = lookup(name) != nil
      return .boolean(function == .present ? isPresent : !isPresent)
    case .abs:
      if case .number(let value) = evaluate(arguments[0]) { return .number(Swift.abs(value)) }
      return .unknown
    case .year:
      if case .date(let date) = evaluate(arguments[0]) { return .number(Double(date.year)) }
      return .unknown
    case .min, .max:
      var numbers: [Double] = []
      for argument in arguments {
        guard case .number(let value) = evaluate(argument) else { return .unknown }
        numbers.append(value)
      }
      return .number(function == .min ? numbers.min()! : numbers.max()!)
    }
  }
}
