import EnqueteCore
import EnqueteSample
import Testing

/// National totals of the committed campaign against the magnitudes of `surveys.md`, typed here
/// from the brief (not from the generator's targets), within ±5 %.
@Suite struct MagnitudeTests {
  static let mediation2024: [(String, Double)] = [
    ("etp_mediateurs", 499), ("nb_lieux_accueil", 1709), ("nb_reunions_info_collectives", 17247),
    ("nb_entretiens_info_prealables", 107_250), ("nb_seances", 56786), ("nb_mediations_terminees", 23807),
    ("nb_beneficiaires", 51164), ("produits_ps_caf", 31_300_000),
  ]

  private func check(_ name: String, _ total: Double, _ expected: Double, tolerance: Double = 0.05) {
    let gap = total / expected - 1
    print("national total \(name): \(total) vs \(expected) (\(Int((gap * 1000).rounded()))‰)")
    #expect(abs(gap) <= tolerance, "\(name): \(total) vs \(expected)")
  }

  @Test func mediation2024MatchesTheBrief() {
    let totals = Committed.campaign.nationalTotals(.mediationFamiliale, year: 2024)
    #expect(Committed.campaign.reports[.mediationFamiliale]![2024]!.count == 272)
    for (name, expected) in Self.mediation2024 { check(name, totals[name] ?? 0, expected) }
    let ended = totals["nb_mediations_terminees"]!
    check("voluntary share", totals["nb_mediations_terminees_conv"]! / ended, 0.69)
    for (name, share) in [
      ("nb_terminees_accord_ecrit", 0.28), ("nb_terminees_accord_oral", 0.34),
      ("nb_terminees_sans_accord", 0.15),
      ("nb_terminees_interrompues", 0.23), ("nb_terminees_theme_separation", 0.75),
      ("nb_terminees_moins_3_mois", 0.61),
      ("nb_terminees_3_6_mois", 0.28),
    ] {
      check("share of \(name)", totals[name]! / ended, share, tolerance: 0.1)
    }
  }

  @Test func espacesDeRencontre2024MatchTheBrief() {
    let totals = Committed.campaign.nationalTotals(.espaceRencontre, year: 2024)
    let services = Committed.campaign.reports[.espaceRencontre]![2024]!.count
    #expect((190...262).contains(services))
    #expect((30_000...33_000).contains(Int(totals["nb_enfants"]!)))
    check("nb_rdv_organises", totals["nb_rdv_organises"]!, 106_842)
    #expect((13_000_000...16_000_000).contains(totals["produits_ps_caf"]!))
    check("produits_justice", totals["produits_justice"]!, 8_000_000)
    let jaf = totals["nb_mesures_recues_jaf"]! / totals["nb_mesures_recues"]!
    #expect((0.70...0.90).contains(jaf))
    let interrupted = totals["nb_mesures_terminees_interruption"]! / totals["nb_mesures_terminees"]!
    check("interrupted share", interrupted, 0.41, tolerance: 0.1)
    let waiting = Committed.campaign.reports[.espaceRencontre]![2024]!.filter {
      $0.values["nb_mesures_en_attente_fin"] != .integer(0)
    }
    check("share with a waiting list", Double(waiting.count) / Double(services), 0.60, tolerance: 0.15)
  }

  @Test func scaleMultipliesServicesAndTotals() {
    let scaled = SampleCampaign.generate(
      SampleSettings(seed: 3, years: [2024], scale: 3, includeInvalid: false, selfCheck: false))
    #expect(scaled.reports[.mediationFamiliale]![2024]!.count == 3 * 272)
    let totals = scaled.nationalTotals(.mediationFamiliale, year: 2024)
    check("scaled nb_mediations_terminees", totals["nb_mediations_terminees"]!, 3 * 23807)
  }
}
