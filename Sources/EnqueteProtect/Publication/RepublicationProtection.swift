import EnqueteCore
import Logging

/// A new publication of a campaign already published, protected with the previous one: each
/// system is audited as one with the previous version (``RepublicationSystem``), and where a reader
/// holding both folders could recompute a cell secret in either, or the figures of a late or
/// corrected service, the new pattern hides more cells (the repair rounds, over the new cells
/// only: the previous ones are public for good).
public enum RepublicationProtection {
  /// What protecting against the previous publication did.
  public struct Outcome: Sendable, Hashable {
    /// The number of the previous publication in the ledger.
    public var previousNumber: Int64
    /// The numbers of every earlier publication the new one was protected with, most recent first.
    public var previousNumbers: [Int64]
    /// Cells hidden in the new publication only because of the previous one (identifiers).
    public var hiddenForRepublication: [String]
    /// Among them, the cells the previous publication showed: the new version hides them again.
    public var hiddenAgain: [String]
    /// What a reader of both folders could still recompute after that (identifiers; `#ajoutes`
    /// and `#retires` name the late or corrected services' part of a cell, `#avant` a cell of the
    /// previous publication): empty when the two versions together are protected.
    public var stillExposed: [String]

    /// Whether a reader of both folders recomputes nothing secret.
    public var passes: Bool { stillExposed.isEmpty }

    /// This outcome and `other`'s (protecting with a second, earlier publication), the cells of
    /// both, this one's number.
    public func merged(with other: Outcome) -> Outcome {
      func union(_ a: [String], _ b: [String]) -> [String] { a + b.filter { !Set(a).contains($0) } }
      return Outcome(
        previousNumber: previousNumber, previousNumbers: previousNumbers + other.previousNumbers,
        hiddenForRepublication: union(hiddenForRepublication, other.hiddenForRepublication),
        hiddenAgain: union(hiddenAgain, other.hiddenAgain),
        stillExposed: union(stillExposed, other.stillExposed))
    }
  }

  /// `protections` of `new` (one per system, with `settings`), completed so that the new and
  /// the previous publication together keep every secret; the previous publication is given by
  /// the identifiers of the cells it hid and ``RepublicationReadings``. `newFacts` gives what a
  /// pattern of `new` tells a reader of single cells (``PatternKnowledge/facts(_:_:_:knowledge:)``),
  /// so that the joint audit knows what each folder's pattern says, as its reader does.
  /// - Complexity: per system, one audit of the joint table, and the repair rounds where it fails.
  public static func protect(
    _ protections: [ProtectionResult], _ new: LinkedTables, _ settings: [SecrecySettings],
    readings sources: RepublicationReadings, previouslyHidden: Set<String>, previousNumber: Int64,
    newFacts: ([[CellStatus]]) -> [AttackerKnowledge.Fact], logger: Logger?
  ) throws(ProtectionAudit.Problem) -> (protections: [ProtectionResult], outcome: Outcome) {
    var result = protections
    var outcome = Outcome(
      previousNumber: previousNumber, previousNumbers: [previousNumber], hiddenForRepublication: [],
      hiddenAgain: [], stillExposed: [])
    let facts = newFacts(protections.map(\.statuses))
    for number in new.systems.indices {
      guard
        let (joint, failures) = try audited(
          number, protections[number].statuses, new, settings[number], sources, previouslyHidden, facts)
      else { continue }
      let audit = ProtectionAudit(settings: settings[number], logger: logger)
      logger?.debug(
        "republication audited",
        metadata: [
          "system": "\(number)", "cells": "\(joint.table.cells.count)", "failures": "\(failures.count)",
        ])
      guard !failures.isEmpty else { continue }
      let suppression = SecondarySuppression(settings: settings[number], logger: logger)
      let repaired = try suppression.reinforce(joint.table, statuses: joint.statuses)
      var statuses = protections[number].statuses
      let table = new.systems[number].table
      for (index, joint) in joint.jointOf(new: statuses.indices)
      where !statuses[index].isSuppressed && repaired.statuses[joint].isSuppressed {
        statuses[index] = .secondary
        outcome.hiddenForRepublication.append(table.cells[index].id)
        if !previouslyHidden.contains(table.cells[index].id),
          sources.previous.location[table.cells[index].id] != nil
        {
          outcome.hiddenAgain.append(table.cells[index].id)
        }
      }
      outcome.stillExposed += repaired.audit.failures.map(\.id)
      // A cell the new folder alone determines protects nothing: published again, as always.
      result[number] = DeterminedSecondaries.published(
        ProtectionResult(
          statuses: statuses, audit: try audit.audit(table, statuses: statuses),
          rounds: protections[number].rounds + repaired.rounds))
      result[number].lowerBound = protections[number].lowerBound
      let published = Set(
        result[number].statuses.indices.filter { !result[number].statuses[$0].isSuppressed })
      outcome.hiddenForRepublication.removeAll { table.index(of: $0).map(published.contains) ?? false }
      outcome.hiddenAgain.removeAll { table.index(of: $0).map(published.contains) ?? false }
    }
    return (result, outcome)
  }

