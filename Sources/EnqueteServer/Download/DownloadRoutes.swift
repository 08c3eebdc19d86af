import EnqueteCore
import Foundation
import Hummingbird

/// A département's extract of a publication: the list of its files, and each file. Anything the
/// identity may not see answers 404, exactly as what does not exist, so that existence never leaks.
struct DownloadRoutes: Sendable {
  let portal: Portal

  var extracts: PublishedExtracts { PublishedExtracts(root: portal.settings.publications) }

  /// `GET /publications/{enquete}/{annee}/departements/{code}`: the extract's files.
  func list(_ request: Request, context: PortalContext) async throws -> Response {
    let (survey, year, code) = try await allowed(request, context)
    let files = extracts.files(survey: survey, year: year, departement: code)
    guard !files.isEmpty else {
      throw await portal.refuse(.notFound, request: request, identity: context.identity)
    }
    let base = "/publications/\(survey.rawValue)/\(year)/departements/\(code)"
    if !PortalResponse.wantsHTML(request) {
      return PortalResponse.json(
        .object([
          ("enquete", .string(survey.rawValue)), ("annee", .number(Double(year))),
          ("departement", .string(code)),
          ("fichiers", .array(files.map { .string("\(base)/\($0)") })),
        ]))
    }
    let items = files.map { "<li><a href=\"\(base)/\(HTMLPage.escape($0))\">\(HTMLPage.escape($0))</a></li>" }
    let body = """
      <p>Les fichiers de l'extraction du département \(code) pour la publication \
      \(HTMLPage.escape(survey.frenchName)) \(year) : la page de synthèse et le tableau CSV.</p>
      <ul>
      \(items.joined(separator: "\n"))
      </ul>
      """
    return PortalResponse.html(
      HTMLPage.render(
        title: "Extraction du département \(code) — \(RoleText.title(survey)) \(year)", body: body,
        identity: context.identity))
  }

  /// `GET /publications/{enquete}/{annee}/departements/{code}/{fichier}`: one file of the extract.
  func file(_ request: Request, context: PortalContext) async throws -> Response {
    let (survey, year, code) = try await allowed(request, context)
    guard let name = context.parameters.get("fichier"),
      let bytes = extracts.read(survey: survey, year: year, departement: code, name: name)
    else { throw await portal.refuse(.notFound, request: request, identity: context.identity) }
    await portal.audit(
      "download", request: request, identity: context.identity, outcome: "sent", status: .ok,
      sha256: SHA256.hex(bytes))
    return PortalResponse.publishedFile(name, bytes)
  }

  /// The publication and département of the path, when the identity may read that extract;
  /// 401 without a token, 404 otherwise.
  private func allowed(_ request: Request, _ context: PortalContext) async throws -> (SurveyID, Int, String) {
    guard let identity = context.identity else {
      throw await portal.refuse(.unauthenticated, request: request, identity: nil, action: "download")
    }
    guard let (survey, year) = CampaignPath.parse(context), let code = CampaignPath.departement(context),
      identity.role.mayDownload(survey: survey, departement: code)
    else { throw await portal.refuse(.notFound, request: request, identity: identity, action: "download") }
    return (survey, year, code)
  }
}
