import EnqueteCore

/// The French labels of everything a report names: tables, variables, categories, indicators,
/// units.
public struct Labels: Sendable {
  private var variables: [String: String] = [:]
  private var tables: [String: String] = [:]
  private var categories: [String: String] = [:]
  private let geography: Geography

  /// The labels of `plan` over its survey's catalog.
  public init(plan: PublicationPlan, catalog: SurveyDefinition, geography: Geography = .reference) {
    self.geography = geography
    for variable in catalog.report.variables { variables[variable.name] = variable.label }
    for variable in plan.derivedVariables { variables[variable.name] = variable.label }
    for table in plan.tables {
      tables[table.id] = table.title
      for category in (table.categories ?? []) + (table.total.map { [$0] } ?? []) {
        categories["\(table.id)|\(category.code)"] = category.label
        if variables[category.variable] == nil { variables[category.variable] = category.label }
      }
    }
    for indicator in plan.indicators {
      tables[indicator.id] = indicator.label
      variables[indicator.id] = indicator.label
    }
  }

  /// A variable's (or indicator's) label; its name when unknown.
  public func variable(_ name: String) -> String { variables[name] ?? name }

  /// A table's title.
  public func table(_ id: String) -> String { tables[id] ?? id }

  /// A category's label in a table.
  public func category(_ table: String, _ code: String) -> String { categories["\(table)|\(code)"] ?? code }

  /// The column heading of a table's column: the category, or the variable for a plain table.
  public func column(_ table: String, category: String, variable: String) -> String {
    category.isEmpty ? self.variable(variable) : self.category(table, category)
  }

  /// The name of a unit (`France`, a région, a cour d'appel, a département).
  public func unit(_ level: GeographicLevel, _ code: String) -> String {
    switch level {
    case .national: "France"
    case .region: geography.region(code: code)?.name ?? code
    case .courAppel: geography.courAppel(code: code)?.name ?? code
    case .departement: geography.departement(code: code).map { "\($0.code) – \($0.name)" } ?? code
    case .service: code
    }
  }
}
