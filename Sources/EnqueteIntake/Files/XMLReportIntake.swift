import EnqueteCore

/// What an XML file's reports become, one draft at a time: validated (or, when nobody collects
/// them, first tried by the fast checker), counted, their remarks kept; then the file's verdict.
/// Shared by ``SubmissionChecker`` (files) and ``StreamedXMLCheck`` (uploads as they arrive).
struct XMLReportIntake {
  let name: String
  let year: Int?
  /// Whether validated reports are kept (else only their remarks, and clean ones are not built).
  let collects: Bool
  private var remarks: RemarkSink
  private var validator: ReportValidator?
  private var fast: FastReportChecker?
  private(set) var count = 0
  private(set) var reports: [ValidatedReport] = []

  /// Whether clean reports go through the fast checker (false: every report through the
  /// reference validator).
  let fastPath: Bool

  init(
    name: String, year: Int?, collects: Bool, fastPath: Bool = true,
    onRemarks: ((ValidatedReportSummary) -> Void)? = nil
  ) {
    self.name = name
    self.year = year
    self.collects = collects
    self.fastPath = fastPath
    remarks = RemarkSink(onRemarks)
  }

  /// Validates one report of the survey `survey` (nothing when the survey is unknown: the file is
  /// refused as a whole then); `onReport` sees it as validated.
  mutating func take(_ draft: ReportDraft, survey: SurveyID?, onReport: ((ValidatedReport) -> Void)? = nil) {
    guard let survey else { return }
    if validator == nil {
      let sirets = SiretRegistry()
      validator = ReportValidator(survey: survey, campaignYear: year, file: name, sirets: sirets)
      if fastPath { fast = FastReportChecker(survey: survey, campaignYear: year, sirets: sirets) }
    }
    count += 1
    if fast?.isClean(bytes: draft) == true {
      // Clean: typed from the fast checker's slots only when someone keeps the reports.
      guard collects || onReport != nil, let typed = fast?.typed(draft) else { return }
      if collects { reports.append(typed) }
      onReport?(typed)
      return
    }
    let report = validator!.validate(draft.report())
    if !report.diagnostics.isEmpty { remarks.take(ValidatedReportSummary(report)) }
    if collects { reports.append(report) }
    onReport?(report)
  }

  /// The file's verdict once read.
  func verdict(_ outcome: XMLReadOutcome) -> FileVerdict {
    var diagnostics = outcome.diagnostics
    if outcome.isReadable, let survey = outcome.survey {
      diagnostics.insert(
        Diagnostic(
          .note, code: "xml.detected",
          message:
            "Lu comme XML, enquête \(survey.frenchName), schéma \(SurveyDefinition.builtIn(survey).schemaVersion).",
          location: .init(file: name)), at: 0)
    }
    var verdict = FileVerdict(
      file: name, format: .xml, survey: outcome.survey, diagnostics: diagnostics, reportCount: count,
      reports: remarks.kept, isReadable: outcome.isReadable)
    remarks.account(in: &verdict)
    return verdict
  }
}

/// An XML upload validated while its bytes arrive: each piece goes through libxml2's push parser
/// with the survey's XSD plugged in, and each report is validated as soon as it is complete; at the
/// end, the same verdict and reports ``SubmissionChecker`` gives for the whole file.
///
/// Each call returns without suspending; successive calls may come from different threads, one at a
/// time (a request's task). Not `Sendable`.
public final class StreamedXMLCheck {
  private let reader: XMLIncrementalReader
  private var intake: XMLReportIntake

  /// A check of the upload `name` for the campaign `year` (nil: each report's own year).
  public init(name: String, campaignYear year: Int?) {
    reader = XMLIncrementalReader(name: name)
    intake = XMLReportIntake(name: name, year: year, collects: true)
  }

  /// Whether more bytes can change the verdict (false once the file is refused as a whole).
  public var wantsMore: Bool { reader.wantsMore }

  /// Validates the next bytes.
  public func feed(_ bytes: UnsafeRawBufferPointer) {
    let survey = { [reader] in reader.survey }
    reader.feed(bytes) { intake.take($0, survey: survey()) }
  }

  /// Ends the input: the file's verdict and its validated reports.
  public func finish() -> (verdict: FileVerdict, reports: [ValidatedReport]) {
    let survey = { [reader] in reader.survey }
    let outcome = reader.finish { intake.take($0, survey: survey()) }
    return (intake.verdict(outcome), intake.reports)
  }
}
