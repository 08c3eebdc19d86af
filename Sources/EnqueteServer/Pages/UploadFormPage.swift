import EnqueteCore

/// The upload form for services without software: one labelled file field, one button. It posts
/// the file as `multipart/form-data`; the browser shows the acknowledgement that comes back.
enum UploadFormPage {
  static func render(survey: SurveyID, year: Int, maximumBytes: Int, identity: Identity) -> String {
    let body = """
      <p>Déposez le fichier de votre service pour la campagne \(HTMLPage.escape(survey.frenchName)) \(year), \
      au format XML ou CSV décrit dans la documentation de l'enquête. Il est vérifié dès sa réception : \
      l'accusé de réception indique son numéro d'enregistrement, son empreinte SHA-256 et, s'il y a lieu, \
      ce qu'il faut corriger.</p>
      <form method="post" action="/campagnes/\(survey.rawValue)/\(year)/depots" enctype="multipart/form-data">
      <label for="fichier">Fichier à déposer (XML ou CSV)</label>
      <p class="aide" id="fichier-aide">Taille maximale : \(RoleText.size(maximumBytes)). \
      Un fichier CSV de rapports s'envoie seul.</p>
      <input type="file" id="fichier" name="fichier" accept=".xml,.csv,application/xml,text/xml,text/csv" \
      required aria-describedby="fichier-aide">
      <div><button type="submit">Déposer le fichier</button></div>
      </form>
      """
    return HTMLPage.render(
      title: "Dépôt — \(RoleText.title(survey)) \(year)", body: body, identity: identity)
  }
}
