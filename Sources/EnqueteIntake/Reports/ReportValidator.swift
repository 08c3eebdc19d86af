import EnqueteCore

/// Validates reports of one survey and campaign: each value against its variable, required
/// variables, the campaign year, keys within the file, then the cross-field rules of the rules file.
///
/// Feed it the reports of one file in order: it remembers their SIRETs to find duplicates.
public struct ReportValidator: Sendable {
  /// The survey.
  public let survey: SurveyDefinition
  /// The year of the campaign, when known (reports of another year are refused).
  public let campaignYear: Int?
  /// The file, as diagnostics name it.
  public let file: String
  /// The file holding the per-measure detail, when it is not `file` (a `-mesures.csv`).
  public let detailFile: String?

  private let fields: FieldChecker
  private let detailFields: FieldChecker
  private let checker: RuleChecker
  private let geography: Geography
  /// SIRETs met so far in the file (shared with the fast path).
  public let sirets: SiretRegistry

  /// A validator for the reports of `file`.
  public init(
    survey: SurveyID, campaignYear: Int?, file: String, detailFile: String? = nil,
    geography: Geography = .reference, sirets: SiretRegistry = SiretRegistry()
  ) {
    self.sirets = sirets
    self.survey = .builtIn(survey)
    self.campaignYear = campaignYear
    self.file = file
    self.detailFile = detailFile
    self.geography = geography
    fields = FieldChecker(file: file, geography: geography)
    detailFields = FieldChecker(file: detailFile ?? file, geography: geography)
    checker = .builtIn(survey)
  }

  /// Validates one report read from the file.
  /// - Complexity: O(variables + rules × detail rows).
  public mutating func validate(_ raw: RawReport) -> ValidatedReport {
    let siret = raw.siret.map { FrenchValueParser.stripGroups($0) }
    var diagnostics = raw.diagnostics
    let alreadySaid = Set(raw.diagnostics.filter { $0.severity == .error }.compactMap(\.variable))
    func keep(_ found: [Diagnostic]) {
      diagnostics += found.filter { !($0.severity == .error && alreadySaid.contains($0.variable ?? "")) }
    }

    var values = typed(raw.record, table: survey.report, checker: fields, report: siret, keep: keep)
    if let code = values["departement_code"].flatMap({ if case .string(let c) = $0 { c } else { nil } }),
      let departement = geography.departement(code: code),
      survey.report.variable(named: "cour_appel_code") != nil
    {
      values["cour_appel_code"] = .string(departement.courAppelCode)
    }
    if let campaignYear, case .integer(let year)? = values["annee"], year != campaignYear {
      keep([
        Diagnostic(
          .error, code: "validate.wrong-year",
          message: "Ce rapport porte sur l'année \(year), la campagne est celle de \(campaignYear).",
          location: location(raw.record.values["annee"], fallback: raw.record.line), report: siret,
          variable: "annee")
      ])
    }
    if let siret, !siret.isEmpty, let first = sirets.firstLine(of: siret, recordingAt: raw.record.line) {
      keep([
        Diagnostic(
          .error, code: "validate.duplicate-key",
          message:
            "Un autre rapport du même SIRET figure déjà dans ce fichier (ligne \(first)) : un seul rapport par service.",
          location: location(raw.record.values["siret"], fallback: raw.record.line), report: siret,
          variable: "siret")
      ])
    }
    var detail: [[String: Value]] = []
    var detailLines: [Int] = []
    if let table = survey.detail, !raw.detail.isEmpty {
      var identifiers: [String: Int] = [:]
      for row in raw.detail {
        var typedRow = typed(
          row, table: table, checker: detailFields, report: siret, keep: keep, skip: ["siret"])
        typedRow["siret"] = siret.map(Value.string)
        if case .string(let identifier)? = typedRow["mesure_id"] {
          if let first = identifiers[identifier] {
            keep([
              Diagnostic(
                .error, code: "validate.duplicate-key",
                message:
                  "La mesure \(identifier) figure deux fois dans le détail de ce rapport (déjà ligne \(first)).",
                location: .init(file: detailFile ?? file, line: row.line), report: siret,
                variable: "mesure_id")
            ])
          } else {
            identifiers[identifier] = row.line
          }
        }
        detail.append(typedRow)
        detailLines.append(row.line)
      }
    }
    let detailByTable = survey.detail.map { detail.isEmpty ? [:] : [$0.name: detail] } ?? [:]
    for violation in checker.violations(report: values, detail: detailByTable) {
      let rule = violation.rule
      let place: SourceLocation
      if let row = violation.detailRow {
        place = SourceLocation(file: detailFile ?? file, line: detailLines[row])
      } else {
        place = location(rule.primaryVariable.flatMap { raw.record.values[$0] }, fallback: raw.record.line)
      }
      keep([
        Diagnostic(
          rule.severity, code: rule.kind.diagnosticCode, message: violation.message, location: place,
          report: siret,
          variable: rule.primaryVariable, rule: rule.id)
      ])
    }
    diagnostics.sort(by: Self.lineOrder)
    return ValidatedReport(
      siret: siret, line: raw.record.line, values: values, detail: detail, diagnostics: diagnostics)
  }

  private func typed(
    _ record: RawRecord, table: TableDefinition, checker: FieldChecker, report: String?,
    keep: ([Diagnostic]) -> Void,
    skip: Set<String> = []
  ) -> [String: Value] {
    var values: [String: Value] = [:]
    for variable in table.submittedVariables where !skip.contains(variable.name) {
      guard let raw = record.values[variable.name], !Trim.whitespace(raw.text).isEmpty
      else {
        if variable.required {
          keep([
            Diagnostic(
              .error, code: "validate.required",
              message: "La variable obligatoire \(variable.name) (\(variable.label)) n'est pas renseignée.",
              location: .init(file: checker.file, line: record.line), report: report, variable: variable.name)
          ])
        }
        continue
      }
      let (value, problems) = checker.check(raw, variable, report: report)
      keep(problems)
      if let value { values[variable.name] = value }
    }
    return values
  }

  /// The order of a report's diagnostics: by file, then line.
  static func lineOrder(_ a: Diagnostic, _ b: Diagnostic) -> Bool {
    (a.location.file, a.location.line ?? 0) < (b.location.file, b.location.line ?? 0)
  }

  private func location(_ raw: RawValue?, fallback line: Int) -> SourceLocation {
    SourceLocation(file: file, line: raw?.line ?? line, column: raw?.column)
  }
}
