import EnqueteCore
import EnqueteLedger

/// The follow-up page of a campaign, for the statisticians who own its survey: response rates by
/// région and département, the services to remind, the refused files, and the publications.
enum FollowUpPage {
  struct Facts {
    var status: CampaignStatus
    var refusedFiles: [RefusedFile]
    var publications: [PublicationSummary]
    /// Départements with an extract in the published folder.
    var extracts: [String]
  }

  static func render(survey: SurveyID, year: Int, facts: Facts, identity: Identity) -> String {
    let status = facts.status
    let state =
      status.closedAt.map { "close depuis le \(RoleText.dateTime($0))" }
      ?? "ouverte depuis le \(RoleText.dateTime(status.openedAt))"
    var body = """
      <p class="encart">Campagne \(state). Taux de réponse national : \
      <strong>\(RoleText.percent(status.national.rate))</strong> \
      (\(status.national.respondents) services sur \(status.national.expected)). \
      Fichiers reçus : \(status.fileCount).</p>
      <p>Aller à : <a href="#regions">régions</a>, <a href="#departements">départements</a>, \
      <a href="#relances">services à relancer</a>, <a href="#refuses">fichiers refusés</a>, \
      <a href="#publications">publications</a>.</p>
      """
    body += rateTable(id: "regions", title: "Taux de réponse par région", unit: "Région", status.byRegion)
    body += rateTable(
      id: "departements", title: "Taux de réponse par département", unit: "Département", status.byDepartement)
    body += #"<h2 id="relances">Services à relancer</h2>"# + "\n"
    if status.reminders.isEmpty {
      body += "<p>Tous les services attendus ont répondu.</p>\n"
    } else {
      body += """
        <table><caption>\(status.reminders.count) services sans réponse ou dont le dernier fichier a été \
        refusé</caption>
        <thead><tr><th scope="col">Département</th><th scope="col">SIRET</th><th scope="col">Service</th>\
        <th scope="col">Raison</th></tr></thead><tbody>

        """
      for reminder in status.reminders {
        body +=
          "<tr><td>\(HTMLPage.escape(reminder.departementCode))</td><td>\(HTMLPage.escape(reminder.siret))</td>"
          + "<td>\(HTMLPage.escape(reminder.name))</td><td>\(HTMLPage.escape(reminder.reason.rawValue))"
          + (reminder.isRespondent ? " (une version acceptée reste en vigueur)" : "") + "</td></tr>\n"
      }
      body += "</tbody></table>\n"
    }
    body += #"<h2 id="refuses">Fichiers refusés</h2>"# + "\n"
    if facts.refusedFiles.isEmpty {
      body += "<p>Aucun fichier refusé.</p>\n"
    } else {
      body += """
        <table><caption>Fichiers dont aucun rapport n'a été accepté, du plus récent au plus ancien</caption>
        <thead><tr><th scope="col">N°</th><th scope="col">Fichier</th><th scope="col">Reçu le</th>\
        <th scope="col" class="nombre">Rapports</th><th scope="col" class="nombre">Erreurs</th></tr></thead><tbody>

        """
      for file in facts.refusedFiles {
        body +=
          "<tr><td>\(file.id)</td><td>\(HTMLPage.escape(file.name))</td><td>\(RoleText.dateTime(file.receivedAt))</td>"
          + "<td class=\"nombre\">\(file.reportCount)</td><td class=\"nombre\">\(file.errorCount)</td></tr>\n"
      }
      body += "</tbody></table>\n"
    }
    body += publications(survey: survey, year: year, facts: facts)
    return HTMLPage.render(title: "Suivi — \(RoleText.title(survey)) \(year)", body: body, identity: identity)
  }

  static func rateTable(id: String, title: String, unit: String, _ rates: [ResponseRate]) -> String {
    var table = """
      <h2 id="\(id)">\(title)</h2>
      <table><thead><tr><th scope="col">\(unit)</th><th scope="col" class="nombre">Attendus</th>\
      <th scope="col" class="nombre">Répondants</th><th scope="col" class="nombre">Taux</th></tr></thead><tbody>

      """
    for rate in rates {
      table +=
        "<tr><th scope=\"row\">\(HTMLPage.escape(rate.code)) \(HTMLPage.escape(rate.name))</th>"
        + "<td class=\"nombre\">\(rate.expected)</td><td class=\"nombre\">\(rate.respondents)</td>"
        + "<td class=\"nombre\">\(RoleText.percent(rate.rate))</td></tr>\n"
    }
    return table + "</tbody></table>\n"
  }

  static func publications(survey: SurveyID, year: Int, facts: Facts) -> String {
    var html = #"<h2 id="publications">Publications</h2>"# + "\n"
    if facts.publications.isEmpty {
      html += "<p>Aucune publication enregistrée pour cette campagne.</p>\n"
    } else {
      html += "<ul>\n"
      for publication in facts.publications {
        html +=
          "<li>Publication n° \(publication.id) du \(RoleText.dateTime(publication.publishedAt)), "
          + "plan \(HTMLPage.escape(publication.planVersion)), tableaux <code>\(publication.cellsSha256)</code></li>\n"
      }
      html += "</ul>\n"
    }
    if !facts.extracts.isEmpty {
      html +=
        "<p>Extractions départementales publiées : "
        + facts.extracts.map {
          "<a href=\"/publications/\(survey.rawValue)/\(year)/departements/\($0)\">\($0)</a>"
        }.joined(separator: ", ") + ".</p>\n"
    }
    return html
  }
}
