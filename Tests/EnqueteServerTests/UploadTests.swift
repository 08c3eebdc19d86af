import EnqueteCore
import EnqueteLedger
import EnquetePipeline
import Foundation
import Hummingbird
import HummingbirdTesting
import Testing

@testable import EnqueteServer

/// A service's uploads: stored as `enquete ingest` stores them, acknowledged after the commit,
/// refused with 403/413/415/422 as the issue asks, and every one written to the audit log.
@Suite struct UploadTests {
  static let depots = "/campagnes/mediation-familiale/2025/depots"

  @Test func aServiceUploadsItsOwnCSVAndGetsAnAcknowledgement() async throws {
    let fixture = try PortalFixture()
    let bytes = PortalFixture.bytes(PortalFixture.csvPath)
    let body = try await fixture.test { client in
      try await client.execute(
        uri: Self.depots + "?nom=caf-03-2025.csv", method: .post,
        headers: PortalFixture.bearer(fixture.serviceToken, [.contentType: "text/csv"]),
        body: ByteBuffer(bytes: bytes)
      ) { response in
        #expect(response.status == .created)
        return String(buffer: response.body)
      }
    }
    let ack = try JSONSerialization.jsonObject(with: Data(body.utf8)) as! [String: Any]
    #expect(ack["sha256"] as? String == SHA256.hex(bytes))
    #expect(ack["statut"] as? String == "accepte")
    #expect(ack["fichier"] as? String == "caf-03-2025.csv")
    let id = try #require(ack["id"] as? Int)
    let stored = try #require(
      try fixture.ledger.storedFile(SubmissionFingerprint(bytes: bytes, companion: nil)))
    #expect(stored.id == Int64(id))
    #expect(stored.name == "caf-03-2025.csv")
    let upload = try #require(try fixture.audit().last)
    #expect(upload.action == "upload" && upload.outcome == "accepte" && upload.fileID == Int64(id))
    #expect(upload.sha256 == SHA256.hex(bytes))
    #expect(!body.contains(fixture.serviceToken))
  }

  @Test func theSameFileTwiceIsStoredOnce() async throws {
    let fixture = try PortalFixture()
    let bytes = PortalFixture.bytes(PortalFixture.xmlPath)
    let statuses = try await fixture.test { client in
      var statuses: [HTTPResponse.Status] = []
      for _ in 0..<2 {
        statuses.append(
          try await client.execute(
            uri: Self.depots, method: .post,
            headers: PortalFixture.bearer(fixture.serviceToken, [.contentType: "application/xml"]),
            body: ByteBuffer(bytes: bytes)
          ) { $0.status })
      }
      return statuses
    }
    #expect(statuses == [.created, .ok])
    #expect(try fixture.fileCount() == 1)
  }

  @Test func aReportForAnotherSiretIsRefusedWithoutSayingWhetherItExists() async throws {
    let fixture = try PortalFixture()
    let body = try await fixture.test { client in
      try await client.execute(
        uri: Self.depots, method: .post,
        headers: PortalFixture.bearer(fixture.otherServiceToken, [.contentType: "text/csv"]),
        body: ByteBuffer(bytes: PortalFixture.bytes(PortalFixture.csvPath))
      ) { response in
        #expect(response.status == .forbidden)
        return String(buffer: response.body)
      }
    }
    #expect(body.contains("siret-non-autorise"))
    #expect(!body.contains("existe"))
    for siret in PortalFixture.sirets(of: [PortalFixture.csvPath]) { #expect(!body.contains(siret)) }
    #expect(try fixture.fileCount() == 0)
    #expect(try fixture.audit().last?.outcome == "siret-non-autorise")
  }

  @Test func anOversizeUploadIs413AndNothingIsStored() async throws {
    let fixture = try PortalFixture(maximumUploadBytes: 1024)
    let status = try await fixture.test { client in
      try await client.execute(
        uri: Self.depots, method: .post,
        headers: PortalFixture.bearer(fixture.serviceToken, [.contentType: "text/csv"]),
        body: ByteBuffer(bytes: PortalFixture.bytes(PortalFixture.csvPath))
      ) { $0.status }
    }
    #expect(status == .contentTooLarge)
    #expect(try fixture.fileCount() == 0)
    let spooled = try FileManager.default.contentsOfDirectory(atPath: fixture.settings.spoolDirectory)
    #expect(spooled.isEmpty)
  }

  @Test func aWrongTypeIs415() async throws {
    let fixture = try PortalFixture()
    let statuses = try await fixture.test { client in
      let pdf = try await client.execute(
        uri: Self.depots, method: .post,
        headers: PortalFixture.bearer(fixture.serviceToken, [.contentType: "application/pdf"]),
        body: ByteBuffer(string: "%PDF-1.4")
      ) { $0.status }
      let form = Multipart.form(
        fileName: "rapport.pdf", contentType: "application/pdf", bytes: Array("%PDF".utf8))
      let formPDF = try await client.execute(
        uri: Self.depots, method: .post,
        headers: PortalFixture.bearer(fixture.serviceToken, [.contentType: form.contentType]), body: form.body
      ) { $0.status }
      return [pdf, formPDF]
    }
    #expect(statuses == [.unsupportedMediaType, .unsupportedMediaType])
    #expect(try fixture.fileCount() == 0)
  }

  @Test func anInvalidFileIs422WithFrenchDiagnosticsAndIsKeptAsRefused() async throws {
    let fixture = try PortalFixture()
    let body = try await fixture.test { client in
      try await client.execute(
        uri: Self.depots + "?nom=malforme.xml", method: .post,
        headers: PortalFixture.bearer(fixture.serviceToken, [.contentType: "application/xml"]),
        body: ByteBuffer(bytes: PortalFixture.bytes(PortalFixture.malformedPath))
      ) { response in
        #expect(response.status == .unprocessableContent)
        return String(buffer: response.body)
      }
    }
    let ack = try JSONSerialization.jsonObject(with: Data(body.utf8)) as! [String: Any]
    #expect(ack["statut"] as? String == "refuse")
    let verdict = try #require(ack["verdict"] as? [String: Any])
    #expect(verdict["lisible"] as? Bool == false)
    #expect(body.contains("\"gravite\": \"error\""))
    #expect(try fixture.fileCount() == 1)
  }

  @Test func theSameRefusedBytesSentAgainAreStill422() async throws {
    let fixture = try PortalFixture()
    let answers = try await fixture.test { client in
      var answers: [(HTTPResponse.Status, String)] = []
      for _ in 0..<2 {
        answers.append(
          try await client.execute(
            uri: Self.depots + "?nom=malforme.xml", method: .post,
            headers: PortalFixture.bearer(fixture.serviceToken, [.contentType: "application/xml"]),
            body: ByteBuffer(bytes: PortalFixture.bytes(PortalFixture.malformedPath))
          ) { ($0.status, String(buffer: $0.body)) })
      }
      return answers
    }
    #expect(answers.map(\.0) == [.unprocessableContent, .unprocessableContent])
    let second = try JSONSerialization.jsonObject(with: Data(answers[1].1.utf8)) as! [String: Any]
    #expect(second["statut"] as? String == "deja-recu")
    #expect(try fixture.fileCount() == 1)
  }

  @Test func aFormUploadGetsAnHTMLAcknowledgement() async throws {
    let fixture = try PortalFixture()
    let form = Multipart.form(
      fileName: "caf-03-2025.csv", contentType: "text/csv", bytes: PortalFixture.bytes(PortalFixture.csvPath))
    let page = try await fixture.test { client in
      try await client.execute(
        uri: Self.depots, method: .post,
        headers: [
          .authorization: "Bearer \(fixture.serviceToken)", .accept: "text/html",
          .contentType: form.contentType,
        ],
        body: form.body
      ) { response in
        #expect(response.status == .created)
        #expect(response.headers[.contentType] == "text/html; charset=utf-8")
        return String(buffer: response.body)
      }
    }
    #expect(page.contains("Accusé de réception"))
    #expect(page.contains(SHA256.hex(PortalFixture.bytes(PortalFixture.csvPath))))
    #expect(try fixture.fileCount() == 1)
  }

  @Test func aClosedCampaignTakesNoFile() async throws {
    let fixture = try PortalFixture()
    try fixture.ledger.closeCampaign(survey: .mediationFamiliale, year: 2025, at: Date())
    let status = try await fixture.test { client in
      try await client.execute(
        uri: Self.depots, method: .post,
        headers: PortalFixture.bearer(fixture.serviceToken, [.contentType: "text/csv"]),
        body: ByteBuffer(bytes: PortalFixture.bytes(PortalFixture.csvPath))
      ) { $0.status }
    }
    #expect(status == .conflict)
    #expect(try fixture.fileCount() == 0)
  }
}

