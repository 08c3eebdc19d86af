extension PublicationPlan {
  /// The « dont » columns that do not sit under the total they are part of, in English (for the
  /// developer who edits the plan); empty when every one is in place.
  ///
  /// A variable whose catalog label starts with « dont » is read as part of the column above it:
  /// the nearest one before it in its table that is not itself a « dont ». That column must be a
  /// total a rule of `rules` bounds it by (`part <= total`, unconditional). A « dont » placed
  /// under another total misleads every reader: 30 195 entretiens « dont sur injonction du juge »
  /// were once shown under 17 608 réunions d'information collectives.
  public func misplacedParts(catalog: SurveyDefinition, rules: RuleSet) -> [String] {
    var totals: [String: Set<String>] = [:]
    for rule in rules.rules where rule.when == nil {
      guard case .binary(.lessOrEqual, .variable(let part), .variable(let total))? = rule.check else {
        continue
      }
      totals[part, default: []].insert(total)
    }
    func isPart(_ name: String) -> Bool {
      catalog.report.variable(named: name)?.label.lowercased().hasPrefix("dont ") ?? false
    }
    var problems: [String] = []
    for table in tables {
      let names = (table.variables ?? [])
      for (index, name) in names.enumerated() where isPart(name) {
        guard let above = names[..<index].last(where: { !isPart($0) }) else {
          problems.append("table \(table.id): \(name) is a « dont » with no column above it")
          continue
        }
        if !(totals[name]?.contains(above) ?? false) {
          problems.append(
            "table \(table.id): \(name) is shown under \(above), but no rule bounds it by \(above)"
              + (totals[name].map { " (its total: \($0.sorted().joined(separator: ", ")))" } ?? ""))
        }
      }
    }
    return problems
  }
}

extension PublicationPlan {
  /// Whether a published variable only takes whole values: an integer of the catalog, a waiting
  /// class (a count of measures), or a derived sum of such variables. The open data types it
  /// `integer`, and the secrecy audit knows it.
  public func isIntegral(_ variable: String, catalog: SurveyDefinition) -> Bool {
    if let definition = catalog.report.variable(named: variable) { return definition.type == .integer }
    if waitClasses?.variables.contains(variable) == true { return true }
    if let derived = derivedVariables.first(where: { $0.name == variable }) {
      return derived.sumOf.allSatisfy { isIntegral($0, catalog: catalog) }
    }
    return false
  }
}
