extension TableCell {
  /// Narrows what a reader knows of the cell by a fact on it alone (`lower ≤ coefficient × cell ≤
  /// upper`): a bound, not a constraint.
  public mutating func bound(by fact: AttackerKnowledge.Fact) {
    guard fact.terms.count == 1, fact.terms[0].coefficient != 0 else { return }
    let coefficient = fact.terms[0].coefficient
    var low = fact.lower.map { $0 / coefficient }
    var high = fact.upper.map { $0 / coefficient }
    if coefficient < 0 { (low, high) = (high, low) }
    if let low { knownLowerBound = max(knownLowerBound ?? 0, low) }
    if let high { knownUpperBound = min(knownUpperBound ?? .infinity, high) }
  }
}
