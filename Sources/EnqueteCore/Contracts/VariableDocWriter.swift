/// Writes the documentation of a survey's variables and rules (Markdown), from the catalog and the
/// rules file, for the generated part of `Schemas/README.md`.
public struct VariableDocWriter: Sendable {
  /// The survey.
  public let survey: SurveyDefinition
  /// Its rules.
  public let rules: RuleSet

  /// A writer for one survey.
  public init(survey: SurveyDefinition, rules: RuleSet) {
    self.survey = survey
    self.rules = rules
  }

  /// The Markdown section of the survey.
  public func render() -> String {
    var out = "## \(survey.title) (`\(survey.id.rawValue)`)\n\n"
    out += "Propriétaire : \(survey.owner). Version du schéma : \(survey.schemaVersion). "
    out += "Espace de noms XML : `\(survey.namespace)`.\n\n"
    for table in survey.tables {
      out += "### Table `\(table.name)` — \(table.title)\n\n"
      out += "Clé : \(table.primaryKey.map { "`\($0)`" }.joined(separator: " + ")).\n\n"
      for (title, variables) in table.sections {
        out += "#### \(title)\n\n"
        out += "| variable | libellé | type | unité | nature | obligatoire | contraintes | règles |\n"
        out += "|---|---|---|---|---|---|---|---|\n"
        for variable in variables {
          out +=
            "| `\(variable.name)` | \(cell(variable.label)) | \(variable.type.rawValue) | \(variable.unit ?? "") "
          out += "| \(variable.nature.rawValue) | \(obligation(variable)) | \(cell(constraints(variable))) "
          out += "| \(rulesReading(variable.name, table: table)) |\n"
        }
        out += "\n"
      }
    }
    out += "### Règles de cohérence (`Schemas/v1/rules/\(survey.id.rawValue).rules.json`)\n\n"
    out += "| règle | table | nature | gravité | condition | message |\n|---|---|---|---|---|---|\n"
    for rule in rules.rules {
      var condition: String
      if rule.kind == .detailCount, let count = rule.count, let equals = rule.equals {
        condition = "nombre de lignes de `\(rule.detail ?? "")` où `\(count)` = `\(equals)`"
      } else {
        condition = "`\(rule.check.map(String.init(describing:)) ?? "")`"
      }
      if let when = rule.when { condition = "si `\(when)` : " + condition }
      out += "| `\(rule.id)` | \(rule.table) | \(rule.kind.rawValue) (`\(rule.kind.diagnosticCode)`) "
      out +=
        "| \(rule.severity == .error ? "erreur" : "avertissement") | \(cell(condition)) | \(cell(rule.message)) |\n"
    }
    return out + "\n"
  }

  private func obligation(_ variable: VariableDefinition) -> String {
    if variable.derived != nil { return "dérivée" }
    return variable.required ? "oui" : "non"
  }

  private func constraints(_ variable: VariableDefinition) -> String {
    var parts: [String] = []
    if let minimum = variable.minimum { parts.append("≥ \(Value.canonicalText(of: minimum))") }
    if let maximum = variable.maximum { parts.append("≤ \(Value.canonicalText(of: maximum))") }
    if let values = variable.enum { parts.append(values.map { "`\($0)`" }.joined(separator: ", ")) }
    if let pattern = variable.pattern { parts.append("motif `\(pattern)`") }
    switch variable.type {
    case .siret: parts.append("14 chiffres, clé de Luhn")
    case .departement: parts.append("code du référentiel")
    default: break
    }
    if let derived = variable.derived { parts.append("calculée : \(derived)") }
    if let description = variable.description { parts.append(description) }
    return parts.joined(separator: " ; ")
  }

  private func rulesReading(_ name: String, table: TableDefinition) -> String {
    rules.rules.filter { rule in
      (rule.table == table.name
        && [rule.when, rule.check, rule.equals].compactMap { $0 }.contains { $0.variables.contains(name) })
        || (rule.detail == table.name && rule.count?.variables.contains(name) == true)
    }
    .map { "`\($0.id)`" }.joined(separator: ", ")
  }

  private func cell(_ text: String) -> String { text.replacingOccurrences(of: "|", with: "\\|") }
}
