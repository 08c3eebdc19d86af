import EnqueteAggregate
import EnqueteCore
import EnqueteProtect

/// The two audit files of a publication: the public one (intervals, no value) and the private one
/// (values, required protection, information loss) that never goes into a published folder.
public enum AuditFiles {
  /// Information loss of one table: what the secrecy stage hid.
  public struct Loss: Sendable, Hashable {
    /// The table.
    public var table: String
    /// Its cells (all levels and categories).
    public var cells: Int
    /// Primary suppressions.
    public var primaries: Int
    /// Secondary suppressions.
    public var secondaries: Int
    /// The total value of its cells (confidential).
    public var totalValue: Double
    /// The total value of its hidden cells (confidential).
    public var hiddenValue: Double

    /// The share of the table's value that is hidden.
    public var hiddenShare: Double { totalValue > 0 ? hiddenValue / totalValue : 0 }
  }

  /// The information loss of every table of the plan.
  public static func losses(_ publication: Publication) -> [Loss] {
    var byTable: [String: Loss] = [:]
    for row in publication.rows {
      guard let id = row.cellID, let (system, index) = publication.linked.location[id] else { continue }
      let value = publication.linked.systems[system].table.cells[index].value
      var loss =
        byTable[row.table]
        ?? Loss(table: row.table, cells: 0, primaries: 0, secondaries: 0, totalValue: 0, hiddenValue: 0)
      loss.cells += 1
      loss.totalValue += value
      if row.status.isPrimary { loss.primaries += 1 }
      if row.status == .secondary { loss.secondaries += 1 }
      if row.status.isSuppressed { loss.hiddenValue += value }
      byTable[row.table] = loss
    }
    return publication.plan.tables.compactMap { byTable[$0.id] }
  }

  static func header(_ publication: Publication) -> [(String, OrderedJSON)] {
    [
      ("enquete", .string(publication.plan.survey.rawValue)), ("annee", .number(Double(publication.year))),
      ("plan", .string(publication.plan.planVersion)), ("outil", .string("enquete \(EnqueteVersion.tool)")),
      ("audit_reussi", .bool(publication.auditPasses)),
    ]
  }

  /// The plan rule of a cell's variable (a system tied by a fact may mix rules).
  static func rule(of cellID: String, _ plan: PublicationPlan, default fallback: String) -> String {
    plan.ruleByVariable[String(cellID.prefix { $0 != "|" })] ?? fallback
  }

  static func interval(_ cell: CellAudit) -> OrderedJSON {
    .array([.number(rounded(cell.lower)), cell.upper.map { .number(rounded($0)) } ?? .null])
  }

  /// Four decimals: enough to compare, stable across runs.
  static func rounded(_ value: Double) -> Double {
    let result = (value * 10_000).rounded() / 10_000
    return result == 0 ? 0 : result
  }

  /// `audit.json`: every hidden cell with its status, rule and the interval the published figures
  /// leave it in; counts of hidden cells per table. No value of a hidden cell.
  public static func publicAudit(_ publication: Publication) -> String {
    var cells: [OrderedJSON] = []
    for (number, system) in publication.linked.systems.enumerated() {
      for cell in publication.protections[number].audit.cells {
        cells.append(
          .object([
            ("cellule", .string(cell.id)), ("statut", .string(cell.status.published.rawValue)),
            ("regle", .string(rule(of: cell.id, publication.plan, default: system.rule))),
            ("intervalle", interval(cell)),
          ]))
      }
    }
    // Primaries and secondaries are counted apart only in the private audit: the split is information.
    let tables = losses(publication).map { loss -> OrderedJSON in
      .object([
        ("table", .string(loss.table)), ("cellules", .number(Double(loss.cells))),
        ("secretes", .number(Double(loss.primaries + loss.secondaries))),
      ])
    }
    return OrderedJSON.object(
      header(publication) + [("tableaux", .array(tables)), ("secretes", .array(cells))]
    )
    .rendered()
  }

  /// `audit-prive.json`: every hidden cell with its value, required protection, proved interval
  /// and verdict; information loss per table; the comparison of hierarchies when computed.
  public static func privateAudit(_ publication: Publication) -> String {
    var cells: [OrderedJSON] = []
    for (number, system) in publication.linked.systems.enumerated() {
      for cell in publication.protections[number].audit.cells {
        cells.append(
          .object([
            ("cellule", .string(cell.id)), ("statut", .string(cell.status.rawValue)),
            ("regle", .string(rule(of: cell.id, publication.plan, default: system.rule))),
            ("valeur", .number(rounded(cell.value))),
            (
              "protection_requise",
              cell.required.map { .array([.number(rounded($0.lower)), .number(rounded($0.upper))]) } ?? .null
            ),
            ("intervalle", interval(cell)), ("protegee", .bool(cell.passes)),
          ]))
      }
    }
    let losses = losses(publication).map { loss -> OrderedJSON in
      .object([
        ("table", .string(loss.table)), ("cellules", .number(Double(loss.cells))),
        ("primaires", .number(Double(loss.primaries))), ("secondaires", .number(Double(loss.secondaries))),
        ("valeur_totale", .number(rounded(loss.totalValue))),
        ("valeur_secrete", .number(rounded(loss.hiddenValue))),
        ("part_secrete", .number(rounded(loss.hiddenShare))),
      ])
    }
    var members = header(publication) + [("pertes", .array(losses))]
    if let comparison = publication.comparison {
      members.append(
        (
          "hierarchies",
          .object([
            ("secretes_protection_conjointe", .number(Double(comparison.jointHidden))),
            ("secretes_regions_seules", .number(Double(comparison.regionsAloneHidden))),
            ("secretes_cours_appel_seules", .number(Double(comparison.coursAloneHidden))),
            ("secretes_union_des_deux", .number(Double(comparison.unionHidden))),
            ("primaires_exposees_par_l_union", .number(Double(comparison.unionFailingPrimaries))),
          ])
        ))
    }
    if let comparison = publication.knowledgeComparison {
      members.append(
        (
          "connaissances",
          .object([
            ("secretes_modele_complet", .number(Double(comparison.fullHidden))),
            ("valeur_secrete_modele_complet", .number(rounded(comparison.fullHiddenValue))),
            ("secretes_equations_seules", .number(Double(comparison.equationsOnlyHidden))),
            ("valeur_secrete_equations_seules", .number(rounded(comparison.equationsOnlyHiddenValue))),
            (
              "primaires_exposees_par_les_equations_seules",
              .number(Double(comparison.equationsOnlyFailingPrimaries))
            ),
            (
              "secretes_recalculables_par_les_equations_seules",
              .number(Double(comparison.equationsOnlyRecomputable))
            ),
          ])
        ))
    }
    members.append(("secretes", .array(cells)))
    return OrderedJSON.object(members).rendered()
  }
}
