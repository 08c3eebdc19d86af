import EnqueteCore
import EnqueteLedger
import Foundation
import Hummingbird
import HummingbirdTesting
import Testing

@testable import EnqueteServer

/// Each role reaches what it may and nothing else: 401 without a valid token, 404 (not 403) for
/// what it may not see, so that existence never leaks; a revoked token is refused at once.
@Suite struct AccessTests {
  typealias Fixture = PortalFixture

  /// GETs `uri` with `token` (nil: none) and returns the status and the body.
  static func get(
    _ fixture: Fixture, _ uri: String, token: String?, html: Bool = false
  ) async throws
    -> (HTTPResponse.Status, String)
  {
    var headers: HTTPFields = [.accept: html ? "text/html" : "application/json"]
    if let token { headers[.authorization] = "Bearer \(token)" }
    let sent = headers
    return try await fixture.test { client in
      try await client.execute(uri: uri, method: .get, headers: sent) { ($0.status, String(buffer: $0.body)) }
    }
  }

  @Test func withoutATokenEveryProtectedPageIs401() async throws {
    let fixture = try Fixture()
    for uri in [
      "/campagnes/mediation-familiale/2025/suivi", "/campagnes/mediation-familiale/2025/depot",
      "/publications/mediation-familiale/2025/departements/01",
    ] {
      let (status, body) = try await Self.get(fixture, uri, token: nil)
      #expect(status == .unauthorized, "\(uri)")
      #expect(body.contains("jeton-absent"))
    }
  }

  @Test func anUnknownTokenIs401() async throws {
    let fixture = try Fixture()
    let (status, body) = try await Self.get(fixture, "/", token: "enq_inconnu")
    #expect(status == .unauthorized)
    #expect(body.contains("jeton-invalide"))
    #expect(try fixture.audit().last?.outcome == "jeton-inconnu")
  }

  @Test func aRevokedTokenIsRefusedAtOnceAndTheRefusalAudited() async throws {
    let fixture = try Fixture()
    let suivi = "/campagnes/mediation-familiale/2025/suivi"
    #expect(try await Self.get(fixture, suivi, token: fixture.statisticienToken).0 == .ok)
    let stored = try #require(try fixture.ledger.token(sha256: AccessTokens.hash(fixture.statisticienToken)))
    #expect(try fixture.ledger.revokeToken(id: stored.id, at: Date()))
    #expect(try await Self.get(fixture, suivi, token: fixture.statisticienToken).0 == .unauthorized)
    let refusal = try #require(try fixture.audit().last)
    #expect(refusal.tokenID == stored.id && refusal.outcome == "jeton-revoque" && refusal.httpStatus == 401)
  }

  @Test func aStatisticianFollowsTheirSurveyOnly() async throws {
    let fixture = try Fixture()
    let suivi = "/campagnes/mediation-familiale/2025/suivi"
    let (status, page) = try await Self.get(fixture, suivi, token: fixture.statisticienToken, html: true)
    #expect(status == .ok)
    #expect(page.contains("Taux de réponse par région") && page.contains("Services à relancer"))
    #expect(page.contains("/publications/mediation-familiale/2025/departements/01"))
    let (jsonStatus, json) = try await Self.get(fixture, suivi, token: fixture.statisticienToken)
    #expect(jsonStatus == .ok && json.contains("\"departements\""))
    // Justice owns the other survey; a service and a département follow nothing: all 404, the
    // same answer as for a campaign that does not exist.
    let (_, missing) = try await Self.get(
      fixture, "/campagnes/mediation-familiale/2031/suivi", token: fixture.statisticienToken)
    for token in [fixture.justiceToken, fixture.serviceToken, fixture.departementToken] {
      let (refused, body) = try await Self.get(fixture, suivi, token: token)
      #expect(refused == .notFound)
      #expect(body == missing)
    }
  }

  @Test func aDepartementDownloadsItsOwnExtractOnly() async throws {
    let fixture = try Fixture()
    let own = "/publications/mediation-familiale/2025/departements/01"
    let (status, list) = try await Self.get(fixture, own, token: fixture.departementToken)
    #expect(status == .ok && list.contains("\(own)/01.csv"))
    let (fileStatus, csv) = try await Self.get(fixture, own + "/01.csv", token: fixture.departementToken)
    #expect(fileStatus == .ok && csv == "code,valeur\n01,12\n")
    #expect(try fixture.audit().last?.action == "download")
    // Another département's existing extract and one that does not exist answer alike.
    let (other, otherBody) = try await Self.get(
      fixture, "/publications/mediation-familiale/2025/departements/02", token: fixture.departementToken)
    let (none, noneBody) = try await Self.get(
      fixture, "/publications/mediation-familiale/2025/departements/03", token: fixture.departementToken)
    #expect(other == .notFound && none == .notFound && otherBody == noneBody)
    let (otherFile, _) = try await Self.get(
      fixture, "/publications/mediation-familiale/2025/departements/02/02.csv",
      token: fixture.departementToken)
    #expect(otherFile == .notFound)
    for uri in [
      own + "/..%2F02%2F02.csv", own + "/.hidden",
      "/publications/mediation-familiale/2025/departements/..%2F..",
    ] {
      #expect(try await Self.get(fixture, uri, token: fixture.departementToken).0 == .notFound, "\(uri)")
    }
    // A service never downloads; the owning statistician does, Justice does not.
    #expect(try await Self.get(fixture, own, token: fixture.serviceToken).0 == .notFound)
    #expect(try await Self.get(fixture, own, token: fixture.statisticienToken).0 == .ok)
    #expect(try await Self.get(fixture, own, token: fixture.justiceToken).0 == .notFound)
  }

