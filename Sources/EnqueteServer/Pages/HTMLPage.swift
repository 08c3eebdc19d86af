import EnqueteCore

/// The portal's pages: one layout, French, escaped, usable with the keyboard alone (a skip link,
/// labelled fields, visible focus, real links and buttons), readable without its style sheet.
enum HTMLPage {
  /// `text` with the five characters HTML gives meaning to escaped (as in XML: `&apos;` is HTML5).
  static func escape(_ text: String) -> String { XMLText.escape(text) }

  /// A whole page: `title` (plain text, escaped here) and `body` (HTML, already escaped), with the
  /// navigation for `identity` (nil: not signed in).
  static func render(title: String, body: String, identity: Identity?) -> String {
    let who: String
    if let identity {
      who = """
        <p class="qui">Connecté : \(escape(RoleText.describe(identity.role))) (jeton n° \(identity.tokenID))</p>
        <form method="post" action="/deconnexion"><button type="submit">Se déconnecter</button></form>
        """
    } else {
      who = #"<p class="qui"><a href="/connexion">Se connecter</a></p>"#
    }
    return """
      <!DOCTYPE html>
      <html lang="fr">
      <head>
      <meta charset="utf-8">
      <meta name="viewport" content="width=device-width, initial-scale=1">
      <title>\(escape(title)) — Portail des enquêtes d'activité</title>
      <style>\(style)</style>
      </head>
      <body>
      <a class="evitement" href="#contenu">Aller au contenu</a>
      <header>
      <p class="portail"><a href="/">Portail des enquêtes d'activité</a></p>
      \(who)
      </header>
      <main id="contenu" tabindex="-1">
      <h1>\(escape(title))</h1>
      \(body)
      </main>
      <footer><p>Médiation familiale (CNAF) et espaces de rencontre (ministère de la Justice). \
      <a href="/openapi.yaml">Description de l'API (OpenAPI)</a></p></footer>
      </body>
      </html>

      """
  }

  /// The style sheet: sober, high contrast, a focus ring on everything that takes focus.
  static let style = """
    body{font-family:system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;margin:0;color:#161616;\
    background:#fff;line-height:1.5}
    header,main,footer{max-width:60rem;margin:0 auto;padding:0 1rem}
    header{display:flex;flex-wrap:wrap;gap:1rem;align-items:center;justify-content:space-between;\
    border-bottom:3px solid #000091}
    header form{margin:0}
    .portail{font-weight:700;font-size:1.15rem}
    .portail a{color:#000091;text-decoration:none}
    .qui{margin:.5rem 0;color:#3a3a3a}
    h1{color:#000091;font-size:1.6rem}
    h2{font-size:1.25rem;margin-top:2rem;border-bottom:1px solid #ddd}
    a{color:#000091}
    a:focus,button:focus,input:focus,select:focus,main:focus-visible{outline:3px solid #0a76f6;outline-offset:2px}
    .evitement{position:absolute;left:-999px}
    .evitement:focus{left:1rem;top:.5rem;background:#fff;padding:.25rem .5rem;z-index:1}
    label{display:block;font-weight:600;margin-top:1rem}
    .aide{color:#3a3a3a;font-size:.9rem;margin:.25rem 0}
    input[type=file],input[type=password]{margin-top:.25rem;font-size:1rem}
    input[type=password]{width:100%;max-width:32rem;padding:.4rem}
    button{margin-top:1rem;background:#000091;color:#fff;border:0;padding:.5rem 1rem;font-size:1rem;\
    border-radius:.25rem;cursor:pointer}
    header button{margin:0;background:#fff;color:#000091;border:1px solid #000091}
    table{border-collapse:collapse;margin:1rem 0;width:100%}
    caption{text-align:left;font-weight:600;padding:.25rem 0}
    th,td{border:1px solid #ccc;padding:.3rem .5rem;text-align:left;vertical-align:top}
    td.nombre,th.nombre{text-align:right;font-variant-numeric:tabular-nums}
    thead th{background:#f0f0f8}
    .ok{color:#18753c;font-weight:600}
    .refus{color:#ce0500;font-weight:600}
    .attention{color:#b34000;font-weight:600}
    .encart{border-left:4px solid #000091;background:#f5f5fe;padding:.5rem 1rem;margin:1rem 0}
    code{font-size:.9rem;word-break:break-all}
    footer{margin-top:3rem;border-top:1px solid #ddd;color:#3a3a3a;font-size:.9rem}
    """
}
