import EnqueteAggregate
import EnqueteCore
import EnqueteProtect
import Logging

/// One campaign's protected publication: aggregation → primary and secondary suppression over
/// every linked system at once → LP audit → derived indicators → the published cells. Every
/// renderer draws from it.
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
  /// The published cells, as `tableaux.csv` states them.
  public let published: PublishedData
  /// The joint protection compared with protecting each hierarchy alone, when asked for.
  public let comparison: HierarchyComparison?
  /// The full attacker model compared with the equations alone, when asked for.
  public let knowledgeComparison: KnowledgeComparison?
  /// The protection against the campaign's earlier publications, when it had some made from other
  /// reports or showing a cell the new pattern hides.
  public let republication: RepublicationProtection.Outcome?

  /// The campaign year.
  public var year: Int { aggregation.year }

  /// Aggregates `reports`, protects every system (several at once on the machine's cores),
  /// audits, and computes the indicators. `expected` is the campaign's directory: a unit where it
  /// lists services and none answered is published `ND`, not zero. With `previous` (the earlier
  /// publications of the campaign, most recent first), the pattern also protects what a reader of
  /// the new one and all of them computes (``RepublicationProtection``); one made from the same
  /// reports is left out when it hid every cell the new pattern hides.
  /// - Complexity: dominated by the secondary suppression of the largest system.
  public static func run(
    plan: PublicationPlan, year: Int, reports: [ReportFigures], expected: [ExpectedRespondent] = [],
    previous: [PreviousPublication] = [], compareHierarchies: Bool = false, compareKnowledge: Bool = false,
    logger: Logger? = nil
  ) throws -> Publication {
    let aggregation = try Aggregation(plan: plan, year: year, reports: reports, expected: expected)
    let knowledge = AttackerKnowledge(
      plan: plan, catalog: .builtIn(plan.survey), rules: .builtIn(plan.survey))
    let linked = LinkedTables(aggregation, knowledge: knowledge)
    // What the pattern itself tells a reader (dominance of the published cells) is known once
    // the pattern is: each system is audited again with it, completed where needed.
    let settings = LinkedProtection.settings(linked, plan: plan)
    var protections = try PatternKnowledge.reinforced(
      try LinkedProtection.protectAll(linked.systems.map(\.table), settings, logger: logger), linked,
      aggregation, settings, knowledge: knowledge, logger: logger)
    // Every earlier publication, most recent first: a reader holds them all, and the new one is
    // protected with all of them at once (one joint system per system of the new).
    var republication: RepublicationProtection.Outcome?
    // One made from the same reports matters only where it showed a cell the new pattern hides.
    let hidden = Set(
      linked.systems.indices.flatMap { number in
        linked.systems[number].table.cells.indices.filter { protections[number].statuses[$0].isSuppressed }
          .map { linked.systems[number].table.cells[$0].id }
      })
    let earlier = previous.filter { $0.hasChanges || !hidden.isSubset(of: $0.hidden) }
    if !earlier.isEmpty {
      let readings = try RepublicationReadings(
        plan: plan, year: year, now: reports, earlier: earlier, expected: expected, knowledge: knowledge)
      let newFacts = { PatternKnowledge.facts(linked, aggregation, $0, knowledge: knowledge) }
      var outcome: RepublicationProtection.Outcome
      (protections, outcome) = try RepublicationProtection.protect(
        protections, linked, settings, readings: readings, newFacts: newFacts, logger: logger)
      if !outcome.hiddenForRepublication.isEmpty || !outcome.shownAgain.isEmpty {
        // What the completed pattern itself tells a reader, then the verdict on every version.
        protections = try PatternKnowledge.reinforced(
          protections, linked, aggregation, settings, knowledge: knowledge, logger: logger)
        outcome.stillExposed = try RepublicationProtection.exposed(
          protections, linked, settings, readings: readings, newFacts: newFacts)
      }
      republication = outcome
    }
    let indicators = plan.indicators.flatMap { indicator in
      IndicatorCell.compute(indicator, aggregation, threshold: plan.rules["effectifs"]?.threshold ?? 5) {
        guard let place = linked.location[LinkedTables.cellID($0, aggregation.units.units[$1])] else {
          return false
        }
        return !protections[place.system].statuses[place.cell].isSuppressed
      }
    }
    logger?.info(
      "publication protected",
      metadata: [
        "survey": "\(plan.survey.rawValue)", "year": "\(year)", "systems": "\(linked.systems.count)",
        "cells": "\(linked.location.count)",
        "hidden": "\(protections.reduce(0) { $0 + $1.statuses.count(where: \.isSuppressed) })",
      ])
    return Publication(
      plan: plan, aggregation: aggregation, linked: linked, protections: protections, settings: settings,
      indicators: indicators,
      published: PublishedData(
        aggregation: aggregation, linked: linked, statuses: protections.map(\.statuses),
        indicators: indicators),
      comparison: compareHierarchies
        ? try HierarchyComparison.run(
          joint: linked,
          regionsOnly: LinkedTables(aggregation, excluding: [.courAppel], knowledge: knowledge),
          coursOnly: LinkedTables(aggregation, excluding: [.region], knowledge: knowledge), protections,
          settings,
          logger: logger) : nil,
      knowledgeComparison: compareKnowledge
        ? try KnowledgeComparison.run(
          plan: plan, full: linked, plain: LinkedTables(aggregation), protections, settings, logger: logger)
        : nil,
      republication: republication)
  }

  /// Whether every system's audit passes.
  public var auditPasses: Bool { protections.allSatisfy(\.audit.passes) }

  /// The status of the cell `variable|niveau|code`.
  public func status(of cellID: String) -> CellStatus? {
    linked.location[cellID].map { protections[$0.system].statuses[$0.cell] }
  }

  /// The τ-Argus tables of the publication (``PublicationTauArgus``).
  public var tauArgusTables: [PublicationTauArgus.Table] { PublicationTauArgus.tables(aggregation, linked) }
}
