/// The population of every département, from INSEE, shipped with the package
/// (`Reference/population_departements_estimation_2025.csv`): the denominator of the rates the
/// reports map (per 100 000 inhabitants).
public struct ReferencePopulation: Sendable {
  /// The year of the population (1 January).
  public let year: Int
  /// Where it comes from, in French.
  public let source: String
  private let byCode: [String: Int]

  /// INSEE's estimate of the population on 1 January 2025 (provisional), all 101 départements.
  public static let estimate2025 = ReferencePopulation(
    bytes: PackageResources.population_departements_estimation_2025_csv,
    name: "population_departements_estimation_2025")

  private init(bytes: [UInt8], name: String) {
    let records = ReferenceTable(bytes: bytes, name: name).records
    var byCode: [String: Int] = [:]
    for record in records {
      guard let code = record["departement_code"], let population = record["population"].flatMap(Int.init)
      else { preconditionFailure("reference table \(name): a row without code or population") }
      byCode[code] = population
    }
    self.byCode = byCode
    year = records.first.flatMap { $0["annee"] }.flatMap(Int.init) ?? 0
    source = "Insee, estimations de population au 1er janvier \(year) (provisoires)"
  }

  /// The population of the département `code`; nil for an unknown code.
  public func of(_ code: String) -> Int? { byCode[code] }
}
