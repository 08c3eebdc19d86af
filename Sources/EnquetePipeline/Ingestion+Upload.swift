import EnqueteCore
import EnqueteIntake
import EnqueteLedger
import Foundation

extension Ingestion {
  /// Validates an uploaded file, already received whole at `path` (the portal spools the request
  /// body there, and a CSV report file's per-measure detail beside it, `…-mesures.csv`), without
  /// storing it: the caller may still refuse it (a report for a SIRET the
  /// sender may not submit for) before ``storeUpload(_:)``. `name` is the name the sender gave,
  /// used in diagnostics and kept in the ledger; `path`'s extension (`.xml`, `.csv`) says how it
  /// is read.
  ///
  /// - Throws: an error reading the file.
  /// - Complexity: validation of the file, as `enquete ingest` does it.
  public func validateUpload(
    path: String, name: String, fingerprint: SubmissionFingerprint? = nil
  ) throws
    -> ReceivedSubmission
  {
    let bytes = try Data(contentsOf: URL(fileURLWithPath: path), options: .mappedIfSafe)
    // A CSV report file's per-measure detail, spooled beside it (`<spool>-mesures.csv`).
    let detailPath = ((path as NSString).deletingPathExtension) + "-mesures.csv"
    var companion: (name: String, bytes: [UInt8])?
    if (path as NSString).pathExtension.lowercased() == "csv",
      FileManager.default.fileExists(atPath: detailPath)
    {
      let detailName = ((name as NSString).deletingPathExtension) + "-mesures.csv"
      companion = (detailName, [UInt8](try Data(contentsOf: URL(fileURLWithPath: detailPath))))
    }
    let file = SubmittedFile(
      name: name, bytes: [UInt8](bytes), companion: companion,
      format: (path as NSString).pathExtension.lowercased() == "xml" ? .xml : .csv)
    let checked = Intake(campaignYear: campaignYear).check(file, keeping: .reports, path: "")
    return ReceivedSubmission(checked, fingerprint: fingerprint, receivedAt: clock())
  }

  /// An upload already validated as it arrived (``StreamedXMLCheck``), its bytes received whole at
  /// `path`: the submission ``storeUpload(_:)`` takes, without validating it again.
  ///
  /// - Throws: an error reading the file.
  public func receivedUpload(
    path: String, name: String, checked: (verdict: FileVerdict, reports: [ValidatedReport])
  ) throws -> ReceivedSubmission {
    let bytes = [UInt8](try Data(contentsOf: URL(fileURLWithPath: path), options: .mappedIfSafe))
    return ReceivedSubmission(
      name: name, bytes: bytes, fingerprint: nil,
      encoding: DetectedEncoding.of(bytes, format: checked.verdict.format), campaignYear: campaignYear,
      receivedAt: clock(), verdict: checked.verdict, reports: checked.reports)
  }

  /// Stores a validated upload exactly as `enquete ingest` stores a file: the directory check
  /// (a warning, or an error under `strict`, for a SIRET the campaign does not expect), then one
  /// write transaction, which also appends the audit event `audit` makes of the outcome. The same
  /// bytes already kept are recognised and not stored twice.
  ///
  /// - Throws: `LedgerError` when the file's campaign is not open (nothing stored).
  public func storeUpload(
    _ submission: ReceivedSubmission, audit: ((StoreOutcome) -> AuditEvent)? = nil
  ) throws -> Outcome {
    try commit(.submission(submission), audit: audit)
  }
}
