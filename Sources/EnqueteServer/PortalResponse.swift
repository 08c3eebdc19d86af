import EnqueteCore
import Hummingbird

/// Responses in the form the client asked for: HTML for a browser (its `Accept` names
/// `text/html`), JSON for everything else (programs, `curl`).
enum PortalResponse {
  /// Whether `request` comes from a browser (its `Accept` names `text/html`, and not JSON first).
  static func wantsHTML(_ request: Request) -> Bool {
    guard let accept = request.headers[.accept]?.lowercased() else { return false }
    guard let html = accept.range(of: "text/html") else { return false }
    if let json = accept.range(of: "application/json") { return html.lowerBound < json.lowerBound }
    return true
  }

  /// A JSON response (UTF-8).
  static func json(
    _ value: OrderedJSON, status: HTTPResponse.Status = .ok, headers: HTTPFields = [:]
  )
    -> Response
  {
    var headers = headers
    headers[.contentType] = "application/json; charset=utf-8"
    return Response(
      status: status, headers: headers, body: .init(byteBuffer: ByteBuffer(string: value.rendered())))
  }

  /// An HTML page (UTF-8), never cached: pages show a person's own data.
  static func html(_ page: String, status: HTTPResponse.Status = .ok, headers: HTTPFields = [:]) -> Response {
    var headers = headers
    headers[.contentType] = "text/html; charset=utf-8"
    headers[.cacheControl] = "no-store"
    headers[.contentSecurityPolicy] = "default-src 'none'; style-src 'unsafe-inline'; form-action 'self'"
    return Response(status: status, headers: headers, body: .init(byteBuffer: ByteBuffer(string: page)))
  }

  /// A file of a publication, as published: its type by its extension, never cached, saved as a
  /// download unless it is a page.
  static func publishedFile(_ name: String, _ bytes: [UInt8]) -> Response {
    var headers: HTTPFields = [.contentType: PublishedExtracts.contentType(of: name)]
    headers[.cacheControl] = "no-store"
    if !name.hasSuffix(".html") { headers[.contentDisposition] = "attachment; filename=\"\(name)\"" }
    return Response(status: .ok, headers: headers, body: .init(byteBuffer: ByteBuffer(bytes: bytes)))
  }

  /// A redirection after a form (303: the browser follows it with GET).
  static func seeOther(_ location: String, headers: HTTPFields = [:]) -> Response {
    var headers = headers
    headers[.location] = location
    return Response(status: .seeOther, headers: headers)
  }
}

/// A refusal, in French, as JSON (`{"erreur": code, "message": …}`) or as a page. Its message never
/// says whether another service or département exists, nor any of its figures.
struct PortalError: HTTPResponseError {
  /// The HTTP status.
  var status: HTTPResponse.Status
  /// A stable code for programs (`jeton-absent`, `introuvable`…).
  var code: String
  /// What happened and what to do, in French.
  var message: String
  /// Extra headers (`WWW-Authenticate`).
  var headers: HTTPFields = [:]

  func response(from request: Request, context: some RequestContext) throws -> Response {
    if PortalResponse.wantsHTML(request) {
      var body = "<p>\(HTMLPage.escape(message))</p>"
      if status == .unauthorized { body += #"<p><a href="/connexion">Se connecter avec un jeton</a></p>"# }
      body += #"<p><a href="/">Retour à l'accueil</a></p>"#
      return PortalResponse.html(
        HTMLPage.render(title: Self.title(status), body: body, identity: nil), status: status,
        headers: headers)
    }
    return PortalResponse.json(
      .object([("erreur", .string(code)), ("message", .string(message))]), status: status, headers: headers)
  }

  static func title(_ status: HTTPResponse.Status) -> String {
    switch status.code {
    case 401: "Connexion nécessaire"
    case 403: "Dépôt refusé"
    case 404: "Page introuvable"
    case 405: "Méthode non autorisée"
    case 408: "Délai dépassé"
    case 409: "Campagne fermée"
    case 413: "Fichier trop volumineux"
    case 415: "Type de fichier non accepté"
    default: "Requête refusée"
    }
  }
}