  /// The verdict of a reader holding both folders on `protections` as they stand (after the
  /// pattern's own knowledge was added): the cells they recompute, by identifier.
  public static func exposed(
    _ protections: [ProtectionResult], _ new: LinkedTables, _ settings: [SecrecySettings],
    readings sources: RepublicationReadings, previouslyHidden: Set<String>,
    newFacts: ([[CellStatus]]) -> [AttackerKnowledge.Fact]
  ) throws(ProtectionAudit.Problem) -> [String] {
    var exposed: [String] = []
    let facts = newFacts(protections.map(\.statuses))
    for number in new.systems.indices {
      guard
        let (joint, failures) = try audited(
          number, protections[number].statuses, new, settings[number], sources, previouslyHidden, facts)
      else { continue }
      exposed += failures.map { joint.table.cells[$0].id }
    }
    return exposed
  }

  /// The joint system of the system `number` with the pattern `statuses`, and the primaries a
  /// reader of both folders finds under-protected in it; `nil` when no report of it changed.
  private static func audited(
    _ number: Int, _ statuses: [CellStatus], _ new: LinkedTables, _ settings: SecrecySettings,
    _ sources: RepublicationReadings, _ previouslyHidden: Set<String>, _ newFacts: [AttackerKnowledge.Fact]
  ) throws(ProtectionAudit.Problem) -> (RepublicationSystem, [Int])? {
    let joint = RepublicationSystem(
      number: number, new: new, newStatuses: statuses, sources: sources, previouslyHidden: previouslyHidden,
      newFacts: newFacts, settings: settings)
    guard joint.roles.contains(where: { $0 != .both }) else { return nil }
    let audit = ProtectionAudit(settings: settings, logger: nil)
    var failures = try audit.failingPrimaries(joint.table, statuses: joint.statuses)
    failures += audit.singletonFailures(joint.table, statuses: joint.statuses).filter {
      !failures.contains($0)
    }
    return (joint, failures)
  }
}

extension RepublicationSystem {
  /// Each cell of the new system with its cell in the joint table.
  func jointOf(new cells: Range<Int>) -> [(Int, Int)] { cells.map { ($0, jointOfNew[$0]) } }
}

/// The previous publication of a campaign read four ways, each linked as the publication links
/// its cells (``LinkedTables``, with the reader's knowledge): as a whole, and as the three layers
/// of services of ``RepublicationSystem`` (reports the same in both versions, previous versions of
/// the others, their new versions).
public struct RepublicationReadings: Sendable {
  /// The previous publication's cells.
  public var previous: LinkedTables
  /// The cells of the reports the same in both versions.
  public var unchanged: LinkedTables
  /// The cells of the previous versions of the reports that changed or left.
  public var withdrawn: LinkedTables
  /// The cells of the new versions of the reports that changed or arrived.
  public var added: LinkedTables
  /// What the previous publication's pattern told a reader of one cell each (the dominance of the
  /// cells it showed: ``PatternKnowledge/facts(_:_:knowledge:published:)``).
  public var previousPatternFacts: [AttackerKnowledge.Fact]
  /// The cells the previous publication hid as primaries by dominance (`B`:
  /// ``PatternKnowledge/dominatingHidden(_:_:hidden:_:knowledge:)``): their previous version stays
  /// a primary in the joint audit, not a mere unknown.
  public var previousDominating: Set<String>

  /// Creates the four readings, with what the previous pattern told a reader and the cells it hid
  /// by dominance.
  public init(
    previous: LinkedTables, unchanged: LinkedTables, withdrawn: LinkedTables, added: LinkedTables,
    previousPatternFacts: [AttackerKnowledge.Fact], previousDominating: Set<String> = []
  ) {
    self.previousDominating = previousDominating
    self.previous = previous
    self.unchanged = unchanged
    self.withdrawn = withdrawn
    self.added = added
    self.previousPatternFacts = previousPatternFacts
  }
}
