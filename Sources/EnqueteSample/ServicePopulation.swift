import EnqueteCore

/// The synthetic services of one survey over the campaign years: who exists, who is expected, who
/// answers.
struct ServicePopulation {
  /// Every service that existed in one of the years, in creation order.
  let services: [SampleService]
  /// Share of expected services that answer.
  static let responseRate = 0.95

  /// Builds the population: the first year's services spread over the départements by weight, then
  /// each later year about 2 % closing and new ones opening.
  init(survey: SurveyID, years: [Int], scale: Int, seed: UInt64, geography: Geography = .reference) {
    var random = RandomSource(seed: seed, label: "population/\(survey.rawValue)")
    let departements = geography.departements
    // Each département's propensity mixes its population with local history (some have none).
    let propensity = departements.map { departement -> Double in
      DepartementWeights.weight(departement.code) * random.logNormal(0.45)
    }
    var services: [SampleService] = []
    func create(count: Int, year: Int) {
      let placed = Apportionment.split(count, weights: propensity.map { $0 * random.logNormal(0.35) })
      for (departement, number) in zip(departements, placed) where number > 0 {
        for _ in 0..<number {
          let statut = ServiceFactory.statut(survey: survey, random: &random)
          let channel = ServiceFactory.channel(survey: survey, random: &random)
          let detailShare: Double =
            switch channel {
            case .xml: 0.70
            case .csvOpenData, .batchCSV: 0.60
            default: 0.40
            }
          services.append(
            SampleService(
              survey: survey, siret: ServiceFactory.siret(random: &random),
              name: ServiceFactory.name(
                survey: survey, statut: statut, departement: departement, random: &random),
              departement: departement, statut: statut,
              size: random.logNormal(0.55) * (1 + 0.15 * DepartementWeights.weight(departement.code)),
              channel: channel, sendsDetail: survey == .espaceRencontre && random.chance(detailShare),
              openedIn: year, closedAfter: nil))
        }
      }
    }
    let first = years.min()!
    create(count: ServicePopulation.expected(survey, year: first, scale: scale), year: first)
    for year in years.sorted().dropFirst() {
      // Close about 2 % of the open services, then open enough to reach the year's expected count.
      services = services.map { service in
        guard service.isActive(in: year), random.chance(0.02) else { return service }
        return SampleService(
          survey: service.survey, siret: service.siret, name: service.name, departement: service.departement,
          statut: service.statut, size: service.size, channel: service.channel,
          sendsDetail: service.sendsDetail,
          openedIn: service.openedIn, closedAfter: year - 1)
      }
      let active = services.filter { $0.isActive(in: year) }.count
      create(count: max(0, ServicePopulation.expected(survey, year: year, scale: scale) - active), year: year)
    }
    self.services = services
  }

  /// Services expected to answer in `year`: enough that the usual response rate yields the target.
  static func expected(_ survey: SurveyID, year: Int, scale: Int) -> Int {
    Int((Double(NationalTargets.of(survey, year: year).services * scale) / responseRate).rounded())
  }

  /// The services expected in `year`, sorted by département then SIRET.
  func expected(in year: Int) -> [SampleService] {
    services.filter { $0.isActive(in: year) }
      .sorted { ($0.departement.code, $0.siret) < ($1.departement.code, $1.siret) }
  }

  /// The expected services that answer in `year`: exactly the target count; small services are the
  /// likeliest to be missing, as in real campaigns.
  func respondents(in year: Int, survey: SurveyID, scale: Int, seed: UInt64) -> [SampleService] {
    var random = RandomSource(seed: seed, label: "respondents/\(survey.rawValue)/\(year)")
    let expected = expected(in: year)
    let wanted = min(expected.count, NationalTargets.of(survey, year: year).services * scale)
    let ranked = expected.map { ($0, random.unit() * (0.5 + $0.size)) }.sorted { $0.1 > $1.1 }.prefix(wanted)
    let chosen = Set(ranked.map(\.0.siret))
    return expected.filter { chosen.contains($0.siret) }
  }
}
