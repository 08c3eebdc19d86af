import EnqueteCore

/// A service's finances: the grants it is given, other sources as noisy shares of its charges,
/// and `autres_produits` balancing the accounts to within a few percent.
struct Finances {
  /// A source as a share of the charges, with the chance that the service has none of it.
  typealias Source = (name: String, share: Double, zeroChance: Double)

  /// Fills `charges_totales`, every source, and `total_produits` (their exact sum, in cents).
  static func fill(
    _ values: inout [String: Value], charges: Int, grants: [String: Int], sources: [Source],
    random: inout RandomSource
  ) {
    var produits = grants
    for source in sources {
      produits[source.name] =
        random.chance(source.zeroChance)
        ? 0
        : Money.roundedEuros(Double(charges) / 100 * source.share * random.logNormal(0.4), random: &random)
    }
    let balance =
      Double(charges) * random.normal(mean: 1.0, deviation: 0.04) - Double(produits.values.reduce(0, +))
    produits["autres_produits", default: 0] += max(0, Int(balance.rounded()))
    values.euros("charges_totales", cents: charges)
    for (name, cents) in produits { values.euros(name, cents: cents) }
    values.euros("total_produits", cents: produits.values.reduce(0, +))
  }
}
