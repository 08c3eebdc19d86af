import Hummingbird

/// Answers 405 (with `Allow`) for a path of the portal asked with a method it does not take,
/// where the router alone would answer 404 as for a path that does not exist.
struct MethodNotAllowedMiddleware: RouterMiddleware {
  typealias Context = PortalContext

  /// Every route's method and path template (`:name` matches one path component).
  let routes: [(method: HTTPRequest.Method, path: String)]

  func handle(
    _ request: Request, context: PortalContext, next: (Request, PortalContext) async throws -> Response
  ) async throws -> Response {
    let components = request.uri.path.split(separator: "/", omittingEmptySubsequences: true)
    let matching = routes.filter { Self.matches($0.path, components) }
    let allowed = matching.map(\.method)
    guard !allowed.isEmpty, !allowed.contains(request.method),
      !(request.method == .head && allowed.contains(.get))
    else { return try await next(request, context) }
    var names = allowed.map(\.rawValue)
    if allowed.contains(.get) { names.append("HEAD") }
    throw PortalError(
      status: .methodNotAllowed, code: "methode-non-autorisee",
      message: "Cette adresse n'accepte pas la méthode \(request.method.rawValue) : "
        + "elle accepte \(names.joined(separator: ", ")).",
      headers: [.allow: names.joined(separator: ", ")])
  }

  /// Whether `template` matches the path's components.
  static func matches(_ template: String, _ components: [Substring]) -> Bool {
    let parts = template.split(separator: "/", omittingEmptySubsequences: true)
    guard parts.count == components.count else { return false }
    return zip(parts, components).allSatisfy { part, component in part.hasPrefix(":") || part == component }
  }
}
