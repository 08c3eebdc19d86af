extension AttackerKnowledge {
  /// What the indicators shown at `unit` (index `index`) say of its cells.
  func indicatorFacts(_ unit: Unit, _ index: Int, _ reading: Reading) -> [Fact] {
    var facts: [Fact] = []
    for indicator in plan.indicators where indicator.levels.contains(unit.level) {
      let shown = reading.indicator(indicator.id, index)
      switch indicator.kind {
      case .services, .expectedServices, .imputedServices:
        continue
      case .share, .ratio:
        guard case .value(let value) = shown, let numerator = indicator.numerator,
          let denominator = indicator.denominator
        else { continue }
        let cells = (numerator + [denominator]).map { Self.cellID($0, unit.level, unit.code) }
        guard cells.allSatisfy(reading.exists) else { continue }
        let scale = indicator.kind == .share ? 0.01 : 1
        let half = Self.roundingHalfWidth
        let parts = cells.dropLast().map { Fact.Term(cell: $0, coefficient: 1) }
        let knowledge = "indicateur \(indicator.id) arrondi"
        facts.append(
          Fact(
            terms: parts + [Fact.Term(cell: cells.last!, coefficient: -(value + half) * scale)], lower: nil,
            upper: 0, knowledge: knowledge))
        facts.append(
          Fact(
            terms: parts + [Fact.Term(cell: cells.last!, coefficient: -max(0, value - half) * scale)],
            lower: 0,
            upper: nil, knowledge: knowledge))
      case .waitMean, .waitMedian:
        facts += waitFacts(indicator, shown, unit, index, reading)
      }
    }
    return facts
  }

  /// What a published waiting time (mean or median) says of the waiting classes: its value bounds
  /// them, and its being published says that the threshold of measures stands behind it.
  private func waitFacts(
    _ indicator: IndicatorDefinition, _ shown: Shown, _ unit: Unit, _ index: Int, _ reading: Reading
  ) -> [Fact] {
    guard let waits = plan.waitClasses else { return [] }
    let classes = waits.classes.map { Self.cellID($0.variable, unit.level, unit.code) }
    let total = Self.cellID(waits.total, unit.level, unit.code)
    let censored = Self.cellID(waits.censored, unit.level, unit.code)
    guard classes.allSatisfy(reading.exists), reading.exists(total), reading.exists(censored) else {
      return []
    }
    let threshold = Double(waitThreshold)
    let knowledge = "indicateur \(indicator.id)"
    // Days of each class: from the previous bound to one less than its own.
    var from = 0.0
    var ranges: [(lower: Double, upper: Double?)] = []
    for wait in waits.classes {
      ranges.append((from, wait.upTo.map { Double($0 - 1) }))
      from = wait.upTo.map(Double.init) ?? from
    }
    func term(_ cell: String, _ coefficient: Double) -> Fact.Term {
      Fact.Term(cell: cell, coefficient: coefficient)
    }
    var facts: [Fact] = []
    // A hidden waiting time says nothing linear: it is hidden where fewer than the threshold of
    // measures stand behind it, or where a waiting class is hidden.
    switch (indicator.kind, shown) {
    case (.waitMean, .value(let mean)):
      let half = Self.roundingHalfWidth
      facts.append(Fact(terms: [term(total, 1)], lower: threshold, upper: nil, knowledge: knowledge))
      facts.append(
        Fact(terms: classes.map { term($0, 1) }, lower: threshold, upper: nil, knowledge: knowledge))
      // Σ days ≥ Σ least days of each class, and Σ days = mean × started.
      facts.append(
        Fact(
          terms: zip(classes, ranges).map { term($0.0, $0.1.lower - (mean + half)) }, lower: nil, upper: 0,
          knowledge: knowledge))
      // The last class has no greatest wait: only when it is published empty does the mean bound
      // the classes from below.
      if let last = classes.last, reading.published(last) == 0 {
        facts.append(
          Fact(
            terms: zip(classes, ranges).dropLast().map {
              term($0.0, ($0.1.upper ?? 0) - max(0, mean - half))
            },
            lower: 0, upper: nil, knowledge: knowledge))
      }
    case (.waitMedian, .value(let median)):
      facts.append(Fact(terms: [term(total, 1)], lower: threshold, upper: nil, knowledge: knowledge))
      // Kaplan–Meier never puts fewer events before a time than were observed: the classes wholly
      // below the median hold fewer than half the measures…
      let below = zip(classes, ranges).filter { ($0.1.upper ?? .infinity) < median }.map(\.0)
      if !below.isEmpty {
        facts.append(
          Fact(
            terms: below.map { term($0, 1) } + [term(total, -0.5)], lower: nil, upper: -0.5,
            knowledge: knowledge))
      }
      // …and the classes reaching down to the median, with the censored ones, at least half.
      let reaching = zip(classes, ranges).filter { $0.1.lower <= median }.map(\.0)
      facts.append(
        Fact(
          terms: reaching.map { term($0, 1) } + [term(censored, 1), term(total, -0.5)], lower: 0, upper: nil,
          knowledge: knowledge))
    default:
      break
    }
    return facts
  }
}