  @Test func theNationalReportAnExtractLinksToIsServedToAnyoneSignedIn() async throws {
    let fixture = try Fixture()
    let report = "/publications/mediation-familiale/2025/rapport.html"
    for token in [
      fixture.departementToken, fixture.serviceToken, fixture.statisticienToken, fixture.justiceToken,
    ] {
      let (status, body) = try await Self.get(fixture, report, token: token)
      #expect(status == .ok && body == "<p>Rapport national</p>")
    }
    #expect(try fixture.audit().last?.action == "download")
    #expect(try await Self.get(fixture, report, token: nil).0 == .unauthorized)
    // Only the public files, by name: nothing else of the folder, nothing above it.
    for uri in [
      "/publications/mediation-familiale/2025/notes-internes.json",
      "/publications/mediation-familiale/2025/tableaux.csv",  // listed, but not there
      "/publications/mediation-familiale/2025/..%2F..%2Fledger.sqlite",
      "/publications/mediation-familiale/2025/departements",
      "/publications/espace-rencontre/2025/rapport.html",
    ] {
      #expect(try await Self.get(fixture, uri, token: fixture.departementToken).0 == .notFound, "\(uri)")
    }
  }

  @Test func onlyAServiceSubmits() async throws {
    let fixture = try Fixture()
    for token in [fixture.departementToken, fixture.statisticienToken] {
      let status = try await fixture.test { client in
        try await client.execute(
          uri: UploadTests.depots, method: .post, headers: Fixture.bearer(token, [.contentType: "text/csv"]),
          body: ByteBuffer(bytes: Fixture.bytes(Fixture.csvPath))
        ) { $0.status }
      }
      #expect(status == .forbidden)
    }
    #expect(try fixture.fileCount() == 0)
  }

  @Test func aPersonSignsInWithTheFormAndTheCookieCarriesTheToken() async throws {
    let fixture = try Fixture()
    let token = fixture.departementToken
    let (status, cookie, home) = try await fixture.test { client in
      let (status, cookie) = try await client.execute(
        uri: "/connexion", method: .post, headers: [.contentType: "application/x-www-form-urlencoded"],
        body: ByteBuffer(string: "jeton=\(token)")
      ) { ($0.status, $0.headers[.setCookie] ?? "") }
      let home = try await client.execute(
        uri: "/", method: .get, headers: [.cookie: "enquete_jeton=\(token)", .accept: "text/html"]
      ) { String(buffer: $0.body) }
      return (status, cookie, home)
    }
    #expect(status == .seeOther)
    #expect(cookie.contains("HttpOnly") && cookie.contains("SameSite=Strict"))
    #expect(home.contains("département 01") && home.contains("departements/01"))
  }

  @Test func theOpenAPIDocumentIsServedWithoutAToken() async throws {
    let fixture = try Fixture()
    let (status, document) = try await Self.get(fixture, "/openapi.yaml", token: nil)
    #expect(status == .ok && document.hasPrefix("openapi: 3.1.0"))
  }

  @Test func aKnownPathWithAnotherMethodIs405WithAllow() async throws {
    let fixture = try Fixture()
    let (status, allow) = try await fixture.test { client in
      try await client.execute(uri: "/connexion", method: .delete) { ($0.status, $0.headers[.allow]) }
    }
    #expect(status == .methodNotAllowed && allow == "GET, POST, HEAD")
    #expect(try await Self.get(fixture, "/nulle-part", token: nil).0 == .notFound)
  }

  @Test func theAuditLogIsAppendOnlyAndHoldsNoToken() async throws {
    let fixture = try Fixture()
    _ = try await Self.get(fixture, "/", token: fixture.serviceToken + "x")
    _ = try await Self.get(
      fixture, "/campagnes/mediation-familiale/2025/suivi", token: fixture.departementToken)
    #expect(try fixture.audit().count == 2)
    #expect(throws: (any Error).self) {
      try fixture.ledger.read { db in try db.execute(sql: "DELETE FROM audit_event") }
    }
    let dump = try fixture.ledger.read { db in
      try String.fetchAll(db, sql: "SELECT target || outcome || ifnull(sha256, '') FROM audit_event")
    }.joined()
    #expect(!dump.contains("enq_"))
  }
}
