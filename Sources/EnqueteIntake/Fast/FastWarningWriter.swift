import EnqueteCore

/// Words the warnings of a CSV row that the fast path accepted but for plausibility rules, exactly
/// as `ReportValidator` words them: the values the rules read are typed by the same field checker
/// and the rules explained by the same rule checker. Anything unexpected defers to the full
/// validator (nil).
struct FastWarningWriter {
  private(set) var file: String
  private var fields: FieldChecker
  private let checker: RuleChecker
  /// The survey's rules, with the variables each reads and its primary variable (computed once:
  /// `Rule` works them out at each call).
  private let rules: [Rule]
  private let variables: [[String]]
  private let primaryVariables: [String?]

  init(survey: SurveyDefinition, file: String, geography: Geography) {
    self.file = file
    fields = FieldChecker(file: file, geography: geography)
    checker = .builtIn(survey.id)
    rules = RuleSet.builtIn(survey.id).rules
    variables = rules.map(\.variables)
    primaryVariables = rules.map(\.primaryVariable)
  }

  /// The same writer, naming `file` in the warnings it words.
  func naming(_ file: String) -> FastWarningWriter {
    var writer = self
    writer.file = file
    writer.fields = FieldChecker(file: file, geography: fields.geography)
    return writer
  }

  /// The summary of an accepted report breaking the rules at `broken` in the survey's rule set
  /// (warnings only), or nil to defer.
  /// - Complexity: O(variables the rules read); only rows with warnings come here.
  func summary(
    rules broken: [Int], row: some CSVFields, line: Int, columnSlots: [Int], layout: SlotLayout,
    siret: String?,
    decode: (UnsafeBufferPointer<UInt8>) -> String?
  ) -> ValidatedReportSummary? {
    var values: [String: Value] = [:]
    var raws: [String: RawValue] = [:]
    for name in broken.flatMap({ variables[$0] }) where raws[name] == nil && values[name] == nil {
      guard let slot = layout.slot(name), let column = columnSlots.firstIndex(of: slot),
        let text = row.withField(column, decode)
      else { return nil }
      guard !Trim.whitespace(text).isEmpty else { continue }
      let raw = RawValue(text: text, line: line, column: row.column(column))
      let (value, problems) = fields.check(raw, layout.variables[slot], report: siret)
      guard problems.isEmpty, let value else { return nil }
      values[name] = value
      raws[name] = raw
    }
    var diagnostics: [Diagnostic] = []
    for index in broken {
      let rule = rules[index]
      guard let violation = checker.violation(of: rule, report: values) else { return nil }
      let primary = primaryVariables[index].flatMap { raws[$0] }
      diagnostics.append(
        Diagnostic(
          rule.severity, code: rule.kind.diagnosticCode, message: violation.message,
          location: SourceLocation(file: file, line: primary?.line ?? line, column: primary?.column),
          report: siret, variable: primaryVariables[index], rule: rule.id))
    }
    diagnostics.sort(by: ReportValidator.lineOrder)
    return ValidatedReportSummary(siret: siret, line: line, accepted: true, diagnostics: diagnostics)
  }
}
