import EnqueteCore

/// The audits of a protected publication as their files state them (``PublishedAudit``, the
/// public one; ``PrivateAudit``, with values) and the information loss of each table.
public enum PublicationAudits {
  /// The information loss of every table of `plan`, over the additive cells of `published`
  /// (values from `linked`, statuses from `protections`).
  /// - Complexity: O(published cells).
  public static func losses(
    _ published: PublishedData, plan: PublicationPlan, linked: LinkedTables, protections: [ProtectionResult]
  ) -> [InformationLoss] {
    var byTable: [String: InformationLoss] = [:]
    for cell in published.cells where !cell.isIndicator {
      guard let (system, index) = linked.location[cell.id.description] else { continue }
      let value = linked.systems[system].table.cells[index].value
      let status = protections[system].statuses[index]
      var loss = byTable[cell.table] ?? InformationLoss(table: cell.table)
      loss.cells += 1
      loss.totalValue += value
      if status.isPrimary { loss.primaries += 1 }
      if status == .secondary { loss.secondaries += 1 }
      if status.isSuppressed { loss.hiddenValue += value }
      byTable[cell.table] = loss
    }
    return plan.tables.compactMap { byTable[$0.id] }
  }

  /// `audit.json`: every hidden cell with its published status, rule and interval; hidden cells
  /// per table (primaries and secondaries together: the split is information).
  public static func publicAudit(
    plan: PublicationPlan, year: Int, linked: LinkedTables, protections: [ProtectionResult],
    losses: [InformationLoss]
  ) -> PublishedAudit {
    var cells: [PublishedAudit.HiddenCell] = []
    let ruleByVariable = plan.ruleByVariable
    for (number, system) in linked.systems.enumerated() {
      for cell in protections[number].audit.cells {
        cells.append(
          .init(
            cell: cell.id, status: cell.status.published.rawValue,
            rule: rule(of: cell.id, ruleByVariable, system.rule),
            interval: interval(cell)))
      }
    }
    return PublishedAudit(
      survey: plan.survey.rawValue, year: year, plan: plan.planVersion,
      tool: "enquete \(EnqueteVersion.tool)",
      auditPasses: protections.allSatisfy(\.audit.passes),
      tables: losses.map { .init(table: $0.table, cells: $0.cells, hidden: $0.primaries + $0.secondaries) },
      hidden: cells)
  }

  /// `audit-prive.json`: every hidden cell with its value, required protection, interval and
  /// verdict; the information loss per table; the comparisons when computed.
  /// With `settings` (each system's), every secondary says which primaries it protects
  /// (``SecondarySuppression/reasons(_:statuses:)``) and each system placed by the cutting planes
  /// its certificate; with `republication`, the cells hidden because of the previous publication.
  public static func privateAudit(
    plan: PublicationPlan, year: Int, linked: LinkedTables, protections: [ProtectionResult],
    losses: [InformationLoss], hierarchies: HierarchyComparison?, knowledge: KnowledgeComparison?,
    settings: [SecrecySettings]? = nil, republication: RepublicationProtection.Outcome? = nil
  ) throws -> PrivateAudit {
    var cells: [PrivateAudit.HiddenCell] = []
    var placements: [PrivateAudit.PlacementCertificate] = []
    let ruleByVariable = plan.ruleByVariable
    for (number, system) in linked.systems.enumerated() {
      let table = system.table
      let reasons = try settings.map {
        try SecondarySuppression(settings: $0[number]).reasons(table, statuses: protections[number].statuses)
      }
      for cell in protections[number].audit.cells {
        var hidden = PrivateAudit.HiddenCell(
          cell: cell.id, status: cell.status.rawValue, rule: rule(of: cell.id, ruleByVariable, system.rule),
          value: InformationLoss.rounded(cell.value),
          required: cell.required.map {
            [InformationLoss.rounded($0.lower), InformationLoss.rounded($0.upper)]
          },
          interval: interval(cell), protected: cell.passes)
        if let reasons, !cell.status.isPrimary {
          hidden.protects = (reasons[cell.index] ?? []).map { table.cells[$0].id }
        }
        cells.append(hidden)
      }
      if let settings, let bound = protections[number].lowerBound,
        let gap = protections[number].gap(in: table, settings: settings[number])
      {
        placements.append(
          .init(
            system: number, cells: table.cells.count,
            cost: InformationLoss.rounded(
              protections[number].placementCost(in: table, settings: settings[number])),
            lowerBound: InformationLoss.rounded(bound), gap: (gap * 10_000).rounded() / 10_000))
      }
    }
    return PrivateAudit(
      survey: plan.survey.rawValue, year: year, plan: plan.planVersion,
      tool: "enquete \(EnqueteVersion.tool)",
      auditPasses: protections.allSatisfy(\.audit.passes), losses: losses,
      hierarchies: hierarchies,
      knowledge: knowledge.map {
        var rounded = $0
        rounded.fullHiddenValue = InformationLoss.rounded($0.fullHiddenValue)
        rounded.equationsOnlyHiddenValue = InformationLoss.rounded($0.equationsOnlyHiddenValue)
        return rounded
      },
      placements: settings == nil ? nil : placements,
      republication: republication.map {
        .init(
          previous: $0.previousNumber, hidden: $0.hiddenForRepublication, hiddenAgain: $0.hiddenAgain,
          protectedWith: $0.previousNumbers, shownAgain: $0.shownAgain)
      },
      hidden: cells)
  }

  /// The plan rule of a cell's variable (a system tied by a fact may mix rules).
  static func rule(of cellID: String, _ ruleByVariable: [String: String], _ fallback: String) -> String {
    ruleByVariable[CellID.variable(of: cellID)] ?? fallback
  }

  /// A cell's interval, rounded as the audits write figures.
  static func interval(_ cell: CellAudit) -> [Double?] {
    [InformationLoss.rounded(cell.lower), cell.upper.map(InformationLoss.rounded)]
  }
}
