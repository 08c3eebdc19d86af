import EnqueteCore

/// The per-measure detail of an espace de rencontre, drawn to agree with its report: as many rows
/// by origin, by ending, still open, waiting and in a violence context as the report says, with
/// dates in order (decision ≤ receipt ≤ first visit ≤ end) and ends within the year.
///
/// Rows are drawn from a stream of their own, so writing a file can draw them again, identical,
/// without keeping a whole large campaign's detail in memory.
struct MeasureDetail {
  let seed: UInt64

  private static let origins = ["jaf", "je", "ca", "autre_judiciaire", "conventionnel"]
  private static let endings = ["terme", "decision", "interruption", "jamais_commencee"]

  /// The rows of a report (empty when it has no measure).
  func rows(for report: SampleReport) -> [[String: Value]] {
    var r = RandomSource(seed: seed, label: "mesures/\(report.year)/\(report.service.siret)")
    let year = report.year
    let january = CivilDate(year: year, month: 1, day: 1)!.dayNumber
    let december = CivilDate(year: year, month: 12, day: 31)!.dayNumber
    var rows: [[String: Value]] = []
    // Open at 1 January: received during the two previous years.
    for _ in 0..<report.count("nb_mesures_en_cours_debut") {
      let origin = r.weighted(zip(Self.origins, NationalTargets.Shares.origins).map { ($0, $1) })
      rows.append(["origine": .string(origin), "reception": .integer(january - r.integer(1...500))])
    }
    for (origin, name) in zip(Self.origins, Self.origins.map { "nb_mesures_recues_\($0)" }) {
      for _ in 0..<report.count(name) {
        rows.append(["origine": .string(origin), "reception": .integer(january + r.integer(0...364))])
      }
    }
    // Endings to random rows; the rest stay open, the latest received of them still waiting.
    var order = r.shuffled(Array(rows.indices))
    var issue = Array(repeating: "en_cours", count: rows.count)
    for (ending, name) in zip(Self.endings, Self.endings.map(Self.countName)) {
      for _ in 0..<report.count(name) { issue[order.removeLast()] = ending }
    }
    let open = order.sorted { reception(rows[$0]) > reception(rows[$1]) }
    let waiting = Set(open.prefix(report.count("nb_mesures_en_attente_fin")))
    let violence = Set(r.shuffled(Array(rows.indices)).prefix(report.count("nb_mesures_contexte_vif")))
    let width = max(4, String(rows.count).count)
    return rows.indices.map { index in
      let received = reception(rows[index])
      var row: [String: Value] = [
        "siret": .string(report.service.siret),
        "mesure_id": .string("M\(year % 100)-" + zeroPadded(index + 1, width: width)),
        "origine": rows[index]["origine"]!,
        "date_decision": .date(CivilDate(dayNumber: received - r.integer(2...45))),
        "date_reception": .date(CivilDate(dayNumber: received)),
        "issue": .string(issue[index]),
        "contexte_vif": .boolean(violence.contains(index)),
        "nb_enfants": .integer(r.weighted([(1, 0.6), (2, 0.3), (3, 0.1)])),
      ]
      var first: Int? = nil
      if issue[index] != "jamais_commencee" && !waiting.contains(index) {
        first = min(received + Int(r.logNormal(0.6) * 35), december)
        row["date_premier_rdv"] = .date(CivilDate(dayNumber: first!))
      }
      if issue[index] != "en_cours" {
        let start = max(first ?? received, january)
        row["date_fin"] = .date(CivilDate(dayNumber: min(start + r.integer(0...300), december)))
      }
      return row
    }
  }

  private func reception(_ row: [String: Value]) -> Int {
    if case .integer(let day) = row["reception"] { return day }
    return 0
  }

  private static func countName(_ ending: String) -> String {
    ending == "jamais_commencee" ? "nb_mesures_jamais_commencees" : "nb_mesures_terminees_\(ending)"
  }
}

/// `value` in decimal, left-padded with zeros to `width` digits.
func zeroPadded(_ value: Int, width: Int) -> String {
  let digits = String(value)
  return String(repeating: "0", count: max(0, width - digits.count)) + digits
}
