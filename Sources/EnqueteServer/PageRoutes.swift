import EnqueteCore
import EnqueteLedger
import EnquetePipeline
import EnqueteRender
import Foundation
import Hummingbird

/// The pages for a person: home, sign-in and sign-out, the upload form, the follow-up page.
struct PageRoutes: Sendable {
  let portal: Portal

  /// `GET /`: what the role can do.
  func home(_ request: Request, context: PortalContext) async throws -> Response {
    let campaigns = try await portal.withLedger { try $0.campaigns() }
    var extracts: [(survey: SurveyID, year: Int)] = []
    if case .departement(let code)? = context.identity?.role {
      extracts = PublishedExtracts(root: portal.settings.publications).publications(departement: code)
    }
    return PortalResponse.html(
      HomePage.render(identity: context.identity, campaigns: campaigns, extracts: extracts))
  }

  /// `GET /connexion`: the sign-in form.
  func signInForm(_ request: Request, context: PortalContext) async throws -> Response {
    PortalResponse.html(SignInPage.render())
  }

  /// `POST /connexion`: checks the token typed in the form and, when valid, keeps it in a cookie.
  func signIn(_ request: Request, context: PortalContext) async throws -> Response {
    // A token is short; a longer field is simply not a token (401 below). Past this, 413.
    let limit = 64 * 1024
    let body: ByteBuffer
    do {
      body = try await request.body.collect(upTo: limit)
    } catch {
      throw PortalError.tooLarge(limit: limit)
    }
    let token = FormFields.parse(String(buffer: body))["jeton"]?.trimmingCharacters(in: .whitespaces) ?? ""
    let tokens = portal.tokens
    let check = try await portal.withLedger { _ in try tokens.check(token) }
    guard case .valid(let identity) = check else {
      var tokenID: Int64?
      if case .revoked(let id) = check { tokenID = id }
      await portal.audit(
        "login", request: request, identity: nil, tokenID: tokenID, outcome: "jeton-invalide",
        status: .unauthorized)
      return PortalResponse.html(
        SignInPage.render(error: "Ce jeton d'accès n'est pas (ou plus) valide."), status: .unauthorized)
    }
    await portal.audit("login", request: request, identity: identity, outcome: "connecte", status: .seeOther)
    return PortalResponse.seeOther("/", headers: [.setCookie: AuthenticationMiddleware.signInCookie(token)])
  }

  /// `POST /deconnexion`: forgets the cookie.
  func signOut(_ request: Request, context: PortalContext) async throws -> Response {
    PortalResponse.seeOther("/", headers: [.setCookie: AuthenticationMiddleware.clearedCookie])
  }

  /// `GET /campagnes/{enquete}/{annee}/depot`: the upload form, for a service, while the campaign
  /// is open.
  func uploadForm(_ request: Request, context: PortalContext) async throws -> Response {
    guard let identity = context.identity else {
      throw await portal.refuse(.unauthenticated, request: request, identity: nil)
    }
    guard case .service = identity.role else {
      throw await portal.refuse(.notAService, request: request, identity: identity)
    }
    guard let (survey, year) = CampaignPath.parse(context) else {
      throw await portal.refuse(.notFound, request: request, identity: identity)
    }
    guard try await portal.withLedger({ try $0.isOpen(survey: survey, year: year) }) else {
      throw await portal.refuse(
        .campaignNotOpen("\(survey.frenchName) \(year)"), request: request, identity: identity)
    }
    return PortalResponse.html(
      UploadFormPage.render(
        survey: survey, year: year, maximumBytes: portal.settings.maximumUploadBytes, identity: identity))
  }

  /// `GET /campagnes/{enquete}/{annee}/suivi`: the follow-up page, for the statisticians who own
  /// the survey; 404 for everyone else, as for a campaign that does not exist.
  func followUp(_ request: Request, context: PortalContext) async throws -> Response {
    guard let identity = context.identity else {
      throw await portal.refuse(.unauthenticated, request: request, identity: nil)
    }
    guard let (survey, year) = CampaignPath.parse(context), identity.role.mayFollow(survey) else {
      throw await portal.refuse(.notFound, request: request, identity: identity)
    }
    let facts = try await portal.withLedger { ledger -> FollowUpPage.Facts? in
      do {
        return FollowUpPage.Facts(
          status: try ledger.status(survey: survey, year: year),
          refusedFiles: try ledger.refusedFiles(survey: survey, year: year),
          publications: try ledger.publications(survey: survey, year: year), extracts: [])
      } catch is LedgerError {
        return nil
      }
    }
    guard var facts else { throw await portal.refuse(.notFound, request: request, identity: identity) }
    facts.extracts = PublishedExtracts(root: portal.settings.publications).departements(
      survey: survey, year: year)
    if !PortalResponse.wantsHTML(request) {
      var headers = HTTPFields()
      headers[.contentType] = "application/json; charset=utf-8"
      return Response(
        status: .ok, headers: headers,
        body: .init(byteBuffer: ByteBuffer(string: StatusOutput.json(facts.status))))
    }
    return PortalResponse.html(
      FollowUpPage.render(survey: survey, year: year, facts: facts, identity: identity))
  }
}

/// The fields of an `application/x-www-form-urlencoded` body.
enum FormFields {
  static func parse(_ body: String) -> [String: String] {
    var fields: [String: String] = [:]
    for pair in body.split(separator: "&") {
      let parts = pair.split(separator: "=", maxSplits: 1).map {
        $0.replacingOccurrences(of: "+", with: " ").removingPercentEncoding ?? ""
      }
      if let key = parts.first, fields[key] == nil { fields[key] = parts.count > 1 ? parts[1] : "" }
    }
    return fields
  }
}
