import EnqueteCore

/// A campaign's status for people (French text), programs (JSON) and the reminder mail merge (CSV).
public enum StatusOutput {
  /// The text `enquete status` prints.
  public static func text(_ status: CampaignStatus) -> String {
    let survey = SurveyID(rawValue: status.survey)?.frenchName ?? status.survey
    var out = "Campagne \(survey) \(status.year) — "
    out +=
      status.closedAt.map { "close le \(FrenchFormat.dateTime($0))" }
      ?? "ouverte le \(FrenchFormat.dateTime(status.openedAt))"
    out += "\n\(FrenchFormat.plural(status.fileCount, "fichier reçu", "fichiers reçus"))\n\n"
    out += "Taux de réponse national : \(rate(status.national))\n"
    func section(_ title: String, _ rates: [ResponseRate]) {
      guard !rates.isEmpty else { return }
      out += "\n\(title)\n"
      for unit in rates { out += "  \(unit.code) \(unit.name) : \(rate(unit))\n" }
    }
    section("Par région :", status.byRegion)
    if !status.byCourAppel.isEmpty { section("Par cour d'appel :", status.byCourAppel) }
    section("Par département :", status.byDepartement)
    out += "\nNon-répondants (\(status.nonRespondents.count)) :\n"
    for reminder in status.nonRespondents { out += "  \(line(reminder))\n" }
    let refused = status.lastFileRefused
    out += "\nServices dont le dernier fichier a été refusé (\(refused.count)) :\n"
    for reminder in refused {
      out +=
        "  \(line(reminder))\(reminder.isRespondent ? " (une version antérieure acceptée compte)" : "")\n"
    }
    if !status.unexpectedSirets.isEmpty {
      out += "\nRapports acceptés de SIRET hors annuaire (\(status.unexpectedSirets.count)) : "
      out += status.unexpectedSirets.joined(separator: ", ") + "\n"
    }
    return out
  }

  /// `95,1 % (272 / 286)`.
  public static func rate(_ unit: ResponseRate) -> String {
    "\(FrenchNumber.percent(unit.rate)) (\(unit.respondents) / \(unit.expected))"
  }

  static func line(_ reminder: Reminder) -> String {
    "\(reminder.siret) \(reminder.name) (\(reminder.departementCode)) — \(reminder.reason.rawValue)"
  }

  /// The mail-merge list: `siret,nom,departement,raison`, one line per service to write to.
  public static func remindersCSV(_ status: CampaignStatus) -> String {
    var out = "siret,nom,departement,raison\r\n"
    for reminder in status.reminders {
      out += CSVText.line(
        [reminder.siret, reminder.name, reminder.departementCode, reminder.reason.rawValue],
        terminator: "\r\n")
    }
    return out
  }

  /// The status as JSON, keys in a stable order.
  public static func json(_ status: CampaignStatus) -> String {
    func rates(_ list: [ResponseRate]) -> OrderedJSON { .array(list.map(rateJSON)) }
    return OrderedJSON.object([
      ("enquete", .string(status.survey)),
      ("annee", .number(Double(status.year))),
      ("ouverte_le", .string(FrenchFormat.iso(status.openedAt))),
      ("close_le", status.closedAt.map { .string(FrenchFormat.iso($0)) } ?? .null),
      ("fichiers_recus", .number(Double(status.fileCount))),
      ("national", rateJSON(status.national)),
      ("regions", rates(status.byRegion)),
      ("departements", rates(status.byDepartement)),
      ("cours_appel", rates(status.byCourAppel)),
      (
        "relances",
        .array(
          status.reminders.map {
            .object([
              ("siret", .string($0.siret)), ("nom", .string($0.name)),
              ("departement", .string($0.departementCode)),
              ("raison", .string($0.reason.rawValue)), ("repondant", .bool($0.isRespondent)),
            ])
          })
      ),
      ("siret_hors_annuaire", .array(status.unexpectedSirets.map(OrderedJSON.string))),
    ]).rendered()
  }

  static func rateJSON(_ unit: ResponseRate) -> OrderedJSON {
    .object([
      ("code", .string(unit.code)), ("nom", .string(unit.name)), ("attendus", .number(Double(unit.expected))),
      ("repondants", .number(Double(unit.respondents))), ("taux", unit.rate.map { .number($0) } ?? .null),
    ])
  }
}
