import EnqueteSchemas
import Foundation

/// A rules file that does not read: which rule, and why.
public struct RuleFileError: Error, Hashable, Sendable, CustomStringConvertible {
  /// The rule's identifier, or `file` for a problem with the file as a whole.
  public let rule: String
  /// What is wrong.
  public let reason: String
  /// `rule: reason`.
  public var description: String { "\(rule): \(reason)" }
}

/// The cross-field rules of one survey.
public struct RuleSet: Hashable, Sendable {
  /// The survey they apply to.
  public let survey: SurveyID
  /// Version of the rules file; follows the schema version.
  public let schemaVersion: String
  /// The rules, in file order.
  public let rules: [Rule]

  /// The rules compiled into the binary for `survey`.
  public static func builtIn(_ survey: SurveyID) -> RuleSet {
    switch survey {
    case .mediationFamiliale: mediationFamiliale
    case .espaceRencontre: espaceRencontre
    }
  }

  private static let mediationFamiliale = load(.mediationFamiliale)
  private static let espaceRencontre = load(.espaceRencontre)

  private static func load(_ survey: SurveyID) -> RuleSet {
    guard let bytes = SchemaSources.rules(for: survey.rawValue) else {
      preconditionFailure("no rules compiled in for \(survey.rawValue)")
    }
    do {
      return try RuleSet(json: Data(bytes), definition: .builtIn(survey))
    } catch {
      preconditionFailure("the compiled-in rules of \(survey.rawValue) do not read: \(error)")
    }
  }

  /// Reads a rules file and checks it against the survey's catalog: every expression parses, every
  /// variable exists in the table the rule reads, identifiers are unique.
  public init(json: Data, definition: SurveyDefinition) throws(RuleFileError) {
    let raw: RawRuleFile
    do {
      raw = try JSONDecoder().decode(RawRuleFile.self, from: json)
    } catch {
      throw RuleFileError(rule: "file", reason: "not a rules file: \(error)")
    }
    guard raw.survey == definition.id else {
      throw RuleFileError(
        rule: "file", reason: "rules of \(raw.survey.rawValue), catalog of \(definition.id.rawValue)")
    }
    survey = raw.survey
    schemaVersion = raw.schemaVersion
    var seen = Set<String>()
    var rules: [Rule] = []
    for entry in raw.rules {
      guard seen.insert(entry.id).inserted else {
        throw RuleFileError(rule: entry.id, reason: "duplicate id")
      }
      rules.append(try entry.rule(definition: definition))
    }
    self.rules = rules
  }

  /// The rules that check rows of `table`.
  public func rules(for table: String) -> [Rule] { rules.filter { $0.table == table } }
}

struct RawRuleFile: Decodable {
  let survey: SurveyID
  let schemaVersion: String
  let rules: [RawRule]
}

struct RawRule: Decodable {
  let id: String
  let kind: Rule.Kind
  let severity: String
  let table: String
  let when: String?
  let check: String?
  let detail: String?
  let count: String?
  let equals: String?
  let message: String

  func rule(definition: SurveyDefinition) throws(RuleFileError) -> Rule {
    func fail(_ reason: String) -> RuleFileError { RuleFileError(rule: id, reason: reason) }
    let severity: Diagnostic.Severity
    switch self.severity {
    case "error": severity = .error
    case "warning": severity = .warning
    default: throw fail("severity must be error or warning, not \(self.severity)")
    }
    guard let table = definition.table(named: table) else { throw fail("unknown table \(self.table)") }
    let parent = table.parent.flatMap { definition.table(named: $0) }
    func parse(_ text: String?, in scope: [TableDefinition]) throws(RuleFileError) -> Expression? {
      guard let text else { return nil }
      let expression: Expression
      do { expression = try ExpressionParser.parse(text) } catch { throw fail("\(error)") }
      for name in expression.variables where !scope.contains(where: { $0.variable(named: name) != nil }) {
        throw fail("\(name) is not a variable of \(scope.map(\.name).joined(separator: " or "))")
      }
      return expression
    }
    let scope = [table] + (parent.map { [$0] } ?? [])
    if kind == .detailCount {
      guard let detailName = detail, let detailTable = definition.table(named: detailName),
        detailTable.parent == table.name
      else { throw fail("detail-count needs a detail table of \(table.name)") }
      guard count != nil, equals != nil, check == nil else {
        throw fail("detail-count takes count and equals")
      }
      return Rule(
        id: id, kind: kind, severity: severity, table: table.name, when: try parse(when, in: scope),
        check: nil,
        detail: detailName, count: try parse(count, in: [detailTable, table]),
        equals: try parse(equals, in: scope),
        message: message)
    }
    guard check != nil, count == nil, equals == nil, detail == nil else {
      throw fail("\(kind.rawValue) takes check")
    }
    return Rule(
      id: id, kind: kind, severity: severity, table: table.name, when: try parse(when, in: scope),
      check: try parse(check, in: scope), detail: nil, count: nil, equals: nil, message: message)
  }
}
