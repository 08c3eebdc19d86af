import EnqueteCore
import Foundation
import Testing

@testable import EnqueteProtect

/// Known answers for each kind of knowledge a reader has beyond the equations, through the model
/// `enquete audit` rebuilds from a published folder (``ReaderModel``): each case was recomputable
/// by a reader while the audit's attacker knew only the equations and non-negativity.
@Suite struct AttackerKnowledgeTests {
  /// A row of `tableaux.csv`: a cell `variable` of `table` at `niveau|code`, its value (`nil`:
  /// secret) and its status.
  static func row(
    _ table: String, _ variable: String, _ level: String, _ code: String, _ value: Double?,
    status: String? = nil,
    category: String = "x"
  ) -> String {
    let shown = value.map { Value.canonicalText(of: $0) } ?? ""
    let statut = status ?? (value == nil ? "S" : (value == 0 ? "Z" : "V"))
    return "2025,\(table),\(level),\(code),Nom,\(category),\(variable),\(shown),\(statut),\n"
  }

  /// An indicator's row.
  static func indicator(_ id: String, _ level: String, _ code: String, _ value: Double?) -> String {
    "2025,\(id),\(level),\(code),Nom,,\(id),\(value.map { Value.canonicalText(of: $0) } ?? ""),\(value == nil ? "S" : "V"),\n"
  }

  /// The intervals a reader computes, by cell, from these rows and systems.
  static func intervals(
    _ survey: SurveyID, rows: [String], systems: [(cells: [String], equations: [[Int]])]
  ) throws -> [String: (lower: Double, upper: Double?)] {
    let csv = PublishedData.columns.joined(separator: ",") + "\n" + rows.joined()
    let published = PublishedCells(csv: csv)
    #expect(published.problems.isEmpty, "\(published.problems)")
    let model = ReaderModel(structure: systems, published: published, knowledge: .builtIn(survey))
    var result: [String: (lower: Double, upper: Double?)] = [:]
    for system in model.systems {
      for (cell, lower, upper) in try PublishedIntervals.intervals(of: system.table, hidden: system.hidden) {
        result[system.table.cells[cell].id] = (lower, upper)
      }
    }
    return result
  }

