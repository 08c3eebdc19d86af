import EnqueteCore

/// What `enquete publish` prints for the statistician: counts and shares only, never a value
/// (the sums of hidden values stay in the private audit).
public struct PublicationSummary: Sendable {
  /// The plan's French title.
  public var title: String
  /// The campaign year.
  public var year: Int
  /// Reports aggregated.
  public var reports: Int
  /// Linked systems protected.
  public var systems: Int
  /// Cells of those systems.
  public var cells: Int
  /// Primary suppressions.
  public var primaries: Int
  /// Secondary suppressions.
  public var secondaries: Int
  /// The private audit (its verdict, information loss per table and comparisons are told).
  public var audit: PrivateAudit

  /// A summary.
  public init(
    title: String, year: Int, reports: Int, systems: Int, cells: Int, primaries: Int, secondaries: Int,
    audit: PrivateAudit
  ) {
    self.title = title
    self.year = year
    self.reports = reports
    self.systems = systems
    self.cells = cells
    self.primaries = primaries
    self.secondaries = secondaries
    self.audit = audit
  }

  /// The French text, for a folder published in `directory` with its private audit at
  /// `privateAudit`.
  public func text(directory: String, privateAudit: String) -> String {
    var text = """
      \(title) \(year) : \(reports) rapports, \(systems) systèmes de tableaux liés, \(cells) cellules
        secret primaire : \(primaries) cellules ; secret secondaire : \(secondaries) cellules
        audit par programmation linéaire : \(audit.auditPasses ? "réussi" : "ÉCHEC")

      """
    if let comparison = audit.hierarchies {
      text += """
          régions et cours d'appel protégées ensemble : \(comparison.jointHidden) cases secrètes ; \
        régions seules : \(comparison.regionsAloneHidden) ; cours d'appel seules : \(comparison.coursAloneHidden) ; \
        union des deux motifs séparés : \(comparison.unionHidden) cases, \(comparison.unionFailingPrimaries) \
        cases primaires exposées une fois les deux publiées

        """
    }
    if let comparison = audit.knowledge {
      text += """
          contre tout ce qu'un lecteur sait : \(comparison.fullHidden) cases secrètes ; contre les seules \
        équations : \(comparison.equationsOnlyHidden) cases, qui laissent \(comparison.equationsOnlyFailingPrimaries) \
        cases primaires exposées et \(comparison.equationsOnlyRecomputable) cases secrètes recalculables \
        exactement (valeurs cachées : audit privé)

        """
    }
    text += "  pertes d'information (cases secrètes / cases, part de la valeur du tableau) :\n"
    for loss in audit.losses {
      text +=
        "    \(loss.table): \(loss.primaries + loss.secondaries) / \(loss.cells) "
        + "(\(loss.primaries) primaires, \(loss.secondaries) secondaires), \(FrenchNumber.percent(loss.hiddenShare)) de la valeur\n"
    }
    text += "  publié dans \(directory)/ (\(PublicationFiles.publishedFiles.joined(separator: ", ")))\n"
    text += "  audit privé (valeurs, pertes d'information) : \(privateAudit) — à ne pas diffuser\n"
    return text
  }
}
