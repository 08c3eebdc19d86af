/// An expression of the rules language, e.g. `a + b = total` or `issue = 'en_cours' and empty(date_fin)`.
///
/// The language is deliberately small: numbers, quoted strings, variable names, `+ - * /`,
/// comparisons `= != < <= > >=`, `and or not`, parentheses and a few functions (`abs`, `year`,
/// `present`, `empty`, `min`, `max`). A variable the report leaves empty makes any arithmetic or
/// comparison on it *unknown*, and a rule whose check is unknown does not apply.
public indirect enum Expression: Hashable, Sendable, CustomStringConvertible {
  /// A numeric literal.
  case number(Double)
  /// A string literal, written `'…'`.
  case string(String)
  /// A variable of the report or of the detail row.
  case variable(String)
  /// `-x` or `not x`.
  case unary(UnaryOperator, Expression)
  /// Arithmetic, comparison or logic.
  case binary(BinaryOperator, Expression, Expression)
  /// A built-in function.
  case call(Function, [Expression])

  /// Prefix operators.
  public enum UnaryOperator: String, Hashable, Sendable {
    /// Arithmetic negation.
    case negate = "-"
    /// Logical negation.
    case not = "not"
  }

  /// Infix operators, with their precedence (higher binds tighter).
  public enum BinaryOperator: String, Hashable, Sendable, CaseIterable {
    /// Logical or.
    case or
    /// Logical and.
    case and
    /// Equality (numbers within half a cent).
    case equal = "="
    /// Inequality.
    case notEqual = "!="
    /// Less than.
    case less = "<"
    /// Less than or equal.
    case lessOrEqual = "<="
    /// Greater than.
    case greater = ">"
    /// Greater than or equal.
    case greaterOrEqual = ">="
    /// Addition.
    case plus = "+"
    /// Subtraction (also days between two dates).
    case minus = "-"
    /// Multiplication.
    case times = "*"
    /// Division.
    case divide = "/"

    var precedence: Int {
      switch self {
      case .or: 1
      case .and: 2
      case .equal, .notEqual, .less, .lessOrEqual, .greater, .greaterOrEqual: 3
      case .plus, .minus: 4
      case .times, .divide: 5
      }
    }

    /// Whether it compares two values.
    public var isComparison: Bool { precedence == 3 }
  }

  /// Built-in functions.
  public enum Function: String, Hashable, Sendable, CaseIterable {
    /// Absolute value.
    case abs
    /// The year of a date.
    case year
    /// True when the variable has a value.
    case present
    /// True when the variable is empty.
    case empty
    /// The smallest of its arguments.
    case min
    /// The largest of its arguments.
    case max

    var arity: ClosedRange<Int> {
      switch self {
      case .abs, .year, .present, .empty: 1...1
      case .min, .max: 1...32
      }
    }
  }

  /// Every variable the expression reads, in order of first appearance.
  public var variables: [String] {
    var seen: [String] = []
    func walk(_ expression: Expression) {
      switch expression {
      case .number, .string: break
      case .variable(let name): if !seen.contains(name) { seen.append(name) }
      case .unary(_, let operand): walk(operand)
      case .binary(_, let lhs, let rhs):
        walk(lhs)
        walk(rhs)
      case .call(_, let arguments): arguments.forEach(walk)
      }
    }
    walk(self)
    return seen
  }

  /// The expression written back in the rules language, with only the parentheses it needs.
  public var description: String { render(parentPrecedence: 0) }

  private func render(parentPrecedence: Int) -> String {
    switch self {
    case .number(let value): return Value.canonicalText(of: value)
    case .string(let value): return "'\(value)'"
    case .variable(let name): return name
    case .unary(.negate, let operand): return "-" + operand.render(parentPrecedence: 6)
    case .unary(.not, let operand): return "not " + operand.render(parentPrecedence: 6)
    case .call(let function, let arguments):
      return
        "\(function.rawValue)(\(arguments.map { $0.render(parentPrecedence: 0) }.joined(separator: ", ")))"
    case .binary(let op, let lhs, let rhs):
      let text =
        "\(lhs.render(parentPrecedence: op.precedence)) \(op.rawValue) \(rhs.render(parentPrecedence: op.precedence + 1))"
      return op.precedence < parentPrecedence ? "(\(text))" : text
    }
  }
}
