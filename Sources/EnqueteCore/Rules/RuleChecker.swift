/// A rule that a report (or one of its detail rows) breaks.
public struct RuleViolation: Hashable, Sendable {
  /// The rule.
  public let rule: Rule
  /// Index of the detail row, for rules on detail rows.
  public let detailRow: Int?
  /// What was found, in French: each side of the check with its value.
  public let found: String

  /// The French message for the sender: the rule's message, then what was found.
  public var message: String { "\(rule.message) Trouvé : \(found)." }
}

/// Applies a survey's rules to a report and its detail rows.
public struct RuleChecker: Sendable {
  /// The rules applied.
  public let rules: RuleSet

  /// For each rule whose check compares two sides: what `describe` says of each side, computed once
  /// (rendering expressions is the costly part of wording a violation).
  private let sides: [String: [(label: String, expression: Expression)]]

  /// The checker of a survey's built-in rules, made once for the process (a validator is made per
  /// file, and working out how each rule's sides are described is the costly part).
  public static func builtIn(_ survey: SurveyID) -> RuleChecker {
    switch survey {
    case .mediationFamiliale: mediationFamiliale
    case .espaceRencontre: espaceRencontre
    }
  }

  private static let mediationFamiliale = RuleChecker(rules: .builtIn(.mediationFamiliale))
  private static let espaceRencontre = RuleChecker(rules: .builtIn(.espaceRencontre))

  /// A checker of `rules`.
  public init(rules: RuleSet) {
    self.rules = rules
    var sides: [String: [(label: String, expression: Expression)]] = [:]
    for rule in rules.rules {
      guard let check = rule.check, case .binary(let op, let lhs, let rhs) = check, op.isComparison else {
        continue
      }
      sides[rule.id] = [lhs, rhs].filter { if case .number = $0 { false } else { true } }.map { side in
        if case .variable = side { return ("\(side)", side) }
        if side.variables.count == 1 { return (side.variables[0], .variable(side.variables[0])) }
        return ("\(side)", side)
      }
    }
    self.sides = sides
  }

  /// Every rule the report breaks: report rules first, then detail rows in order, then detail counts.
  ///
  /// `detail` maps a detail table's name to its rows; a detail-count rule applies only when the
  /// report came with that detail.
  /// - Complexity: O(rules × rows).
  public func violations(
    report: [String: Value], reportTable: String = "rapport", detail: [String: [[String: Value]]] = [:]
  ) -> [RuleViolation] {
    var violations: [RuleViolation] = []
    let evaluator = ExpressionEvaluator(values: report)
    for rule in rules.rules(for: reportTable) where rule.kind != .detailCount {
      if let violation = check(rule, evaluator: evaluator, row: nil) { violations.append(violation) }
    }
    for (table, rows) in detail.sorted(by: { $0.key < $1.key }) {
      let rowRules = rules.rules(for: table)
      for (index, row) in rows.enumerated() {
        let rowEvaluator = ExpressionEvaluator(values: row, parent: report)
        for rule in rowRules {
          if let violation = check(rule, evaluator: rowEvaluator, row: index) { violations.append(violation) }
        }
      }
    }
    for rule in rules.rules(for: reportTable) where rule.kind == .detailCount {
      guard let table = rule.detail, let rows = detail[table], let filter = rule.count,
        let equals = rule.equals
      else { continue }
      if let when = rule.when, evaluator.evaluate(when) != .boolean(true) { continue }
      guard case .number(let expected) = evaluator.evaluate(equals) else { continue }
      let counted = rows.count {
        ExpressionEvaluator(values: $0, parent: report).evaluate(filter) == .boolean(true)
      }
      if abs(Double(counted) - expected) > ExpressionEvaluator.tolerance {
        let found =
          "le détail compte \(counted) ligne(s) ; le rapport indique \(equals) = \(Evaluated.number(expected))"
        violations.append(RuleViolation(rule: rule, detailRow: nil, found: found))
      }
    }
    return violations
  }

  /// The violation of one report rule (not a detail count) by a report's values, or nil when it holds.
  public func violation(of rule: Rule, report: [String: Value]) -> RuleViolation? {
    check(rule, evaluator: ExpressionEvaluator(values: report), row: nil)
  }

  /// The violation of one non-counting rule by one row, or nil when it holds or does not apply.
  private func check(_ rule: Rule, evaluator: ExpressionEvaluator, row: Int?) -> RuleViolation? {
    if let when = rule.when, evaluator.evaluate(when) != .boolean(true) { return nil }
    guard let check = rule.check, evaluator.evaluate(check) == .boolean(false) else { return nil }
    let found =
      sides[rule.id].map { sides in
        sides.map { "\($0.label) = \(evaluator.evaluate($0.expression))" }.joined(separator: " ; ")
      } ?? describe(check, evaluator: evaluator)
    return RuleViolation(rule: rule, detailRow: row, found: found)
  }

  /// Each side of a comparison with its value (`a + b = 12 ; total = 13`), or the variables read.
  private func describe(_ expression: Expression, evaluator: ExpressionEvaluator) -> String {
    if case .binary(let op, let lhs, let rhs) = expression, op.isComparison {
      return [lhs, rhs].filter { if case .number = $0 { false } else { true } }
        .map { side in
          if case .variable = side { return "\(side) = \(evaluator.evaluate(side))" }
          if side.variables.count == 1 {
            return "\(side.variables[0]) = \(evaluator.evaluate(.variable(side.variables[0])))"
          }
          return "\(side) = \(evaluator.evaluate(side))"
        }
        .joined(separator: " ; ")
    }
    return expression.variables.map { "\($0) = \(evaluator.evaluate(.variable($0)))" }.joined(
      separator: " ; ")
  }
}
