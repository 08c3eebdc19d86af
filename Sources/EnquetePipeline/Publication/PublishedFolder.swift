import EnqueteCore
import EnqueteProtect
import EnqueteRender
import Foundation

/// Writes a publication's files: the published folder and, outside it, the private audit.
public struct PublishedFolder: Sendable {
  /// The published folder.
  public var directory: String
  /// The private audit's path.
  public var privateAudit: String
  /// Whether the publication's audit passed.
  public var auditPasses: Bool
  /// A French summary for the terminal (counts only, no value).
  public var summary: String

  /// The files of the published folder, in the order written.
  public static let publishedFiles = PublicationFiles.publishedFiles

  /// Writes `publication` into `directory` (created if needed) and its private audit to
  /// `privateAudit`, which must not lie inside `directory`; `revision` is the publication it
  /// replaces, said in `datapackage.json`.
  public static func write(
    _ publication: Publication, to directory: String, privateAudit: String,
    revision: PublicationRevision? = nil
  ) throws -> PublishedFolder {
    let folder = URL(fileURLWithPath: directory).standardizedFileURL
    let secret = URL(fileURLWithPath: privateAudit).standardizedFileURL
    guard !secret.path.hasPrefix(folder.path + "/") else {
      throw PublicationError.privateAuditInPublishedFolder(privateAudit)
    }
    try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    try FileManager.default.createDirectory(
      at: secret.deletingLastPathComponent(), withIntermediateDirectories: true)
    let (plan, year, linked, protections) =
      (publication.plan, publication.year, publication.linked, publication.protections)
    let losses = PublicationAudits.losses(
      publication.published, plan: plan, linked: linked, protections: protections)
    let contents = PublicationFiles.published(
      publication.published, plan: plan,
      structure: PublishedStructure(plan: plan, year: year, linked: linked),
      audit: PublicationAudits.publicAudit(
        plan: plan, year: year, linked: linked, protections: protections, losses: losses), revision: revision)
    for (name, text) in zip(publishedFiles, contents) {
      try Data(text.utf8).write(to: folder.appendingPathComponent(name), options: .atomic)
    }
    let audit = try PublicationAudits.privateAudit(
      plan: plan, year: year, linked: linked, protections: protections, losses: losses,
      hierarchies: publication.comparison, knowledge: publication.knowledgeComparison,
      settings: publication.settings, republication: publication.republication)
    try Data(audit.rendered().utf8).write(to: secret, options: .atomic)
    let statuses = protections.flatMap(\.statuses)
    let summary = PublicationSummary(
      title: plan.title, year: year, reports: publication.aggregation.reportCounts.max() ?? 0,
      systems: linked.systems.count, cells: statuses.count, primaries: statuses.count(where: \.isPrimary),
      secondaries: statuses.count { $0 == .secondary }, audit: audit)
    return PublishedFolder(
      directory: directory, privateAudit: privateAudit, auditPasses: publication.auditPasses,
      summary: summary.text(directory: directory, privateAudit: privateAudit))
  }
}
