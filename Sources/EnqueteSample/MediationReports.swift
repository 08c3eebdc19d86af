import EnqueteCore

/// Generates the reports of the family-mediation services that answer a campaign, so that national
/// totals meet `NationalTargets` and every hard rule holds.
struct MediationReports {
  let year: Int
  let scale: Int
  let seed: UInt64

  /// One report per respondent, in the respondents' order.
  func generate(_ respondents: [SampleService]) -> [SampleReport] {
    let targets = NationalTargets.of(.mediationFamiliale, year: year)
    func total(_ name: String) -> Int { Int((targets.totals[name]! * Double(scale)).rounded()) }
    var random = RandomSource(seed: seed, label: "mediation/\(year)")
    let sizes = respondents.map(\.size)
    func spread(_ name: String, noise: Double = 0.25) -> [Int] {
      Apportionment.split(total(name), weights: sizes.map { $0 * random.logNormal(noise) })
    }
    // Tenths of FTE, at least 0.3 each.
    let fteTenths = Apportionment.split(total("etp_mediateurs") * 10 - 3 * respondents.count, weights: sizes)
      .map { $0 + 3 }
    let places = Apportionment.split(total("nb_lieux_accueil") - respondents.count, weights: sizes).map {
      $0 + 1
    }
    let meetings = spread("nb_reunions_info_collectives", noise: 0.5)
    let interviews = spread("nb_entretiens_info_prealables")
    let sessions = spread("nb_seances")
    let ended = spread("nb_mediations_terminees", noise: 0.2)
    let beneficiaries = Apportionment.split(
      total("nb_beneficiaires"), weights: ended.map { Double($0) * random.logNormal(0.08) })
    let mediatorsExtra = Apportionment.split(
      max(0, total("nb_mediateurs") - fteTenths.map { ($0 + 9) / 10 }.reduce(0, +)), weights: sizes)
    let grant = Apportionment.split(
      Money.cents(targets.totals["produits_ps_caf"]! * Double(scale)),
      weights: fteTenths.map { Double($0) * random.logNormal(0.1) })

    return respondents.indices.map { index in
      let service = respondents[index]
      var r = random.derived(service.siret)
      var v: [String: Value] = [
        "annee": .integer(year), "siret": .string(service.siret), "nom_service": .string(service.name),
        "departement_code": .string(service.departement.code), "statut_gestionnaire": .string(service.statut),
        "nb_lieux_accueil": .integer(places[index]),
      ]
      // Staff.
      let fte = Double(fteTenths[index]) / 10
      let mediators = (fteTenths[index] + 9) / 10 + mediatorsExtra[index]
      v["nb_mediateurs"] = .integer(mediators)
      v["nb_mediateurs_demf"] = .integer(Int((Double(mediators) * r.uniform(0.7, 1.0)).rounded(.down)))
      v["etp_mediateurs"] = .number(fte)
      v["etp_finances_ps"] = .number((fte * r.uniform(0.7, 1.0) * 100).rounded(.down) / 100)
      // Information.
      v["nb_reunions_info_collectives"] = .integer(meetings[index])
      v["nb_entretiens_info_prealables"] = .integer(interviews[index])
      v["nb_entretiens_info_origine_judiciaire"] = .integer(
        Int((Double(interviews[index]) * r.uniform(0.15, 0.4)).rounded()))
      // Mediations: flows, stock, breakdowns.
      let terminees = ended[index]
      let conventionalShare = min(
        0.95, max(0.35, r.normal(mean: NationalTargets.Shares.conventional, deviation: 0.1)))
      let termineesConv = Int((Double(terminees) * conventionalShare).rounded())
      let termineesJud = terminees - termineesConv
      let debut = Int((Double(terminees) * r.uniform(0.25, 0.45)).rounded())
      let engagees = max(terminees - debut, Int((Double(terminees) * r.uniform(0.93, 1.1)).rounded()))
      let engageesConv = Int((Double(engagees) * conventionalShare).rounded())
      v.set(
        [
          "nb_mediations_en_cours_debut", "nb_mediations_engagees_conv", "nb_mediations_engagees_jud",
          "nb_mediations_terminees_conv", "nb_mediations_terminees_jud", "nb_mediations_terminees",
          "nb_mediations_en_cours_fin",
        ],
        [
          debut, engageesConv, engagees - engageesConv, termineesConv, termineesJud, terminees,
          debut + engagees - terminees,
        ])
      typealias S = NationalTargets.Shares
      v.set(
        ["nb_mediations_jud_jaf", "nb_mediations_jud_je", "nb_mediations_jud_ca"],
        Apportionment.noisySplit(termineesJud, shares: S.judges, noise: 0.3, random: &r))
      v["nb_seances"] = .integer(max(sessions[index], engagees))
      v.set(
        [
          "nb_terminees_accord_ecrit", "nb_terminees_accord_oral", "nb_terminees_sans_accord",
          "nb_terminees_interrompues",
        ],
        Apportionment.noisySplit(terminees, shares: S.outcomes, noise: 0.25, random: &r))
      v.set(
        [
          "nb_terminees_theme_separation", "nb_terminees_theme_intergenerationnel",
          "nb_terminees_theme_maintien_liens", "nb_terminees_theme_autre",
        ],
        Apportionment.noisySplit(terminees, shares: S.themes, noise: 0.3, random: &r))
      v.set(
        ["nb_terminees_moins_3_mois", "nb_terminees_3_6_mois", "nb_terminees_plus_6_mois"],
        Apportionment.noisySplit(terminees, shares: S.durations, noise: 0.25, random: &r))
      v["nb_beneficiaires"] = .integer(beneficiaries[index])
      if r.chance(0.8) {
        v["nb_enfants_concernes"] = .integer(Int((Double(terminees) * r.uniform(1.0, 1.6)).rounded()))
      }
      if r.chance(0.7) {
        v["delai_moyen_attente_jours"] = .number(
          (max(3, r.normal(mean: 35, deviation: 12)) * 10).rounded() / 10)
      }
      if r.chance(0.6) {
        v["nb_demandes_en_attente_fin"] = .integer(Int((Double(terminees) * r.uniform(0, 0.2)).rounded()))
      }
      // Finances: the CAF grant, charges around it, other sources as shares of charges.
      let ps = grant[index]
      let charges = Money.roundedEuros(Double(ps) / 100 / r.uniform(0.5, 0.65), random: &r)
      Finances.fill(
        &v, charges: charges, grants: ["produits_ps_caf": ps],
        sources: [
          ("produits_msa", 0.01, 0.6), ("produits_justice", 0.05, 0.5), ("produits_departement", 0.06, 0.4),
          ("produits_communes", 0.04, 0.5), ("produits_region", 0.01, 0.7),
          ("produits_etat_autres", 0.02, 0.6),
          ("participations_familiales", 0.04, 0.3), ("autres_produits", 0.03, 0.6),
        ], random: &r)
      return SampleReport(service: service, year: year, values: v)
    }
  }
}
