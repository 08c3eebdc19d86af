import EnqueteCore

/// How a column of figures reads in the HTML tables: one number of decimals for the whole column,
/// and amounts in thousands of euros (the open data keeps the euros and cents).
struct ColumnFormat: Equatable {
  /// The number of decimals of every value of the column.
  var decimals: Int
  /// The divisor applied before display (1000 for k€).
  var scale: Double
  /// What the heading adds (« (k€) »), empty when the label says it.
  var headingSuffix: String

  /// A count: whole numbers.
  static let count = ColumnFormat(decimals: 0, scale: 1, headingSuffix: "")

  /// The format of `variable` under `plan` and `catalog`: a count, an amount in k€, or a
  /// quantity to one decimal (full-time equivalents, hours, means).
  init(variable: String, plan: PublicationPlan, catalog: SurveyDefinition) {
    let unit =
      catalog.report.variable(named: variable)?.unit
      ?? plan.derivedVariables.first { $0.name == variable }?.unit
    if unit == "euros" {
      self.init(decimals: 0, scale: 1000, headingSuffix: " (k€)")
    } else if plan.isIntegral(variable, catalog: catalog) {
      self = .count
    } else {
      self.init(decimals: 1, scale: 1, headingSuffix: "")
    }
  }

  /// The format of an indicator: one decimal, whole numbers for counts of services and days.
  init(indicator: IndicatorDefinition) {
    switch indicator.kind {
    case .services, .expectedServices, .imputedServices: self = .count
    default: self.init(decimals: AttackerKnowledge.indicatorDecimals, scale: 1, headingSuffix: "")
    }
  }

  init(decimals: Int, scale: Double, headingSuffix: String) {
    self.decimals = decimals
    self.scale = scale
    self.headingSuffix = headingSuffix
  }

  /// The text of a published cell in this column: the number, or its symbol (``CellSymbol``);
  /// nil for secret.
  func text(_ cell: PublishedData.Cell?) -> String? {
    switch CellSymbol(cell) {
    case .value(let value): FrenchNumber.text(value / scale, decimals: decimals)
    case .secret: nil
    case let symbol: symbol.text
    }
  }
}
