import Foundation
import Hummingbird

/// Checks the token of every request — from `Authorization: Bearer …`, else from the cookie the
/// sign-in form set — against the ledger, and puts the identity in the context. A request without
/// a token goes on anonymous (the routes decide); one with an unknown or revoked token is refused
/// (401) and the refusal audited. The token itself is never logged nor kept.
struct AuthenticationMiddleware: RouterMiddleware {
  typealias Context = PortalContext
  let portal: Portal

  /// The cookie the sign-in form sets.
  static let cookieName = "enquete_jeton"

  func handle(
    _ request: Request, context: PortalContext, next: (Request, PortalContext) async throws -> Response
  ) async throws -> Response {
    guard let (token, fromCookie) = Self.token(in: request) else { return try await next(request, context) }
    // Signing in again or out must work with a stale cookie.
    if fromCookie, ["/connexion", "/deconnexion"].contains(request.uri.path) {
      return try await next(request, context)
    }
    let tokens = portal.tokens
    let check = try await portal.withLedger { _ in try tokens.check(token) }
    var error = PortalError.invalidToken
    if fromCookie { error.headers[.setCookie] = Self.clearedCookie }
    switch check {
    case .valid(let identity):
      var context = context
      context.identity = identity
      return try await next(request, context)
    case .revoked(let tokenID):
      await portal.audit(
        "refusal", request: request, identity: nil, tokenID: tokenID, outcome: "jeton-revoque",
        status: .unauthorized)
      throw error
    case .unknown:
      await portal.audit(
        "refusal", request: request, identity: nil, outcome: "jeton-inconnu", status: .unauthorized)
      throw error
    }
  }

  /// The token a request bears, and whether it came from the cookie.
  static func token(in request: Request) -> (String, Bool)? {
    if let authorization = request.headers[.authorization] {
      let parts = authorization.split(separator: " ", maxSplits: 1)
      if parts.count == 2, parts[0].lowercased() == "bearer" {
        return (parts[1].trimmingCharacters(in: .whitespaces), false)
      }
      return ("", false)
    }
    if let cookie = request.cookies[cookieName]?.value, !cookie.isEmpty { return (cookie, true) }
    return nil
  }

  /// The `Set-Cookie` value that signs a browser in with `token`.
  static func signInCookie(_ token: String) -> String {
    "\(cookieName)=\(token); Path=/; HttpOnly; SameSite=Strict"
  }

  /// The `Set-Cookie` value that signs a browser out.
  static let clearedCookie = "\(cookieName)=; Path=/; HttpOnly; SameSite=Strict; Max-Age=0"
}
