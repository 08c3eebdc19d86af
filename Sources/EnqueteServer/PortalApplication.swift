import Hummingbird
import Logging

/// The portal's routes over `settings`: what `enquete serve` runs and the tests call.
///
/// Every request goes through the authentication middleware; each route then checks the role.
public func buildRouter(settings: PortalSettings) -> Router<PortalContext> {
  let portal = Portal(settings: settings)
  let router = Router(context: PortalContext.self)
  router.add(middleware: LogRequestsMiddleware(.debug))
  router.add(middleware: AuthenticationMiddleware(portal: portal))
  let pages = PageRoutes(portal: portal)
  let upload = UploadRoute(portal: portal)
  let downloads = DownloadRoutes(portal: portal)
  router.get("/", use: pages.home)
  router.get("/openapi.yaml", use: OpenAPIDocument.serve)
  router.get("/connexion", use: pages.signInForm)
  router.post("/connexion", use: pages.signIn)
  router.post("/deconnexion", use: pages.signOut)
  router.get("/campagnes/:enquete/:annee/depot", use: pages.uploadForm)
  router.post("/campagnes/:enquete/:annee/depots", use: upload.handle)
  router.get("/campagnes/:enquete/:annee/suivi", use: pages.followUp)
  router.get("/publications/:enquete/:annee/departements/:code", use: downloads.list)
  router.get("/publications/:enquete/:annee/departements/:code/:fichier", use: downloads.file)
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
