extension PublishedData {
  /// The publication of `aggregation` once protected: each table of the plan at each of its
  /// levels, unit by unit, category by category, then each indicator. A secret cell carries no
  /// value and shows `S` whatever the reason (the letters are information); values are rounded as the open data gives them (``publishedValue(_:indicator:)``) and
  /// names defused for spreadsheets, so that this is what `tableaux.csv` reads back as. A unit
  /// where services are expected and none answered shows `ND` without a value.
  /// `statuses` gives each cell's status, by system of `linked`.
  /// - Complexity: O(published cells).
  public init(
    aggregation: Aggregation, linked: LinkedTables, statuses: [[CellStatus]], indicators: [IndicatorCell]
  ) {
    let units = aggregation.units.units
    var cells: [Cell] = []
    for table in aggregation.plan.tables {
      for level in table.levels {
        for position in units.indices where units[position].level == level {
          let unit = units[position]
          let notAvailable = aggregation.isNotAvailable(position)
          for column in table.columns {
            let (system, index) = linked.location[LinkedTables.cellID(column.variable, unit)]!
            // Where nobody answered, the secrecy stage saw an empty cell (`Z`, no contributor):
            // the reader sees `ND`, never a zero.
            let status = notAvailable ? .notAvailable : statuses[system][index]
            let value = linked.systems[system].table.cells[index].value
            cells.append(
              Cell(
                table: table.id, level: level, code: unit.code, name: SpreadsheetText.defused(unit.name),
                category: column.category, variable: column.variable,
                value: status.isSuppressed || notAvailable
                  ? nil : Self.publishedValue(value, indicator: false),
                status: status.published,
                departement: unit.departementCode))
          }
        }
      }
    }
    for indicator in indicators {
      let unit = units[indicator.unit]
      cells.append(
        Cell(
          table: indicator.indicator, level: unit.level, code: unit.code,
          name: SpreadsheetText.defused(unit.name),
          category: "", variable: indicator.indicator,
          value: indicator.value.map { Self.publishedValue($0, indicator: true) },
          status: indicator.status.published,
          departement: unit.departementCode))
    }
    self.init(year: aggregation.year, cells: cells)
  }

  /// A value as the open data gives it: magnitudes to the cent, indicators to
  /// ``AttackerKnowledge/indicatorDecimals`` decimals; never `-0`.
  public static func publishedValue(_ value: Double, indicator: Bool) -> Double {
    let rounded = indicator ? LinkedTables.roundedIndicator(value) : (value * 100).rounded() / 100
    return rounded == 0 ? 0 : rounded
  }
}
