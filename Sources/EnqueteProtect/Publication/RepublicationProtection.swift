import EnqueteCore
import Logging

/// A new publication of a campaign already published, protected with every earlier one: each
/// system is audited as one with every earlier version (``RepublicationSystem``), and where a
/// reader holding every folder could recompute a cell secret in any, or the figures of a late or
/// corrected service, the new pattern hides more cells (the repair rounds, over the new cells
/// only: the earlier ones are public for good).
public enum RepublicationProtection {
  /// What protecting against the earlier publications did.
  public struct Outcome: Sendable, Hashable {
    /// The number of the previous publication in the ledger.
    public var previousNumber: Int64 { previousNumbers[0] }
    /// The numbers of every earlier publication the new one was protected with, most recent first.
    public var previousNumbers: [Int64]
    /// Cells hidden in the new publication only because of the earlier ones (identifiers).
    public var hiddenForRepublication: [String]
    /// Among them, the cells an earlier publication showed: the new version hides them again.
    public var hiddenAgain: [String]
    /// Cells the new pattern hid that an earlier folder showed with the same services, so that
    /// their value was public: published again (identifiers).
    public var shownAgain: [String] = []
    /// What a reader of every folder could still recompute after that (identifiers, with the
    /// suffixes of ``RepublicationReadings``: `#ajoutes` and `#retires` name the late or corrected
    /// services' part of a cell, `#avant` a cell of the previous publication): empty when the
    /// versions together are protected.
    public var stillExposed: [String]

    /// Whether a reader of every folder recomputes nothing secret.
    public var passes: Bool { stillExposed.isEmpty }
  }

  /// `protections` of `new` (one per system, with `settings`), completed so that the new and
  /// every earlier publication together keep every secret; the earlier publications and the
  /// groups of reports are given by ``RepublicationReadings``. `newFacts` gives what a
  /// pattern of `new` tells a reader of single cells (``PatternKnowledge/facts(_:_:_:knowledge:)``),
  /// so that the joint audit knows what each folder's pattern says, as its reader does.
  /// - Complexity: per system, one audit of the joint table, and the repair rounds where it fails.
  public static func protect(
    _ protections: [ProtectionResult], _ new: LinkedTables, _ settings: [SecrecySettings],
    readings sources: RepublicationReadings,
    newFacts: ([[CellStatus]]) -> [AttackerKnowledge.Fact], logger: Logger?
  ) throws(ProtectionAudit.Problem) -> (protections: [ProtectionResult], outcome: Outcome) {
    var result = protections
    var outcome = Outcome(
      previousNumbers: sources.previous.map(\.number), hiddenForRepublication: [], hiddenAgain: [],
      stillExposed: [])
    let facts = newFacts(protections.map(\.statuses))
    for number in new.systems.indices {
      guard
        let (joint, failures) = try audited(
          number, protections[number].statuses, new, settings[number], sources, facts)
      else { continue }
      let audit = ProtectionAudit(settings: settings[number], logger: logger)
      logger?.debug(
        "republication audited",
        metadata: [
          "system": "\(number)", "cells": "\(joint.table.cells.count)", "failures": "\(failures.count)",
          "shown before": "\(joint.shownBefore.count)",
        ])
      var statuses = protections[number].statuses
      var rounds = protections[number].rounds
      let table = new.systems[number].table
      if !failures.isEmpty {
        let suppression = SecondarySuppression(settings: settings[number], logger: logger)
        let repaired = try suppression.reinforce(joint.table, statuses: joint.statuses)
        for (index, joint) in joint.jointOf(new: statuses.indices)
        where !statuses[index].isSuppressed && repaired.statuses[joint].isSuppressed {
          statuses[index] = .secondary
          outcome.hiddenForRepublication.append(table.cells[index].id)
          if sources.previous.contains(where: { $0.published(table.cells[index].id) }) {
            outcome.hiddenAgain.append(table.cells[index].id)
          }
        }
        outcome.stillExposed += repaired.audit.failures.map(\.id)
        rounds += repaired.rounds
      }
      // A secondary an earlier folder showed with the same services protects nothing: its value
      // is public. Published again, like the cells the new folder alone determines.
      let shownAgain = joint.shownBefore.filter { statuses[$0] == .secondary }
      for index in shownAgain { statuses[index] = .publishable }
      outcome.shownAgain += shownAgain.map { table.cells[$0].id }
      guard statuses != protections[number].statuses else { continue }
      result[number] = DeterminedSecondaries.published(
        ProtectionResult(
          statuses: statuses, audit: try audit.audit(table, statuses: statuses), rounds: rounds))
      result[number].lowerBound = protections[number].lowerBound
      let published = Set(
        result[number].statuses.indices.filter { !result[number].statuses[$0].isSuppressed })
      outcome.hiddenForRepublication.removeAll { table.index(of: $0).map(published.contains) ?? false }
      outcome.hiddenAgain.removeAll { table.index(of: $0).map(published.contains) ?? false }
    }
    return (result, outcome)
  }

  /// The verdict of a reader holding every folder on `protections` as they stand (after the
  /// pattern's own knowledge was added): the cells they recompute, by identifier.
  public static func exposed(
    _ protections: [ProtectionResult], _ new: LinkedTables, _ settings: [SecrecySettings],
    readings sources: RepublicationReadings,
    newFacts: ([[CellStatus]]) -> [AttackerKnowledge.Fact]
  ) throws(ProtectionAudit.Problem) -> [String] {
    var exposed: [String] = []
    let facts = newFacts(protections.map(\.statuses))
    for number in new.systems.indices {
      guard
        let (joint, failures) = try audited(
          number, protections[number].statuses, new, settings[number], sources, facts)
      else { continue }
      exposed += failures.map { joint.table.cells[$0].id }
    }
    return exposed
  }

  /// The joint system of the system `number` with the pattern `statuses`, and the primaries a
  /// reader of every folder finds under-protected in it; `nil` when no report of it changed and
  /// every cell it hides was hidden in every earlier folder.
  private static func audited(
    _ number: Int, _ statuses: [CellStatus], _ new: LinkedTables, _ settings: SecrecySettings,
    _ sources: RepublicationReadings, _ newFacts: [AttackerKnowledge.Fact]
  ) throws(ProtectionAudit.Problem) -> (RepublicationSystem, [Int])? {
    let joint = RepublicationSystem(
      number: number, new: new, newStatuses: statuses, sources: sources, newFacts: newFacts,
      settings: settings)
    // Nothing to audit when no report changed and no earlier folder showed a cell this one hides.
    guard
      joint.roles.contains(where: { $0 != .both })
        || joint.shownBefore.contains(where: { statuses[$0].isSuppressed })
    else { return nil }
    let audit = ProtectionAudit(settings: settings, logger: nil)
    let failures = try audit.failures(joint.table, statuses: joint.statuses)
    return (joint, failures)
  }
}

extension RepublicationSystem {
  /// Each cell of the new system with its cell in the joint table.
  func jointOf(new cells: Range<Int>) -> [(Int, Int)] { cells.map { ($0, jointOfNew[$0]) } }
}
