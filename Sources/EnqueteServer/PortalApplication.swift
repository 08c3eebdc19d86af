import Hummingbird
import Logging

/// The portal's routes over `settings`: what `enquete serve` runs and the tests call.
///
/// Every request goes through the authentication middleware; each route then checks the role.
public func buildRouter(settings: PortalSettings) -> Router<PortalContext> {
  let portal = Portal(settings: settings)
  let router = Router(context: PortalContext.self)
  let pages = PageRoutes(portal: portal)
  let upload = UploadRoute(portal: portal)
  let downloads = DownloadRoutes(portal: portal)
  let publicFiles = PublicFiles(portal: portal)
  let routes: [(HTTPRequest.Method, String, @Sendable (Request, PortalContext) async throws -> Response)] = [
    (.get, "/", pages.home),
    (.get, "/openapi.yaml", OpenAPIDocument.serve),
    (.get, "/connexion", pages.signInForm),
    (.post, "/connexion", pages.signIn),
    (.post, "/deconnexion", pages.signOut),
    (.get, "/campagnes/:enquete/:annee/depot", pages.uploadForm),
    (.post, "/campagnes/:enquete/:annee/depots", upload.handle),
    (.get, "/campagnes/:enquete/:annee/suivi", pages.followUp),
    (.get, "/publications/:enquete/:annee/:fichier", publicFiles.file),
    (.get, "/publications/:enquete/:annee/departements/:code", downloads.list),
    (.get, "/publications/:enquete/:annee/departements/:code/:fichier", downloads.file),
  ]
  router.add(middleware: LogRequestsMiddleware(.debug))
  router.add(middleware: MethodNotAllowedMiddleware(routes: routes.map { ($0.0, $0.1) }))
  router.add(middleware: AuthenticationMiddleware(portal: portal))
  for (method, path, handler) in routes {
    router.on(RouterPath(path), method: method, use: handler)
  }
  return router
}

/// The portal as a Hummingbird application listening on `host`:`port` (HTTP/1.1; put it behind a
/// TLS proxy outside a test machine). A connection idle for `idleTimeout` is closed, so a stalled
/// upload frees its place and nothing of it is stored.
public func buildApplication(
  settings: PortalSettings, host: String = "127.0.0.1", port: Int = 8080,
  idleTimeout: Duration = .seconds(30),
  onServerRunning: @escaping @Sendable (Int) async -> Void = { _ in }
) -> some ApplicationProtocol {
  let seconds = idleTimeout.components.seconds
  return Application(
    router: buildRouter(settings: settings),
    server: .http1(configuration: .init(idleTimeout: .seconds(seconds))),
    configuration: .init(address: .hostname(host, port: port), serverName: "enquete-portail", backlog: 1024),
    onServerRunning: { channel in await onServerRunning(channel.localAddress?.port ?? port) },
    logger: settings.logger)
}
