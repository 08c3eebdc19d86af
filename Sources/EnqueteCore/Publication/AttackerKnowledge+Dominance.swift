extension AttackerKnowledge {
  /// What a published cell under a dominance rule `(n, k %)` says of the units below it: no `n`
  /// services hold more than `k` % of it, so a unit with at most `n` responding services holds
  /// at most `k` % of every published cell that contains it (same variable). A bound of that unit's
  /// cell, known once the cells above it are published.
  func dominanceFacts(_ unit: Unit, _ reading: Reading) -> [Fact] {
    guard let services = unit.services, services > 0 else { return [] }
    let containing = Self.containing(unit)
    guard !containing.isEmpty else { return [] }
    var facts: [Fact] = []
    for variable in publishedVariables {
      guard let rule = rule(of: variable), rule.basis == .contributors,
        let dominance = rule.dominance, services <= dominance.contributors
      else { continue }
      let id = Self.cellID(variable, unit.level, unit.code)
      guard reading.exists(id) else { continue }
      let above = containing.compactMap { reading.published(Self.cellID(variable, $0.level, $0.code)) }
      guard let least = above.min() else { continue }
      facts.append(
        Fact(
          terms: [Fact.Term(cell: id, coefficient: 1)], lower: nil, upper: least * dominance.percent / 100,
          knowledge:
            "dominance (\(dominance.contributors), \(Int(dominance.percent)) %) des cases publiées au-dessus")
      )
    }
    return facts
  }

  /// The units that contain `unit` in the reference geography: a département's région, cour
  /// d'appel and France; a région's or cour d'appel's France.
  public static func containing(_ unit: Unit) -> [(level: GeographicLevel, code: String)] {
    let national = (GeographicLevel.national, GeographicLevel.nationalCode)
    switch unit.level {
    case .departement:
      guard let departement = Geography.reference.departement(code: unit.code) else { return [national] }
      return [(.region, departement.regionCode), (.courAppel, departement.courAppelCode), national]
    case .region, .courAppel: return [national]
    case .national, .service: return []
    }
  }
}
