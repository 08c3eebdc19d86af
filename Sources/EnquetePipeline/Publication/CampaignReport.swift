import EnqueteCore
import EnqueteLedger
import EnqueteRender
import EnqueteSchemas
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

  /// Publishes and renders into `folder`; `templates` overrides the built-in templates by name.
  public static func run(
    ledger: Ledger, survey: SurveyID, year: Int, folder: String, privateAudit: String, date: Date,
    templates: [String: String] = [:], logger: Logger? = nil
  ) throws -> Outcome {
    let published = try CampaignPublisher.publish(
      ledger: ledger, survey: survey, year: year, folder: folder, privateAudit: privateAudit, date: date,
      logger: logger)
    let root = URL(fileURLWithPath: folder)
    let current = published.publication.published
    let previous = try ledger.lastPublication(survey: survey, year: year - 1).map {
      try PublishedData(csv: String(decoding: $0.cells, as: UTF8.self))
    }
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
      tool: "enquete \(EnqueteVersion.tool)")
    var files = try ReportRenderer(overrides: templates).render(facts)
    files.append(
      .init(
        path: "provenance.json",
        bytes: Array(
          provenance(
            facts, quality: quality, published: Array(PublicationFiles.longCSV(current).utf8),
            previous: try ledger.lastPublication(survey: survey, year: year - 1), templates: templates
          ).utf8)))
    for file in files {
      let url = root.appendingPathComponent(file.path)
      try FileManager.default.createDirectory(
        at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
      try Data(file.bytes).write(to: url, options: .atomic)
    }
    return Outcome(published: published, files: files.map(\.path))
  }

  /// `provenance.json`: what produced the folder — the input files (name and SHA-256), the plan,
  /// its rules and settings, the schema, template and tool versions, the published tables' hash.
  /// No date: the same inputs give the same file.
  static func provenance(
    _ facts: ReportFacts, quality: CampaignQuality, published: [UInt8], previous: StoredPublication?,
    templates: [String: String]
  ) -> String {
    let plan = facts.plan
    let rules = plan.rules.keys.sorted().map { name -> OrderedJSON in
      let rule = plan.rules[name]!
      var members: [(String, OrderedJSON)] = [
        ("nom", .string(name)), ("base", .string(rule.basis.rawValue)),
        ("seuil", .number(Double(rule.threshold))),
      ]
      if let dominance = rule.dominance {
        members.append(
          (
            "dominance",
            .object([("n", .number(Double(dominance.contributors))), ("k", .number(dominance.percent))])
          ))
      }
      return .object(members)
    }
    let builtIn = ReportRenderer.builtInTemplates
    let templateHashes = builtIn.keys.sorted().map { name -> (String, OrderedJSON) in
      let text = templates[name] ?? builtIn[name]!
      return (name, .string(SHA256.hex(Array(text.utf8))))
    }
    var members: [(String, OrderedJSON)] = [
      ("enquete", .string(plan.survey.rawValue)), ("annee", .number(Double(facts.current.year))),
      ("outil", .string(facts.tool)), ("version_schemas", .string(SchemaSources.version)),
      ("version_plan_publication", .string(plan.planVersion)),
      ("secret", .object([("regles", .array(rules)), ("ratio_protection", .number(plan.protectionRatio))])),
      ("rapports_acceptes", .number(Double(quality.currentReports))),
      (
        "fichiers_sources",
        // The name the file was sent under, not where it lay: the same inputs give the same file.
        .array(
          quality.inputs.map { (URL(fileURLWithPath: $0.name).lastPathComponent, $0.sha256) }.sorted {
            $0 < $1
          }
          .map { .object([("fichier", .string($0.0)), ("sha256", .string($0.1))]) })
      ),
      ("tableaux_csv_sha256", .string(SHA256.hex(published))),
      ("modeles_sha256", .object(templateHashes)),
    ]
    if let previous {
      members.append(("annee_precedente_tableaux_csv_sha256", .string(SHA256.hex(previous.cells))))
    }
    return OrderedJSON.object(members).rendered()
  }
}
