/// A linear form over variables, `Σ coefficient × variable + constant`, read from a rule's
/// expression: how the rules file becomes inequalities a reader can use.
public struct LinearForm: Sendable, Hashable {
  /// The coefficient of each variable.
  public var coefficients: [String: Double]
  /// The constant term.
  public var constant: Double

  /// The form of `expression`, or `nil` when it is not linear (a function, a product of two
  /// variables, a string, a logical operator).
  public init?(_ expression: Expression) {
    switch expression {
    case .number(let value):
      coefficients = [:]
      constant = value
    case .variable(let name):
      coefficients = [name: 1]
      constant = 0
    case .unary(.negate, let operand):
      guard let form = LinearForm(operand) else { return nil }
      self = form.scaled(by: -1)
    case .binary(let operation, let left, let right):
      guard let lhs = LinearForm(left), let rhs = LinearForm(right) else { return nil }
      switch operation {
      case .plus: self = lhs.adding(rhs, times: 1)
      case .minus: self = lhs.adding(rhs, times: -1)
      case .times where lhs.coefficients.isEmpty: self = rhs.scaled(by: lhs.constant)
      case .times where rhs.coefficients.isEmpty: self = lhs.scaled(by: rhs.constant)
      case .divide where rhs.coefficients.isEmpty && rhs.constant != 0:
        self = lhs.scaled(by: 1 / rhs.constant)
      default: return nil
      }
    default:
      return nil
    }
  }

  private init(coefficients: [String: Double], constant: Double) {
    self.coefficients = coefficients
    self.constant = constant
  }

  /// This form times `factor`.
  func scaled(by factor: Double) -> LinearForm {
    LinearForm(coefficients: coefficients.mapValues { $0 * factor }, constant: constant * factor)
  }

  /// This form plus `other` times `factor`; terms that cancel are dropped.
  func adding(_ other: LinearForm, times factor: Double) -> LinearForm {
    var result = coefficients
    for (name, coefficient) in other.coefficients { result[name, default: 0] += factor * coefficient }
    return LinearForm(
      coefficients: result.filter { $0.value != 0 }, constant: constant + factor * other.constant)
  }

  /// A comparison `left op right` as `lower ≤ Σ coefficient × variable ≤ upper` (strict
  /// comparisons read as wide ones: a reader knows at least that); `nil` when not linear.
  public static func comparison(
    _ expression: Expression
  ) -> (form: LinearForm, lower: Double?, upper: Double?)? {
    guard case .binary(let operation, let left, let right) = expression, operation.isComparison,
      let lhs = LinearForm(left), let rhs = LinearForm(right)
    else { return nil }
    let difference = lhs.adding(rhs, times: -1)
    let form = LinearForm(coefficients: difference.coefficients, constant: 0)
    let bound = -difference.constant
    switch operation {
    case .equal: return (form, bound, bound)
    case .lessOrEqual, .less: return (form, nil, bound)
    case .greaterOrEqual, .greater: return (form, bound, nil)
    default: return nil
    }
  }
}
