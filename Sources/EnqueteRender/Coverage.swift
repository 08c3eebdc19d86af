import EnqueteCore

/// How many services the published figures of a unit cover: those that answered and those
/// expected, as the plan's `services` and `expected-services` indicators publish them. Every
/// table says it where a figure covers fewer services than expected, and a unit where nobody
/// answered is named (its figures read `nd`).
struct Coverage {
  /// The indicator counting the respondents; nil when the plan has none.
  let respondents: String?
  /// The indicator counting the expected services; nil when the plan has none.
  let expected: String?
  /// The indicator counting the imputed non-respondents; nil when the plan does not impute.
  let imputed: String?
  /// The publication.
  let data: PublishedData

  /// The coverage published by `plan`'s indicators in `data`.
  init(plan: PublicationPlan, data: PublishedData) {
    respondents = plan.indicators.first { $0.kind == .services }?.id
    expected = plan.indicators.first { $0.kind == .expectedServices }?.id
    imputed = plan.indicators.first { $0.kind == .imputedServices }?.id
    self.data = data
  }

  /// The respondents and expected services at a unit; nil for a service or where not published.
  func at(_ level: GeographicLevel, _ code: String) -> (respondents: Int, expected: Int)? {
    guard level != .service, let respondents, let expected,
      let answered = data.cell(respondents, respondents, level, code)?.value,
      let listed = data.cell(expected, expected, level, code)?.value
    else { return nil }
    return (Int(answered.rounded()), Int(listed.rounded()))
  }

  /// The imputed non-respondents at a unit (0 when the plan does not impute).
  func imputedCount(_ level: GeographicLevel, _ code: String) -> Int {
    guard let imputed, let value = data.cell(imputed, imputed, level, code)?.value else { return 0 }
    return Int(value.rounded())
  }

  /// `8 / 10`, or `8 + 2 imputés / 10`, for a table's last column; empty where not published.
  func cellText(_ level: GeographicLevel, _ code: String) -> String {
    guard let count = at(level, code) else { return "" }
    let imputed = imputedCount(level, code)
    let extra = imputed > 0 ? " + \(imputed) imputé\(imputed > 1 ? "s" : "")" : ""
    return
      "\(FrenchNumber.text(Double(count.respondents)))\(extra) / \(FrenchNumber.text(Double(count.expected)))"
  }

  /// « 8 services sur 10 ont répondu », « aucun des 3 services attendus n'a répondu », « aucun
  /// service n'est attendu »; nil where not published.
  func sentence(_ level: GeographicLevel, _ code: String) -> String? {
    guard let count = at(level, code) else { return nil }
    let imputed = imputedCount(level, code)
    guard imputed == 0 else {
      return
        "\(FrenchNumber.text(Double(count.respondents))) sur \(FrenchNumber.text(Double(count.expected))) ont répondu ; "
        + "\(FrenchFormat.plural(imputed, "non-répondant est imputé", "non-répondants sont imputés")) "
        + "(leur rapport de l'année précédente, reporté)"
    }
    let expected = FrenchNumber.text(Double(count.expected))
    switch (count.respondents, count.expected) {
    case (_, 0): return "aucun service n'est attendu"
    case (0, 1): return "le seul service attendu n'a pas répondu"
    case (0, _): return "aucun des \(expected) services attendus n'a répondu"
    case (1, 1): return "le service attendu a répondu"
    case (let answered, let listed) where answered == listed:
      return "les \(expected) services attendus ont répondu"
    case (1, _): return "1 service sur \(expected) a répondu"
    case (let answered, _):
      return "\(FrenchNumber.text(Double(answered))) services sur \(expected) ont répondu"
    }
  }

  /// The units of `level` where services are expected and none answered, in publication order.
  func notAvailable(at level: GeographicLevel) -> [(code: String, name: String, expected: Int)] {
    guard let respondents else { return [] }
    return data.cells(of: respondents, at: level).compactMap { cell in
      guard let count = at(level, cell.code), count.respondents == 0, count.expected > 0,
        imputedCount(level, cell.code) == 0
      else { return nil }
      return (cell.code, cell.name, count.expected)
    }
  }

  /// The units of `level` where some, not all, of the expected services answered.
  func partial(at level: GeographicLevel) -> [(code: String, name: String)] {
    guard let respondents else { return [] }
    return data.cells(of: respondents, at: level).compactMap { cell in
      guard let count = at(level, cell.code), count.respondents > 0, count.respondents < count.expected
      else { return nil }
      return (cell.code, cell.name)
    }
  }
}