/// A CSV report file and its per-measure detail (`…-mesures.csv`) sent together in one form.
@Suite struct DetailUploadTests {
  static let folder = PortalFixture.samples.appendingPathComponent("espace-rencontre/2025")
  static let reports = folder.appendingPathComponent("cour-appel-amiens-2025.csv").path
  static let detail = folder.appendingPathComponent("cour-appel-amiens-2025-mesures.csv").path

  /// The fixture with the 2025 espaces de rencontre campaign open too, and a token for the file's
  /// services.
  static func fixture() throws -> (PortalFixture, String) {
    let fixture = try PortalFixture()
    let directoryPath = PortalFixture.samples.appendingPathComponent("annuaires/espace-rencontre-2025.csv")
      .path
    let bytes = PortalFixture.bytes(directoryPath)
    try fixture.ledger.openCampaign(
      survey: .espaceRencontre, year: 2025,
      directory: try DirectoryFile.read(bytes: bytes, name: "annuaire.csv", survey: .espaceRencontre),
      directoryName: "annuaire.csv", directoryBytes: bytes, at: Date(timeIntervalSince1970: 1_741_000_000))
    let token = try AccessTokens(ledger: fixture.ledger).create(
      role: .service(sirets: PortalFixture.sirets(of: [reports])), label: "Amiens", at: Date()
    ).token
    return (fixture, token)
  }

