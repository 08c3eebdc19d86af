extension PublicationPlan {
  /// What is wrong with the plan against its survey's catalog, in English (for the developer who
  /// edits the plan); empty when the plan is usable.
  ///
  /// Checks that every table names a known rule, known additive variables (count or magnitude,
  /// or a derived variable), levels the plan declares, a département level under a service
  /// level; that a variable shared by tables gets one rule; that indicators depend on variables
  /// the plan publishes.
  public func problems(catalog: SurveyDefinition) -> [String] {
    var problems: [String] = []
    let derived = Set(derivedVariables.map(\.name) + (waitClasses?.variables ?? []))
    func isAdditive(_ name: String) -> Bool {
      if derived.contains(name) { return true }
      guard let variable = catalog.report.variable(named: name) else { return false }
      return variable.nature == .count || variable.nature == .magnitude
    }
    for fact in readerFacts ?? [] {
      guard let expression = try? ExpressionParser.parse(fact.check), LinearForm.comparison(expression) != nil
      else {
        problems.append("reader fact \(fact.id): not a linear comparison")
        continue
      }
      for name in expression.variables where !isAdditive(name) {
        problems.append("reader fact \(fact.id): \(name) is not an additive variable")
      }
    }
    for variable in derivedVariables {
      for part in variable.sumOf where !isAdditive(part) {
        problems.append("derived variable \(variable.name): \(part) is not an additive variable")
      }
    }
    // Imputed figures are flagged in every file: the plan must publish how many services are
    // imputed (`nb_services_imputes`, the name readers look for) wherever it publishes respondents.
    if let imputation {
      if imputation.method != "carried-forward" {
        problems.append("imputation: unknown method \(imputation.method)")
      }
      let respondents = Set(indicators.filter { $0.kind == .services }.flatMap(\.levels))
      let imputed = indicators.first { $0.kind == .imputedServices }
      if imputed?.id != "nb_services_imputes" || !respondents.isSubset(of: Set(imputed?.levels ?? [])) {
        problems.append(
          "imputation: an indicator nb_services_imputes (kind imputed-services) must be published wherever nb_services is"
        )
      }
    }
    var ruleOfVariable: [String: String] = [:]
    var tableIDs = Set<String>()
    for table in tables {
      if !tableIDs.insert(table.id).inserted { problems.append("table \(table.id) is declared twice") }
      if rules[table.rule] == nil { problems.append("table \(table.id): unknown rule \(table.rule)") }
      for level in table.levels where !levels.contains(level) {
        problems.append("table \(table.id): level \(level.rawValue) is not among the plan's levels")
      }
      if table.levels.contains(.service) && !table.levels.contains(.departement) {
        problems.append("table \(table.id): a service level needs the département level")
      }
      if (table.variables == nil) == (table.categories == nil || table.total == nil) {
        problems.append("table \(table.id): give either variables, or a total and categories")
      }
      for column in table.columns {
        if !isAdditive(column.variable) {
          problems.append("table \(table.id): \(column.variable) is not an additive variable")
        }
        if let other = ruleOfVariable.updateValue(table.rule, forKey: column.variable), other != table.rule {
          problems.append("variable \(column.variable) is under rules \(other) and \(table.rule)")
        }
      }
    }
    for indicator in indicators {
      for variable in indicator.dependencies where ruleOfVariable[variable] == nil {
        problems.append("indicator \(indicator.id): \(variable) is in no published table")
      }
      if [.share, .ratio].contains(indicator.kind)
        && (indicator.numerator?.isEmpty ?? true || indicator.denominator == nil)
      {
        problems.append("indicator \(indicator.id): a share or ratio needs a numerator and a denominator")
      }
      if tableIDs.contains(indicator.id) {
        problems.append("indicator \(indicator.id) has a table's identifier")
      }
    }
    return problems
  }

  /// The rule of every published variable (by the table it appears in).
  public var ruleByVariable: [String: String] {
    var result: [String: String] = [:]
    for table in tables {
      for column in table.columns { result[column.variable] = table.rule }
    }
    return result
  }
}
