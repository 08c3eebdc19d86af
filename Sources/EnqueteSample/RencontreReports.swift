import EnqueteCore

/// Generates the reports of the espaces de rencontre that answer a campaign; for those that send
/// it, the per-measure detail agrees with the report's counts (and its mean waiting time).
struct RencontreReports {
  let year: Int
  let scale: Int
  let seed: UInt64

  /// One report per respondent, in the respondents' order.
  func generate(_ respondents: [SampleService]) -> [SampleReport] {
    let targets = NationalTargets.of(.espaceRencontre, year: year)
    func total(_ name: String) -> Int { Int((targets.totals[name]! * Double(scale)).rounded()) }
    var random = RandomSource(seed: seed, label: "rencontre/\(year)")
    let sizes = respondents.map(\.size)
    let received = Apportionment.split(
      total("nb_mesures_recues"), weights: sizes.map { $0 * random.logNormal(0.2) })
    let children = Apportionment.split(
      total("nb_enfants"), weights: received.map { (Double($0) + 1) * random.logNormal(0.1) })
    let visits = Apportionment.split(
      total("nb_rdv_organises"), weights: received.map { (Double($0) + 1) * random.logNormal(0.2) })
    let caf = Apportionment.split(
      Money.cents(targets.totals["produits_ps_caf"]! * Double(scale)), weights: visits.map { Double($0) + 50 }
    )
    let justice = Apportionment.split(
      Money.cents(targets.totals["produits_justice"]! * Double(scale)),
      weights: received.map { (Double($0) + 5) * random.logNormal(0.3) })

    return respondents.indices.map { index in
      let service = respondents[index]
      var r = random.derived(service.siret)
      var v: [String: Value] = [
        "annee": .integer(year), "siret": .string(service.siret), "nom_er": .string(service.name),
        "departement_code": .string(service.departement.code), "statut_gestionnaire": .string(service.statut),
      ]
      var agreement = RandomSource(seed: seed, label: "agrement/\(service.siret)")
      v["date_agrement"] = .date(
        CivilDate(
          dayNumber: CivilDate(year: 2005, month: 1, day: 1)!.dayNumber + agreement.integer(0...(17 * 365))))
      v["nb_sites"] = .integer(r.weighted([(1, 0.7), (2, 0.22), (3, 0.08)]))
      let days = r.weighted([(2, 0.2), (3, 0.3), (4, 0.25), (5, 0.2), (6, 0.05)])
      v["jours_ouverture_semaine"] = .integer(days)
      v["heures_ouverture_annuelles"] = .number(
        Double(days * r.integer(4...9) * 46) + (r.chance(0.3) ? 0.5 : 0))
      v["ouvert_samedi"] = .boolean(r.chance(0.8))
      v["ouvert_dimanche"] = .boolean(r.chance(0.25))
      let staff = r.integer(2...5) + Int(sizes[index] * 3)
      v["nb_intervenants"] = .integer(staff)
      v["etp_intervenants"] = .number((Double(staff) * r.uniform(0.25, 0.7) * 10).rounded() / 10)
      // Measures.
      typealias S = NationalTargets.Shares
      let recues = received[index]
      let byOrigin = Apportionment.noisySplit(recues, shares: S.origins, noise: 0.35, random: &r)
      let debut = Int((Double(recues) * r.uniform(0.4, 0.65)).rounded())
      let handled = debut + recues
      let terminees = Int((Double(handled) * r.uniform(0.55, 0.75)).rounded())
      let endings = Apportionment.noisySplit(terminees, shares: S.endings, noise: 0.25, random: &r)
      let enCoursFin = handled - terminees
      let waiting =
        r.chance(S.withWaitingList) ? Int((Double(enCoursFin) * r.uniform(0.05, 0.35)).rounded()) : 0
      let vif = Int((Double(handled) * r.uniform(0.2, 0.4)).rounded())
      v.set(
        [
          "nb_mesures_recues_jaf", "nb_mesures_recues_je", "nb_mesures_recues_ca",
          "nb_mesures_recues_autre_judiciaire", "nb_mesures_recues_conventionnel",
        ], byOrigin)
      v.set(
        [
          "nb_mesures_terminees_terme", "nb_mesures_terminees_decision", "nb_mesures_terminees_interruption",
          "nb_mesures_jamais_commencees",
        ], endings)
      v.set(
        [
          "nb_mesures_en_cours_debut", "nb_mesures_recues", "nb_mesures_terminees", "nb_mesures_en_cours_fin",
          "nb_mesures_en_attente_fin", "nb_mesures_contexte_vif", "nb_mesures_ordonnance_protection",
        ],
        [
          debut, recues, terminees, enCoursFin, waiting, vif,
          Int((Double(vif) * r.uniform(0.1, 0.3)).rounded()),
        ])
      v["delai_moyen_attente_jours"] = .number(
        (max(5, r.normal(mean: 55, deviation: 22)) * 10).rounded() / 10)
      // Families, children, visits.
      let enfants = children[index]
      v["nb_enfants"] = .integer(enfants)
      v["nb_familles"] = .integer(
        enfants == 0 ? 0 : max(1, Int((Double(enfants) / r.uniform(1.3, 1.6)).rounded())))
      v.set(
        ["nb_enfants_moins_6_ans", "nb_enfants_6_11_ans", "nb_enfants_12_17_ans"],
        Apportionment.noisySplit(enfants, shares: S.ages, noise: 0.2, random: &r))
      let realises = Int((Double(visits[index]) * r.uniform(0.75, 0.9)).rounded())
      v["nb_rdv_organises"] = .integer(visits[index])
      v["nb_rdv_realises"] = .integer(realises)
      v.set(
        ["nb_rdv_visites_accompagnees", "nb_rdv_presence_tiers", "nb_rdv_remises"],
        Apportionment.noisySplit(realises, shares: S.visits, noise: 0.3, random: &r))
      // Finances.
      let charges = Money.roundedEuros(
        Double(caf[index] + justice[index]) / 100 / r.uniform(0.6, 0.75), random: &r)
      Finances.fill(
        &v, charges: charges, grants: ["produits_ps_caf": caf[index], "produits_justice": justice[index]],
        sources: [
          ("produits_departement", 0.10, 0.3), ("produits_msa", 0.01, 0.7), ("produits_communes", 0.06, 0.4),
          ("participations_familles", 0.02, 0.5),
        ], random: &r)
      var report = SampleReport(service: service, year: year, values: v)
      if service.sendsDetail {
        // The report's mean waiting time is then the detail's own.
        let rows = MeasureDetail(seed: seed).rows(for: report)
        let waits = rows.compactMap { row -> Int? in
          guard case .date(let received) = row["date_reception"],
            case .date(let first) = row["date_premier_rdv"],
            first.year == year
          else { return nil }
          return first.dayNumber - received.dayNumber
        }
        if !waits.isEmpty {
          report.values["delai_moyen_attente_jours"] = .number(
            (Double(waits.reduce(0, +)) / Double(waits.count) * 10).rounded() / 10)
        }
      }
      return report
    }
  }
}
