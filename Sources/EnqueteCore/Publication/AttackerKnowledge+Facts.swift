extension AttackerKnowledge {
  /// The linear rules a reader can sum over services: severity `error`, on the report, without a
  /// condition, every variable one each report must give; and the plan's declared reader facts.
  var summableRules: [(id: String, form: LinearForm, lower: Double?, upper: Double?)] {
    rules.rules.compactMap { rule in
      guard rule.severity == .error, rule.table == catalog.report.name, rule.when == nil,
        let check = rule.check, let (form, lower, upper) = LinearForm.comparison(check),
        form.coefficients.keys.allSatisfy({ catalog.report.variable(named: $0)?.required == true })
      else { return nil }
      return (rule.id, form, lower, upper)
    }
      + (plan.readerFacts ?? []).compactMap { fact in
        guard let expression = try? ExpressionParser.parse(fact.check),
          let (form, lower, upper) = LinearForm.comparison(expression)
        else { return nil }
        return (fact.id, form, lower, upper)
      }
  }

  /// Each summable rule at `unit`; a variable not published there is an unknown within its
  /// catalog bounds.
  func ruleFacts(
    _ unit: Unit, _ reading: Reading,
    _ summable: [(id: String, form: LinearForm, lower: Double?, upper: Double?)]
  ) -> [Fact] {
    summable.compactMap { rule in
      var terms: [Fact.Term] = []
      var lower = rule.lower ?? -.infinity
      var upper = rule.upper ?? .infinity
      for (variable, coefficient) in rule.form.coefficients.sorted(by: { $0.key < $1.key }) {
        let id = Self.cellID(variable, unit.level, unit.code)
        if reading.exists(id) {
          terms.append(Fact.Term(cell: id, coefficient: coefficient))
          continue
        }
        let (least, most) = catalogRange(of: variable, services: unit.services)
        let low = coefficient > 0 ? coefficient * least : coefficient * most
        let high = coefficient > 0 ? coefficient * most : coefficient * least
        upper -= low
        lower -= high
      }
      guard !terms.isEmpty, lower.isFinite || upper.isFinite else { return nil }
      return Fact(
        terms: terms, lower: lower.isFinite ? lower : nil, upper: upper.isFinite ? upper : nil,
        knowledge: "règle \(rule.id)")
    }
  }

  /// The least and greatest sum of `variable` over `services` services, by the catalog.
  func catalogRange(of variable: String, services: Int?) -> (Double, Double) {
    let definition = catalog.report.variable(named: variable)
    let least = (definition?.minimum ?? 0) * Double(services ?? 0)
    let most = definition?.maximum.flatMap { maximum in services.map { maximum * Double($0) } } ?? .infinity
    return (max(0, least), most)
  }

  /// The catalog's minimum and maximum per service of every required variable published at
  /// `unit`, times its number of services.
  func boundFacts(_ unit: Unit, _ reading: Reading) -> [Fact] {
    guard let services = unit.services else { return [] }
    var facts: [Fact] = []
    for variable in publishedVariables {
      guard let definition = catalog.report.variable(named: variable), definition.required else { continue }
      let minimum = (definition.minimum ?? 0) > 0 ? definition.minimum : nil
      guard minimum != nil || definition.maximum != nil else { continue }
      let id = Self.cellID(variable, unit.level, unit.code)
      guard reading.exists(id) else { continue }
      facts.append(
        Fact(
          terms: [Fact.Term(cell: id, coefficient: 1)], lower: minimum.map { $0 * Double(services) },
          upper: definition.maximum.map { $0 * Double(services) },
          knowledge: "bornes du catalogue pour \(variable) × services répondants"))
    }
    return facts
  }

  /// The variables of the plan's tables, in plan order.
  public var publishedVariables: [String] {
    var seen = Set<String>()
    return plan.tables.flatMap { $0.columns.map(\.variable) }.filter { seen.insert($0).inserted }
  }

  /// Each derived variable as the sum of its parts at `unit`, where no table already says it.
  func derivedFacts(_ unit: Unit, _ reading: Reading) -> [Fact] {
    plan.derivedVariables.compactMap { derived in
      let stated = plan.tables.contains { table in
        table.total?.variable == derived.name
          && Set(table.categories?.map(\.variable) ?? []) == Set(derived.sumOf)
      }
      let total = Self.cellID(derived.name, unit.level, unit.code)
      let parts = derived.sumOf.map { Self.cellID($0, unit.level, unit.code) }
      guard !stated, reading.exists(total), parts.allSatisfy(reading.exists) else { return nil }
      return Fact(
        terms: [Fact.Term(cell: total, coefficient: -1)] + parts.map { Fact.Term(cell: $0, coefficient: 1) },
        lower: 0, upper: 0, knowledge: "variable dérivée \(derived.name)")
    }
  }

  /// The report variables that count a service's detail rows, all of them: `detail-count` rules
  /// of severity `error` whose conditions `field = 'value'` cover every value of one field of the
  /// detail, each equal to a report variable. Their sum is the number of detail rows of a service
  /// that sent its detail.
  public var detailPartitions: [(variables: [String], knowledge: String)] {
    guard let detail = catalog.detail else { return [] }
    var byField: [String: [(value: String, variable: String, rule: String)]] = [:]
    for rule in rules.rules where rule.kind == .detailCount && rule.severity == .error && rule.when == nil {
      guard case .binary(.equal, .variable(let field), .string(let value))? = rule.count,
        case .variable(let variable)? = rule.equals
      else { continue }
      byField[field, default: []].append((value, variable, rule.id))
    }
    return byField.keys.sorted().compactMap { field in
      let members = byField[field]!
      guard let values = detail.variable(named: field)?.enum, Set(members.map(\.value)) == Set(values) else {
        return nil
      }
      return (members.map(\.variable), "règles \(members.map(\.rule).sorted().joined(separator: ", "))")
    }
  }

  /// The detail's measures at `unit` are at most the sum of the report variables that count every
  /// detail row (not every service sends its detail).
  func detailFacts(_ unit: Unit, _ reading: Reading) -> [Fact] {
    guard let total = plan.waitClasses?.total else { return [] }
    let counted = Self.cellID(total, unit.level, unit.code)
    guard reading.exists(counted) else { return [] }
    return detailPartitions.compactMap { partition in
      let cells = partition.variables.map { Self.cellID($0, unit.level, unit.code) }
      guard cells.allSatisfy(reading.exists) else { return nil }
      return Fact(
        terms: [Fact.Term(cell: counted, coefficient: 1)]
          + cells.map { Fact.Term(cell: $0, coefficient: -1) },
        lower: nil, upper: 0, knowledge: partition.knowledge)
    }
  }

  /// The half-width of an indicator's rounding, with a margin for the last digit of a double.
  static var roundingHalfWidth: Double {
    var unit = 1.0
    for _ in 0..<indicatorDecimals { unit /= 10 }
    return unit / 2 + 1e-9
  }

  /// The fewest measures behind a published waiting time: the threshold of counts of people.
  var waitThreshold: Int { plan.rules["effectifs"]?.threshold ?? 5 }
}
