import EnqueteCore
import Foundation
import Hummingbird

/// The public files of a publication — the national report and its open data — for anyone signed
/// in: what a département's extract page links to (`../../rapport.html`). Only the names listed
/// here are ever read; the private audit never lies in the published folder.
struct PublicFiles: Sendable {
  let portal: Portal

  /// The files of `<root>/<survey>/<year>/` that may be served, as `enquete report` writes them.
  static let names: Set<String> = [
    "rapport.html", "tableaux.csv", "tableaux.schema.json", "structure.json", "audit.json", "provenance.json",
  ]

  /// `GET /publications/{enquete}/{annee}/{fichier}`: one public file of a publication; 401
  /// without a token, 404 for anything else (a name not listed, a publication not there).
  func file(_ request: Request, context: PortalContext) async throws -> Response {
    guard let identity = context.identity else {
      throw await portal.refuse(.unauthenticated, request: request, identity: nil, action: "download")
    }
    guard let (survey, year) = CampaignPath.parse(context), let name = context.parameters.get("fichier"),
      Self.names.contains(name),
      let data = FileManager.default.contents(
        atPath: [portal.settings.publications, survey.rawValue, String(year), name].joined(separator: "/"))
    else { throw await portal.refuse(.notFound, request: request, identity: identity, action: "download") }
    let bytes = [UInt8](data)
    await portal.audit(
      "download", request: request, identity: identity, outcome: "sent", status: .ok,
      sha256: SHA256.hex(bytes))
    return PortalResponse.publishedFile(name, bytes)
  }
}
