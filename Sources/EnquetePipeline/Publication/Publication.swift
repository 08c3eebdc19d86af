import EnqueteAggregate
import EnqueteCore
import EnqueteProtect
import Foundation
import Logging

/// One campaign's protected publication: aggregation → primary and secondary suppression over
/// every linked system at once → LP audit → derived indicators. Every renderer draws from it.
public struct Publication: Sendable {
  /// The plan published.
  public let plan: PublicationPlan
  /// The aggregated cells.
  public let aggregation: Aggregation
  /// The linked systems the secrecy stage protected.
  public let linked: LinkedTables
  /// The protection of each system (statuses and audit), in the order of ``LinkedTables/systems``.
  public let protections: [ProtectionResult]
  /// The secrecy settings of each system.
  public let settings: [SecrecySettings]
  /// The derived indicators at every unit of their levels.
  public let indicators: [IndicatorCell]
  /// The joint protection compared with protecting each hierarchy alone, when asked for.
  public let comparison: HierarchyComparison?
  /// The full attacker model compared with the equations alone, when asked for.
  public var knowledgeComparison: KnowledgeComparison? = nil

  /// The campaign year.
  public var year: Int { aggregation.year }

  /// Aggregates `reports`, protects every system (several at once on the machine's cores),
  /// audits, and computes the indicators.
  /// - Complexity: dominated by the secondary suppression of the largest system.
  public static func run(
    plan: PublicationPlan, year: Int, reports: [ReportFigures], compareHierarchies: Bool = false,
    compareKnowledge: Bool = false, logger: Logger? = nil
  ) throws -> Publication {
    let aggregation = try Aggregation(plan: plan, year: year, reports: reports)
    let linked = LinkedTables(aggregation, knowledge: knowledge(of: plan))
    // What the pattern itself tells a reader (dominance of the published cells) is known once
    // the pattern is: each system is audited again with it, completed where needed.
    let settings = linked.systems.map { settingsOf(plan.rules[$0.rule]!, plan: plan) }
    let protections = try PatternKnowledge.reinforced(
      try protectAll(linked.systems.map(\.table), settings, logger: logger), linked, aggregation, settings,
      knowledge: knowledge(of: plan), logger: logger)
    let statusByCell = { (id: String) -> CellStatus? in
      linked.location[id].map { protections[$0.system].statuses[$0.cell] }
    }
    let countThreshold = plan.rules["effectifs"]?.threshold ?? 5
    let indicators = plan.indicators.flatMap { indicator in
      IndicatorCell.compute(indicator, aggregation, threshold: countThreshold) { variable, unit in
        let id = LinkedTables.cellID(variable, aggregation.units.units[unit])
        guard let status = statusByCell(id) else { return false }
        return !status.isSuppressed
      }
    }
    let comparison =
      compareHierarchies
      ? try HierarchyComparison.run(aggregation, linked, protections, settings, logger: logger) : nil
    logger?.info(
      "publication protected",
      metadata: [
        "survey": "\(plan.survey.rawValue)", "year": "\(year)", "systems": "\(linked.systems.count)",
        "cells": "\(linked.location.count)",
        "hidden": "\(protections.reduce(0) { $0 + $1.statuses.count(where: \.isSuppressed) })",
      ])
    var publication = Publication(
      plan: plan, aggregation: aggregation, linked: linked, protections: protections, settings: settings,
      indicators: indicators, comparison: comparison)
    if compareKnowledge {
      publication.knowledgeComparison = try KnowledgeComparison.run(
        aggregation, linked, protections, settings, logger: logger)
    }
    return publication
  }

  /// What a reader of a publication under `plan` knows: the plan with its survey's catalog and
  /// rules (``AttackerKnowledge``).
  public static func knowledge(of plan: PublicationPlan) -> AttackerKnowledge {
    AttackerKnowledge(plan: plan, catalog: .builtIn(plan.survey), rules: .builtIn(plan.survey))
  }

  /// The secrecy settings of a plan rule.
  public static func settingsOf(_ rule: SecrecyRuleDefinition, plan: PublicationPlan) -> SecrecySettings {
    SecrecySettings(
      frequencyThreshold: rule.threshold,
      dominance: rule.basis == .value
        ? nil : rule.dominance.map { .init(contributors: $0.contributors, percent: $0.percent) },
      protectionRatio: plan.protectionRatio)
  }

  /// Protects every table, largest first, on as many threads as the machine has cores.
  static func protectAll(
    _ tables: [AdditiveTable], _ settings: [SecrecySettings], logger: Logger?
  ) throws -> [ProtectionResult] {
    let results = ResultSlots<Result<ProtectionResult, ProtectionAudit.Problem>>(count: tables.count)
    let order = tables.indices.sorted { tables[$0].cells.count > tables[$1].cells.count }
    DispatchQueue.concurrentPerform(iterations: order.count) { position in
      let index = order[position]
      let suppression = SecondarySuppression(settings: settings[index], logger: logger)
      let start = DispatchTime.now().uptimeNanoseconds
      results[index] = Result { () throws(ProtectionAudit.Problem) in
        DeterminedSecondaries.published(try suppression.protect(tables[index]))
      }
      logger?.debug(
        "system protected",
        metadata: [
          "system": "\(index)", "cells": "\(tables[index].cells.count)",
          "seconds": "\(Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9)",
        ])
    }
    return try results.values.map { try $0!.get() }
  }

  /// Whether every system's audit passes.
  public var auditPasses: Bool { protections.allSatisfy(\.audit.passes) }

  /// The status of the cell `variable|niveau|code`.
  public func status(of cellID: String) -> CellStatus? {
    linked.location[cellID].map { protections[$0.system].statuses[$0.cell] }
  }
}

/// Slots written from several threads, each slot by one thread only.
final class ResultSlots<Value: Sendable>: @unchecked Sendable {
  private let lock = NSLock()
  private var slots: [Value?]

  init(count: Int) { slots = Array(repeating: nil, count: count) }

  subscript(index: Int) -> Value? {
    get { lock.withLock { slots[index] } }
    set { lock.withLock { slots[index] = newValue } }
  }

  var values: [Value?] { lock.withLock { slots } }
}
