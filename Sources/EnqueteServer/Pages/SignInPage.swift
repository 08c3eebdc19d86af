/// The sign-in form: the person pastes the token they were given; the portal keeps it in a
/// cookie only the portal reads (HttpOnly, SameSite=Strict).
enum SignInPage {
  static func render(error: String? = nil) -> String {
    var body = ""
    if let error { body += #"<p class="refus" role="alert">\#(HTMLPage.escape(error))</p>"# + "\n" }
    body += """
      <p>Saisissez le jeton d'accès que l'équipe de l'enquête vous a remis. Il commence par \
      <code>enq_</code>.</p>
      <form method="post" action="/connexion">
      <label for="jeton">Jeton d'accès</label>
      <input type="password" id="jeton" name="jeton" required autocomplete="off" spellcheck="false">
      <div><button type="submit">Se connecter</button></div>
      </form>
      """
    return HTMLPage.render(title: "Connexion", body: body, identity: nil)
  }
}
