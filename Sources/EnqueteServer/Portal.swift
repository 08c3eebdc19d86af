import EnqueteLedger
import Foundation
import Hummingbird
import Logging

/// What every route of the portal shares: its settings, the token store, the pools its blocking
/// work runs on, and the audit log.
final class Portal: Sendable {
  let settings: PortalSettings
  let tokens: AccessTokens
  /// Ledger reads and writes (tokens, audit, pages).
  let ledgerWork: BlockingWork
  /// Validation and storage of uploads, bounded by `settings.concurrentValidations`.
  let uploadWork: BlockingWork

  init(settings: PortalSettings) {
    self.settings = settings
    tokens = AccessTokens(ledger: settings.ledger)
    ledgerWork = BlockingWork(label: "enquete.portal.ledger", width: 4)
    uploadWork = BlockingWork(label: "enquete.portal.uploads", width: settings.concurrentValidations)
  }

  var ledger: Ledger { settings.ledger }
  var logger: Logger { settings.logger }

  /// Runs a ledger read or write off the cooperative threads.
  func withLedger<T: Sendable>(_ body: @escaping @Sendable (Ledger) throws -> T) async throws -> T {
    let ledger = settings.ledger
    return try await ledgerWork.run { try body(ledger) }
  }

  /// Appends an event to the audit log: who (the token's id), what (method and path), how it
  /// ended. A failure to write it is logged, and does not change the response.
  func audit(
    _ action: String, request: Request, identity: Identity?, tokenID: Int64? = nil, outcome: String,
    status: HTTPResponse.Status, fileID: Int64? = nil, sha256: String? = nil
  ) async {
    let event = AuditEvent(
      at: settings.clock(), tokenID: identity?.tokenID ?? tokenID, action: action,
      target: "\(request.method.rawValue) \(request.uri.path)", outcome: outcome, httpStatus: status.code,
      fileID: fileID, sha256: sha256)
    do {
      try await withLedger { try $0.recordAudit(event) }
    } catch {
      logger.error(
        "audit event not written",
        metadata: ["action": "\(action)", "path": "\(request.uri.path)", "error": "\(error)"])
    }
  }

  /// Audits a refusal and returns it, to be thrown.
  func refuse(
    _ error: PortalError, request: Request, identity: Identity?, action: String = "refusal"
  ) async
    -> PortalError
  {
    await audit(action, request: request, identity: identity, outcome: error.code, status: error.status)
    return error
  }
}