  @Test func theDetailIsValidatedAndStoredWithItsReports() async throws {
    let (fixture, token) = try Self.fixture()
    let bytes = PortalFixture.bytes(Self.reports)
    let detail = PortalFixture.bytes(Self.detail)
    let form = Multipart.form(
      fileName: "cour-appel-amiens-2025.csv", contentType: "text/csv", bytes: bytes,
      detail: ("cour-appel-amiens-2025-mesures.csv", detail))
    let body = try await fixture.test { client in
      try await client.execute(
        uri: "/campagnes/espace-rencontre/2025/depots", method: .post,
        headers: PortalFixture.bearer(token, [.contentType: form.contentType]), body: form.body
      ) { response in
        #expect(response.status == .created)
        return String(buffer: response.body)
      }
    }
    let ack = try JSONSerialization.jsonObject(with: Data(body.utf8)) as! [String: Any]
    let received = try #require(ack["mesures"] as? [String: Any])
    #expect(received["sha256"] as? String == SHA256.hex(detail))
    #expect(received["taille"] as? Int == detail.count)
    let stored = try #require(
      try fixture.ledger.storedFile(SubmissionFingerprint(bytes: bytes, companion: detail)))
    #expect(stored.id == Int64(try #require(ack["id"] as? Int)))
    let measures = try fixture.ledger.read { db in
      try Int.fetchOne(
        db,
        sql: """
          SELECT sum(d.measure_count) FROM report_detail d JOIN report r ON r.id = d.report_id
          WHERE r.file_id = ?
          """, arguments: [stored.id]) ?? 0
    }
    #expect(measures > 0)
  }

  @Test func anXMLFileTakesNoSeparateDetail() async throws {
    let (fixture, _) = try Self.fixture()
    let form = Multipart.form(
      fileName: "rapport.xml", contentType: "application/xml",
      bytes: PortalFixture.bytes(PortalFixture.xmlPath),
      detail: ("rapport-mesures.csv", PortalFixture.bytes(Self.detail)))
    let status = try await fixture.test { client in
      try await client.execute(
        uri: UploadTests.depots, method: .post,
        headers: PortalFixture.bearer(fixture.serviceToken, [.contentType: form.contentType]), body: form.body
      ) { $0.status }
    }
    #expect(status == .badRequest)
    #expect(try fixture.fileCount() == 0)
  }
}
