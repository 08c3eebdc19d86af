import EnqueteCore
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
  public static let publishedFiles = ["tableaux.csv", "tableaux.schema.json", "structure.json", "audit.json"]

  /// Writes `publication` into `directory` (created if needed) and its private audit to
  /// `privateAudit`, which must not lie inside `directory`.
  public static func write(
    _ publication: Publication, to directory: String, privateAudit: String
  ) throws -> PublishedFolder {
    let folder = URL(fileURLWithPath: directory).standardizedFileURL
    let secret = URL(fileURLWithPath: privateAudit).standardizedFileURL
    guard !secret.path.hasPrefix(folder.path + "/") else {
      throw PublicationError.privateAuditInPublishedFolder(privateAudit)
    }
    try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    try FileManager.default.createDirectory(
      at: secret.deletingLastPathComponent(), withIntermediateDirectories: true)
    let contents = [
      PublicationFiles.longCSV(publication), PublicationFiles.longCSVSchema(publication),
      PublicationFiles.structure(publication), AuditFiles.publicAudit(publication),
    ]
    for (name, text) in zip(publishedFiles, contents) {
      try Data(text.utf8).write(to: folder.appendingPathComponent(name), options: .atomic)
    }
    try Data(AuditFiles.privateAudit(publication).utf8).write(to: secret, options: .atomic)
    return PublishedFolder(
      directory: directory, privateAudit: privateAudit, auditPasses: publication.auditPasses,
      summary: summary(publication, directory: directory, privateAudit: privateAudit))
  }

  static func summary(_ publication: Publication, directory: String, privateAudit: String) -> String {
    let statuses = publication.protections.flatMap(\.statuses)
    let primaries = statuses.count(where: \.isPrimary)
    let secondaries = statuses.count { $0 == .secondary }
    var text = """
      \(publication.plan.title) \(publication.year) : \(publication.aggregation.reportCounts.max() ?? 0) rapports, \
      \(publication.linked.systems.count) systèmes de tableaux liés, \(statuses.count) cellules
        secret primaire : \(primaries) cellules ; secret secondaire : \(secondaries) cellules
        audit par programmation linéaire : \(publication.auditPasses ? "réussi" : "ÉCHEC")

      """
    if let comparison = publication.comparison {
      text += """
          régions et cours d'appel protégées ensemble : \(comparison.jointHidden) cases secrètes ; \
        régions seules : \(comparison.regionsAloneHidden) ; cours d'appel seules : \(comparison.coursAloneHidden) ; \
        union des deux motifs séparés : \(comparison.unionHidden) cases, \(comparison.unionFailingPrimaries) \
        cases primaires exposées une fois les deux publiées

        """
    }
    if let comparison = publication.knowledgeComparison {
      text += """
          contre tout ce qu'un lecteur sait : \(comparison.fullHidden) cases secrètes ; contre les seules \
        équations : \(comparison.equationsOnlyHidden) cases, qui laissent \(comparison.equationsOnlyFailingPrimaries) \
        cases primaires exposées et \(comparison.equationsOnlyRecomputable) cases secrètes recalculables \
        exactement (valeurs cachées : audit privé)

        """
    }
    text += "  pertes d'information (cases secrètes / cases, part de la valeur du tableau) :\n"
    for loss in AuditFiles.losses(publication) {
      text +=
        "    \(loss.table): \(loss.primaries + loss.secondaries) / \(loss.cells) "
        + "(\(loss.primaries) primaires, \(loss.secondaries) secondaires), \(FrenchFormat.percent(loss.hiddenShare)) de la valeur\n"
    }
    text += "  publié dans \(directory)/ (\(publishedFiles.joined(separator: ", ")))\n"
    text += "  audit privé (valeurs, pertes d'information) : \(privateAudit) — à ne pas diffuser\n"
    return text
  }
}
