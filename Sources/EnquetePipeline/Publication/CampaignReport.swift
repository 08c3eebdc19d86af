import EnqueteAggregate
import EnqueteCore
import EnqueteLedger
import EnqueteRender
import Foundation
import Logging

/// `enquete report SURVEY YEAR`: publishes the campaign (the protected tables), then renders the
/// national report, the open-data and Excel tables, every département's extract and the
/// provenance into the same folder, from the published tables alone.
public enum CampaignReport {
  /// What a report run wrote.
  public struct Outcome: Sendable {
    /// The publication step.
    public var published: CampaignPublisher.Outcome
    /// Every file rendered (relative paths), beside the published ones.
    public var files: [String]
  }

  /// Publishes and renders into `folder` (`republication`: see ``CampaignPublisher``); `templates`
  /// overrides the built-in templates by name.
  public static func run(
    ledger: Ledger, survey: SurveyID, year: Int, folder: String, privateAudit: String, date: Date,
    republication: RepublicationPolicy = .refuse, templates: [String: String] = [:], logger: Logger? = nil
  ) throws -> Outcome {
    let published = try CampaignPublisher.publish(
      ledger: ledger, survey: survey, year: year, folder: folder, privateAudit: privateAudit, date: date,
      republication: republication, logger: logger)
    let root = URL(fileURLWithPath: folder)
    let current = published.publication.published
    let years = try ledger.campaigns().filter { $0.survey == survey.rawValue && $0.year < year }.map(\.year)
    let history = try Set(years).sorted().compactMap { earlier in
      try ledger.lastPublication(survey: survey, year: earlier).map {
        try PublishedData(csv: String(decoding: $0.cells, as: UTF8.self))
      }
    }
    let previous = history.last { $0.year == year - 1 }
    let plan = published.publication.plan
    let constantScope =
      previous == nil
      ? []
      : ConstantScopeEvolution.compute(
        plan: plan, now: try ledger.currentReports(survey: survey, year: year),
        before: try ledger.currentReports(survey: survey, year: year - 1),
        threshold: plan.rules["services"]?.threshold ?? 3)
    let status = try ledger.status(survey: survey, year: year)
    let quality = try ledger.quality(survey: survey, year: year)
    let facts = ReportFacts(
      plan: published.publication.plan, catalog: .builtIn(survey), current: current, previous: previous,
      respondents: status.national.respondents, expected: status.national.expected,
      files: .init(
        total: quality.filesByVerdict.values.reduce(0, +), accepted: quality.filesByVerdict["accepted"] ?? 0,
        partial: quality.filesByVerdict["partial"] ?? 0, refused: quality.filesByVerdict["refused"] ?? 0,
        acceptedReports: quality.currentReports),
      messages: quality.messages.map { .init(code: $0.code, severity: $0.severity, count: $0.count) },
      tool: "enquete \(EnqueteVersion.tool)", history: history, constantScope: constantScope,
      publishedAt: date, revision: published.revision)
    var files = try ReportRenderer(overrides: templates).render(facts)
    files.append(
      .init(
        path: "provenance.json",
        bytes: Array(
          ProvenanceFile.text(
            facts, acceptedReports: quality.currentReports, inputs: quality.inputs,
            published: Array(PublicationFiles.longCSV(current).utf8),
            previous: try ledger.lastPublication(survey: survey, year: year - 1)?.cells, templates: templates
          ).utf8)))
    for file in files {
      let url = root.appendingPathComponent(file.path)
      try FileManager.default.createDirectory(
        at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
      try Data(file.bytes).write(to: url, options: .atomic)
    }
    return Outcome(published: published, files: files.map(\.path))
  }
}
