import EnqueteCore
import EnqueteLedger
import EnquetePipeline
import Foundation
import Hummingbird

/// `POST /campagnes/{enquete}/{annee}/depots`: a service's file for an open campaign.
///
/// The body (raw XML or CSV, or an HTML form's file) is received into a spool file — counted,
/// hashed, cut at the size limit and, for XML, validated against the survey's XSD as it arrives —
/// then stored exactly as `enquete ingest` does, in one transaction; the acknowledgement is sent only after the commit.
/// A file holding a report for a SIRET the token does not cover is refused whole, before anything
/// is stored, with the same answer whether that SIRET exists or not.
struct UploadRoute: Sendable {
  let portal: Portal

  func handle(_ request: Request, context: PortalContext) async throws -> Response {
    let identity = context.identity
    guard let identity else { throw await refuse(.unauthenticated, request, nil) }
    guard case .service = identity.role else { throw await refuse(.notAService, request, identity) }
    guard let (survey, year) = CampaignPath.parse(context) else {
      throw await refuse(.notFound, request, identity)
    }
    let open = try await portal.withLedger { try $0.isOpen(survey: survey, year: year) }
    guard open else {
      throw await refuse(.campaignNotOpen("\(survey.frenchName) \(year)"), request, identity)
    }
    guard let kind = UploadSpool.kind(of: request.headers[.contentType]) else {
      throw await refuse(.unsupportedType, request, identity)
    }
    let limit = portal.settings.maximumUploadBytes
    if let length = request.headers[.contentLength].flatMap(Int.init), length > limit + 64 * 1024 {
      throw await refuse(.tooLarge(limit: limit), request, identity)
    }
    let spool = UploadSpool(
      directory: portal.settings.spoolDirectory, maximumBytes: limit, campaignYear: year)
    let upload: SpooledUpload
    do {
      upload = try await withDeadline(portal.settings.uploadDeadline) {
        try await spool.receive(
          request.body, kind: kind, name: request.uri.queryParameters["nom"].map(String.init))
      }
    } catch let error as PortalError {
      throw await refuse(error, request, identity)
    }
    defer { for path in upload.paths { try? FileManager.default.removeItem(atPath: path) } }
    // Its audit row is written in the file's own transaction (UploadRoute.validateAndStore).
    let acknowledgement = try await validateAndStore(
      upload, survey: survey, year: year, identity: identity, request)
    if PortalResponse.wantsHTML(request) {
      return PortalResponse.html(acknowledgement.page(identity: identity), status: acknowledgement.status)
    }
    return PortalResponse.json(acknowledgement.json, status: acknowledgement.status)
  }

  /// Validates the spooled file, checks its SIRETs against the token, and stores it.
  private func validateAndStore(
    _ upload: SpooledUpload, survey: SurveyID, year: Int, identity: Identity, _ request: Request
  ) async throws -> Acknowledgement {
    let settings = portal.settings
    let ingestion = Ingestion(
      ledger: settings.ledger, campaignYear: year, strict: settings.strict, clock: settings.clock,
      logger: settings.logger)
    // XML was validated while it arrived; CSV is read once whole (its encoding and delimiter are
    // sniffed from the file, and its two halves checked at once).
    let submission = try await portal.uploadWork.run {
      if let checked = upload.checked {
        return try ingestion.receivedUpload(path: upload.path, name: upload.name, checked: checked)
      }
      return try ingestion.validateUpload(path: upload.path, name: upload.name)
    }
    if let other = submission.verdict.survey, other != survey {
      throw await refuse(
        PortalError(
          status: .unprocessableContent, code: "autre-enquete",
          message: "Ce fichier est un rapport de l'enquête \(other.frenchName), pas de l'enquête "
            + "\(survey.frenchName) : déposez-le dans la campagne \(other.frenchName). Il n'a pas été enregistré."
        ),
        request, identity)
    }
    if let foreign = submission.reports.first(where: {
      $0.siret.map { !identity.role.maySubmit(for: $0) } ?? false
    }) {
      throw await refuse(.foreignSiret(line: foreign.line), request, identity)
    }
    let outcome: Ingestion.Outcome
    do {
      let target = "\(request.method.rawValue) \(request.uri.path)"
      let clock = settings.clock
      let sha256 = upload.sha256
      outcome = try await portal.uploadWork.run {
        try ingestion.storeUpload(submission) { stored in
          let result = Acknowledgement.Outcome(stored)
          let file =
            switch stored {
            case .stored(let file, _), .duplicate(let file): file
            }
          return AuditEvent(
            at: clock(), tokenID: identity.tokenID, action: "upload", target: target,
            outcome: result.rawValue,
            httpStatus: result.status(refused: file.verdict == .refused).code, fileID: file.id, sha256: sha256
          )
        }
      }
    } catch is LedgerError {
      throw await refuse(.campaignNotOpen("\(survey.frenchName) \(year)"), request, identity)
    }
    switch outcome {
    case .stored(let verdict, let file, _):
      return Acknowledgement(
        fileID: file.id, sha256: upload.sha256, size: upload.size, name: upload.name,
        receivedAt: file.receivedAt, survey: survey, year: year, outcome: .init(.stored(file, superseded: 0)),
        verdict: verdict,
        companion: upload.companion)
    case .duplicate(let file):
      return Acknowledgement(
        fileID: file.id, sha256: upload.sha256, size: upload.size, name: file.name,
        receivedAt: file.receivedAt, survey: survey, year: year, outcome: .duplicate,
        verdict: submission.verdict,
        companion: upload.companion)
    }
  }

  private func refuse(_ error: PortalError, _ request: Request, _ identity: Identity?) async -> PortalError {
    await portal.refuse(error, request: request, identity: identity, action: "upload")
  }
}

/// Runs `body`, failing with 408 when it takes longer than `deadline` (the body is cancelled).
func withDeadline<T: Sendable>(
  _ deadline: Duration, _ body: @escaping @Sendable () async throws -> T
)
  async throws -> T
{
  try await withThrowingTaskGroup(of: T?.self) { group in
    group.addTask { try await body() }
    group.addTask {
      try await Task.sleep(for: deadline)
      return nil
    }
    defer { group.cancelAll() }
    guard let first = try await group.next(), let value = first else { throw PortalError.timeout }
    return value
  }
}