  /// An older file's letters: `A` says 1 … threshold − 1, `D` under a rule on values says at least
  /// the threshold. A total of 6 with an `A` and a `D` part pins the `A` at 1; with `S` it does not.
  @Test func statusLettersBoundTheHiddenCells() throws {
    let ids = [
      "nb_mediations_terminees_jud|cour_appel|riom", "nb_mediations_jud_jaf|cour_appel|riom",
      "nb_mediations_jud_je|cour_appel|riom", "nb_mediations_jud_ca|cour_appel|riom",
    ]
    func rows(_ je: String, _ ca: String) -> [String] {
      [
        Self.row("mf_juge", "nb_mediations_terminees_jud", "cour_appel", "riom", 40),
        Self.row("mf_juge", "nb_mediations_jud_jaf", "cour_appel", "riom", 34),
        Self.row("mf_juge", "nb_mediations_jud_je", "cour_appel", "riom", nil, status: je),
        Self.row("mf_juge", "nb_mediations_jud_ca", "cour_appel", "riom", nil, status: ca),
      ]
    }
    let system = [(cells: ids, equations: [[0, 1, 2, 3]])]
    let lettered = try Self.intervals(.mediationFamiliale, rows: rows("A", "D"), systems: system)
    #expect(
      lettered[ids[2]]!.lower == 1 && lettered[ids[2]]!.upper! == 1, "A, with a D beside it, is exactly 1")
    let secret = try Self.intervals(.mediationFamiliale, rows: rows("S", "S"), systems: system)
    #expect(secret[ids[2]]!.lower == 1 && secret[ids[2]]!.upper! == 5, "S alone: between 1 and 5")
  }

  /// The région's 29 sites are published, its published départements hold 22, and the five secret
  /// ones have 2 + 2 + 1 + 1 + 1 = 7 responding services: every service has at least one site, so
  /// each secret département has exactly as many sites as services.
  @Test func sitesAtLeastServicesPinEachSecretDepartement() throws {
    let secret = ["01": 2, "42": 2, "43": 1, "63": 1, "73": 1]
    var rows = [Self.row("er_moyens", "nb_sites", "region", "84", 29, category: "")]
    rows.append(Self.indicator("nb_services", "region", "84", 12))
    var cells = ["nb_sites|region|84"]
    for (code, services) in secret.sorted(by: { $0.key < $1.key }) {
      rows.append(Self.row("er_moyens", "nb_sites", "departement", code, nil, category: ""))
      rows.append(Self.indicator("nb_services", "departement", code, Double(services)))
      cells.append("nb_sites|departement|\(code)")
    }
    rows.append(Self.row("er_moyens", "nb_sites", "departement", "69", 22, category: ""))
    rows.append(Self.indicator("nb_services", "departement", "69", 5))
    cells.append("nb_sites|departement|69")
    let intervals = try Self.intervals(
      .espaceRencontre, rows: rows, systems: [(cells, [Array(cells.indices)])])
    for (code, services) in secret {
      let interval = intervals["nb_sites|departement|\(code)"]!
      #expect(abs(interval.lower - Double(services)) < 1e-6 && abs(interval.upper! - Double(services)) < 1e-6)
    }
  }

  /// `nb_rdv_realises ≤ nb_rdv_organises` holds for every report, so at every level: it ties the
  /// table of meetings held to the table of meetings organised, published as two systems, which a
  /// reader solves together. Organised meetings are secret in two départements whose held meetings
  /// are published: the région's total leaves no room, each is exactly its held meetings.
  @Test func aBoundRuleTiesTwoSystems() throws {
    let organised = [
      "nb_rdv_organises|region|84", "nb_rdv_organises|departement|01", "nb_rdv_organises|departement|03",
    ]
    let held = [
      "nb_rdv_realises|region|84", "nb_rdv_realises|departement|01", "nb_rdv_realises|departement|03",
    ]
    let rows = [
      Self.row("er_rdv_organises", "nb_rdv_organises", "region", "84", 150, category: ""),
      Self.row("er_rdv_organises", "nb_rdv_organises", "departement", "01", nil, category: ""),
      Self.row("er_rdv_organises", "nb_rdv_organises", "departement", "03", nil, category: ""),
      Self.row("er_activite", "nb_rdv_realises", "region", "84", 150, category: ""),
      Self.row("er_activite", "nb_rdv_realises", "departement", "01", 100, category: ""),
      Self.row("er_activite", "nb_rdv_realises", "departement", "03", 50, category: ""),
    ]
    let intervals = try Self.intervals(
      .espaceRencontre, rows: rows, systems: [(organised, [[0, 1, 2]]), (held, [[0, 1, 2]])])
    #expect(intervals[organised[1]]!.lower == 100 && intervals[organised[1]]!.upper! == 100)
    #expect(intervals[organised[2]]!.lower == 50 && intervals[organised[2]]!.upper! == 50)
  }

  /// A share published to one decimal with its denominator bounds its numerator within ±0,05 % of
  /// the denominator: 25,0 % of 40 measures leaves [9,98 ; 10,02], a single whole number.
  @Test func aShareWithItsDenominatorBoundsItsNumerator() throws {
    let origins = ["jaf", "je", "ca", "autre_judiciaire", "conventionnel"]
    var cells = ["nb_mesures_recues|departement|01"]
    var rows = [Self.row("er_origine", "nb_mesures_recues", "departement", "01", 40, category: "ensemble")]
    for origin in origins {
      cells.append("nb_mesures_recues_\(origin)|departement|01")
      rows.append(
        Self.row("er_origine", "nb_mesures_recues_\(origin)", "departement", "01", nil, category: origin))
    }
    rows.append(Self.indicator("part_jaf", "departement", "01", 25))
    let intervals = try Self.intervals(
      .espaceRencontre, rows: rows, systems: [(cells, [[0, 1, 2, 3, 4, 5]])])
    let jaf = intervals["nb_mesures_recues_jaf|departement|01"]!
    #expect(abs(jaf.lower - 9.98) < 1e-3 && abs(jaf.upper! - 10.02) < 1e-3)
  }

  /// A mean waiting time of 15,0 days over 50 measures that all started, 30 of them in under 15
  /// days: the 20 others wait at least 30 days each (at least one, hidden, from 60 to 89 days), and
  /// at most 15,05 × 50 days in all, so no more than 2,04 of them can wait 90 days or more, below
  /// the threshold of 5 (the equations alone allowed 18).
  @Test func aMeanWaitBoundsItsClasses() throws {
    let classes = [
      ("nb_attente_moins_15_jours", 30.0), ("nb_attente_15_30_jours", 0.0), ("nb_attente_30_60_jours", nil),
      ("nb_attente_60_90_jours", nil), ("nb_attente_plus_90_jours", nil), ("nb_attente_sans_visite", 0.0),
    ]
    var cells = ["nb_mesures_detail|departement|01"]
    var rows = [Self.row("er_delais", "nb_mesures_detail", "departement", "01", 50, category: "ensemble")]
    for (variable, value) in classes {
      cells.append("\(variable)|departement|01")
      rows.append(Self.row("er_delais", variable, "departement", "01", value))
    }
    rows.append(Self.indicator("delai_moyen_attente", "departement", "01", 15))
    let intervals = try Self.intervals(
      .espaceRencontre, rows: rows, systems: [(cells, [Array(cells.indices)])])
    let longest = intervals["nb_attente_plus_90_jours|departement|01"]!
    // 14,95 × c₃₀ + 44,95 × c₆₀ + 74,95 × c₉₀ ≤ 451,5 with c₃₀ + c₆₀ + c₉₀ = 20 and c₆₀ ≥ 1.
    #expect(abs(longest.upper! - 122.5 / 60) < 1e-3, "at most 2,04 measures waited 90 days or more")
  }

  /// The detail's rows are counted by `issue` in five report variables (one `detail-count` rule per
  /// value of the field): the measures of the detail are at most their sum, at every unit. In a
  /// département where 12 measures are ended and 3 still open, at most 15 measures can be in the
  /// detail, so a secret total of the detail is at most 15 (the equations alone left it unbounded).
  @Test func theDetailCountRulesBoundTheDetail() throws {
    let partitions = AttackerKnowledge.builtIn(.espaceRencontre).detailPartitions
    #expect(
      partitions.map { Set($0.variables) } == [
        [
          "nb_mesures_terminees_terme", "nb_mesures_terminees_decision", "nb_mesures_terminees_interruption",
          "nb_mesures_jamais_commencees", "nb_mesures_en_cours_fin",
        ]
      ])
    let ended = [
      ("nb_mesures_terminees", 12.0, "ensemble"), ("nb_mesures_terminees_terme", 6, "terme"),
      ("nb_mesures_terminees_decision", 3, "decision"),
      ("nb_mesures_terminees_interruption", 2, "interruption"),
      ("nb_mesures_jamais_commencees", 1, "jamais"),
    ]
    var rows = ended.map { Self.row("er_fin", $0.0, "departement", "01", $0.1, category: $0.2) }
    rows.append(Self.row("er_sorties", "nb_mesures_en_cours_fin", "departement", "01", 3, category: "fin"))
    rows.append(Self.row("er_delais", "nb_mesures_detail", "departement", "01", nil, category: "ensemble"))
    rows.append(Self.row("er_delais", "nb_attente_sans_visite", "departement", "01", nil))
    let cells =
      ended.map { "\($0.0)|departement|01" } + ["nb_mesures_en_cours_fin|departement|01"]
      + ["nb_mesures_detail|departement|01", "nb_attente_sans_visite|departement|01"]
    let intervals = try Self.intervals(
      .espaceRencontre, rows: rows, systems: [(cells, [[0, 1, 2, 3, 4], [6, 7]])])
    #expect(abs(intervals["nb_mesures_detail|departement|01"]!.upper! - 15) < 1e-6)
  }

  /// A cell published under the rule on services (dominance 1, 85 %) has no service above 85 % of
  /// it: the cour d'appel de Riom's 3,1 FTE financed, published, over three départements of one
  /// service each, all three secret, leaves each at most 2,635 (the equations alone: 3,1).
  @Test func aPublishedCellBoundsTheLoneServicesBelowIt() throws {
    let departements = ["03", "43", "63"]
    var rows = [Self.row("mf_moyens", "etp_finances_ps", "cour_appel", "riom", 3.1, category: "")]
    var cells = ["etp_finances_ps|cour_appel|riom"]
    for code in departements {
      rows.append(Self.row("mf_moyens", "etp_finances_ps", "departement", code, nil, category: ""))
      rows.append(Self.indicator("nb_services", "departement", code, 1))
      cells.append("etp_finances_ps|departement|\(code)")
    }
    let intervals = try Self.intervals(.mediationFamiliale, rows: rows, systems: [(cells, [[0, 1, 2, 3]])])
    for code in departements {
      #expect(abs(intervals["etp_finances_ps|departement|\(code)"]!.upper! - 3.1 * 0.85) < 1e-6)
    }
  }
}
