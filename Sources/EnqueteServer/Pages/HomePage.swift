import EnqueteCore
import EnqueteLedger

/// The home page: what the signed-in role can do, as links.
enum HomePage {
  static func render(
    identity: Identity?, campaigns: [CampaignSummary], extracts: [(survey: SurveyID, year: Int)]
  ) -> String {
    guard let identity else {
      return HTMLPage.render(
        title: "Accueil",
        body: """
          <p>Ce portail reçoit les fichiers des services de médiation familiale et des espaces de \
          rencontre, permet aux statisticiens de suivre les campagnes et aux départements de \
          télécharger leurs extractions.</p>
          <p><a href="/connexion">Se connecter avec un jeton d'accès</a></p>
          """, identity: nil)
    }
    var items: [String] = []
    switch identity.role {
    case .service:
      for campaign in campaigns where campaign.isOpen {
        guard let survey = SurveyID(rawValue: campaign.survey) else { continue }
        items.append(
          "<li><a href=\"/campagnes/\(survey.rawValue)/\(campaign.year)/depot\">Déposer un fichier : "
            + "\(HTMLPage.escape(survey.frenchName)) \(campaign.year)</a></li>")
      }
    case .statisticien:
      for campaign in campaigns {
        guard let survey = SurveyID(rawValue: campaign.survey), identity.role.mayFollow(survey) else {
          continue
        }
        items.append(
          "<li><a href=\"/campagnes/\(survey.rawValue)/\(campaign.year)/suivi\">Suivi de la campagne "
            + "\(HTMLPage.escape(survey.frenchName)) \(campaign.year)</a>"
            + (campaign.isOpen ? " (ouverte)" : " (close)") + "</li>")
      }
    case .departement(let code):
      for extract in extracts {
        items.append(
          "<li><a href=\"/publications/\(extract.survey.rawValue)/\(extract.year)/departements/\(code)\">"
            + "Extraction \(HTMLPage.escape(extract.survey.frenchName)) \(extract.year)</a></li>")
      }
    }
    let body =
      items.isEmpty
      ? "<p>Rien n'est disponible pour votre jeton pour le moment.</p>"
      : "<ul>\n" + items.joined(separator: "\n") + "\n</ul>"
    return HTMLPage.render(title: "Accueil", body: body, identity: identity)
  }
}
