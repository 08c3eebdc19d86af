import EnqueteCore
import EnqueteIntake
import EnqueteLedger
import EnquetePipeline
import EnqueteServer
import Foundation
import GRDB
import Hummingbird
import HummingbirdTesting

/// A portal over a fresh ledger with the 2025 médiation familiale campaign open, a published
/// folder holding two départements' extracts, and a token for each role.
struct PortalFixture {
  static let root = URL(fileURLWithPath: #filePath)
    .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
  static let samples = root.appendingPathComponent("SampleSubmissions")
  /// A sample CSV file of 2025 with several services' reports.
  static let csvPath = samples.appendingPathComponent("mediation-familiale/2025/caf-03-2025.csv").path
  /// A sample XML file of 2025.
  static let xmlPath = samples.appendingPathComponent(
    "mediation-familiale/2025/federation-region-06-2025.xml"
  ).path
  /// A malformed XML file (an element left open).
  static let malformedPath = samples.appendingPathComponent("invalid/xml-malforme-balise-non-fermee.xml").path

  let ledger: Ledger
  let folder: URL
  let settings: PortalSettings
  /// Covers every SIRET of the sample files above.
  let serviceToken: String
  /// Covers a SIRET that is in none of them.
  let otherServiceToken: String
  let departementToken: String
  let statisticienToken: String
  let justiceToken: String

  init(maximumUploadBytes: Int = PortalSettings.defaultMaximumUploadBytes) throws {
    folder = URL(fileURLWithPath: NSTemporaryDirectory())
      .appendingPathComponent("enquete-portal-\(UUID().uuidString.prefix(8))")
    try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    ledger = try Ledger(path: folder.appendingPathComponent("ledger.sqlite").path)
    let directoryPath = Self.samples.appendingPathComponent("annuaires/mediation-familiale-2025.csv").path
    let bytes = [UInt8](FileManager.default.contents(atPath: directoryPath)!)
    try ledger.openCampaign(
      survey: .mediationFamiliale, year: 2025,
      directory: try DirectoryFile.read(bytes: bytes, name: "annuaire.csv", survey: .mediationFamiliale),
      directoryName: "annuaire.csv", directoryBytes: bytes, at: Date(timeIntervalSince1970: 1_741_000_000))
    let publications = folder.appendingPathComponent("Reports")
    for code in ["01", "02"] {
      let extract = publications.appendingPathComponent("mediation-familiale/2025/departements/\(code)")
      try FileManager.default.createDirectory(at: extract, withIntermediateDirectories: true)
      try Data("<p>Extraction \(code)</p>".utf8).write(to: extract.appendingPathComponent("index.html"))
      try Data("code,valeur\n\(code),12\n".utf8).write(to: extract.appendingPathComponent("\(code).csv"))
    }
    // The national report and a file beside it that is not public.
    let national = publications.appendingPathComponent("mediation-familiale/2025")
    try Data("<p>Rapport national</p>".utf8).write(to: national.appendingPathComponent("rapport.html"))
    try Data("{}".utf8).write(to: national.appendingPathComponent("notes-internes.json"))
    settings = PortalSettings(
      ledger: ledger, publications: publications.path, maximumUploadBytes: maximumUploadBytes,
      spoolDirectory: folder.appendingPathComponent("spool").path)
    let tokens = AccessTokens(ledger: ledger)
    let sirets = Self.sirets(of: [Self.csvPath, Self.xmlPath, Self.malformedPath])
    let now = Date()
    serviceToken = try tokens.create(role: .service(sirets: sirets), label: "services", at: now).token
    otherServiceToken = try tokens.create(role: .service(sirets: ["11111111111111"]), label: "autre", at: now)
      .token
    departementToken = try tokens.create(role: .departement(code: "01"), label: "Ain", at: now).token
    statisticienToken = try tokens.create(
      role: .statisticien(surveys: [.mediationFamiliale]), label: "CNAF", at: now
    ).token
    justiceToken = try tokens.create(
      role: .statisticien(surveys: [.espaceRencontre]), label: "Justice", at: now
    )
    .token
  }

  /// The SIRETs of the reports of `paths`, as validation reads them.
  static func sirets(of paths: [String]) -> Set<String> {
    var sirets = Set<String>()
    for path in paths {
      for report in Intake(campaignYear: 2025).check(.onDisk(path: path), keeping: .reports).reports {
        if let siret = report.siret { sirets.insert(siret) }
      }
    }
    return sirets
  }

  /// The bytes of a file.
  static func bytes(_ path: String) -> [UInt8] { [UInt8](FileManager.default.contents(atPath: path)!) }

  /// Runs `body` against the portal's router.
  func test<T: Sendable>(_ body: @Sendable (any TestClientProtocol) async throws -> T) async throws -> T {
    let application = Application(router: buildRouter(settings: settings))
    return try await application.test(.router, body)
  }

  /// Headers bearing `token`, asking for JSON.
  static func bearer(_ token: String, _ more: HTTPFields = [:]) -> HTTPFields {
    var headers: HTTPFields = [.authorization: "Bearer \(token)", .accept: "application/json"]
    headers.append(contentsOf: more)
    return headers
  }

  /// How many files the ledger holds.
  func fileCount() throws -> Int {
    try ledger.read { db in try Int.fetchOne(db, sql: "SELECT count(*) FROM submission_file") ?? 0 }
  }

  /// The audit log.
  func audit() throws -> [AuditEvent] { try ledger.auditEvents() }
}
