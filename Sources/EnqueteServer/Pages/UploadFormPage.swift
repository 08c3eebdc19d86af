import EnqueteCore

/// The upload form for services without software: the file, and for a CSV report file its optional
/// per-measure detail (`…-mesures.csv`), each a labelled field, and one button. It posts them as
/// `multipart/form-data`; the browser shows the acknowledgement that comes back.
enum UploadFormPage {
  static func render(survey: SurveyID, year: Int, maximumBytes: Int, identity: Identity) -> String {
    let body = """
      <p>Déposez le fichier de votre service pour la campagne \(HTMLPage.escape(survey.frenchName)) \(year), \
      au format XML ou CSV décrit dans la documentation de l'enquête. Il est vérifié dès sa réception : \
      l'accusé de réception indique son numéro d'enregistrement, son empreinte SHA-256 et, s'il y a lieu, \
      ce qu'il faut corriger.</p>
      <form method="post" action="/campagnes/\(survey.rawValue)/\(year)/depots" enctype="multipart/form-data">
      <label for="fichier">Fichier à déposer (XML ou CSV)</label>
      <p class="aide" id="fichier-aide">Taille maximale : \(RoleText.size(maximumBytes)), détail compris.</p>
      <input type="file" id="fichier" name="fichier" accept=".xml,.csv,application/xml,text/xml,text/csv" \
      required aria-describedby="fichier-aide">
      <label for="mesures">Détail par mesure (facultatif, avec un fichier CSV de rapports)</label>
      <p class="aide" id="mesures-aide">Le fichier <code>…-mesures.csv</code> qui accompagne le fichier CSV : \
      une ligne par mesure. Un fichier XML porte ce détail dans chaque rapport.</p>
      <input type="file" id="mesures" name="mesures" accept=".csv,text/csv" aria-describedby="mesures-aide">
      <div><button type="submit">Déposer le fichier</button></div>
      </form>
      """
    return HTMLPage.render(
      title: "Dépôt — \(RoleText.title(survey)) \(year)", body: body, identity: identity)
  }
}
