import EnqueteCore

/// One wide table of the open data (`donnees/`), of French Excel's CSV (`excel/`) and of the
/// xlsx: a line per unit and a column per published cell. A plan table, or the indicators (each
/// indicator is its own table in the long file; here they sit side by side).
struct WideTable {
  /// One column.
  struct Column {
    /// Its name in the open data (the category code, or the variable).
    var name: String
    /// The table (or indicator) the cells are published under.
    var table: String
    /// The variable.
    var variable: String
    /// Its French heading.
    var title: String
    /// Whether it only takes whole values (`integer` in the Table Schema).
    var integral: Bool
    /// How many decimals its values are shown with (0 for a count, 1 for an indicator, 2 for an
    /// amount), the same on every line.
    var decimals: Int
  }

  /// The file name without extension.
  var id: String
  /// The French title.
  var title: String
  /// The columns.
  var columns: [Column]

  /// The wide table of a plan table.
  init(_ table: PublishedTableDefinition, plan: PublicationPlan, catalog: SurveyDefinition, labels: Labels) {
    id = table.id
    title = table.title
    columns = table.columns.map { column in
      let integral = plan.isIntegral(column.variable, catalog: catalog)
      return Column(
        name: column.category.isEmpty ? column.variable : column.category, table: table.id,
        variable: column.variable,
        title: labels.column(table.id, category: column.category, variable: column.variable),
        integral: integral, decimals: integral ? 0 : 2)
    }
  }

  /// The indicators of `plan`, side by side (`indicateurs`).
  static func indicators(_ plan: PublicationPlan) -> WideTable {
    WideTable(
      id: "indicateurs", title: "Indicateurs",
      columns: plan.indicators.map { indicator in
        let count = [.services, .expectedServices, .imputedServices].contains(indicator.kind)
        return Column(
          name: indicator.id, table: indicator.id, variable: indicator.id, title: indicator.label,
          integral: count, decimals: count ? 0 : AttackerKnowledge.indicatorDecimals)
      })
  }

  /// Every wide table of a publication: the plan's tables, then the indicators, each with the
  /// levels it shows.
  static func all(_ facts: ReportFacts, labels: Labels) -> [(WideTable, [GeographicLevel])] {
    let plan = facts.plan
    let indicatorLevels = plan.levels.filter { level in plan.indicators.contains { $0.levels.contains(level) }
    }
    return plan.tables.map { (WideTable($0, plan: plan, catalog: facts.catalog, labels: labels), $0.levels) }
      + [(indicators(plan), indicatorLevels)]
  }

  private init(id: String, title: String, columns: [Column]) {
    self.id = id
    self.title = title
    self.columns = columns
  }

  /// The units the table shows, in the publication's order (those of its first column).
  func units(_ data: PublishedData) -> [(GeographicLevel, String, String)] {
    guard let first = columns.first else { return [] }
    var seen = Set<String>()
    var result: [(GeographicLevel, String, String)] = []
    for cell in data.cells
    where cell.table == first.table && cell.variable == first.variable
      && seen.insert("\(cell.level.rawValue)|\(cell.code)").inserted
    {
      result.append((cell.level, cell.code, cell.name))
    }
    return result
  }

  /// The cell of a column at a unit.
  func cell(
    _ data: PublishedData, _ column: Column, _ level: GeographicLevel, _ code: String
  )
    -> PublishedData.Cell?
  {
    data.cell(column.table, column.variable, level, code)
  }
}
