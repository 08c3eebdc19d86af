import EnqueteCore
import Logging

/// Protects a table given in the peers' form (`cells.csv` + τ-Argus `.hrc`): primaries, then
/// either enquete's secondary suppression or a given pattern (τ-Argus's `out.csv`), then the audit.
public struct TableProtection: Sendable {
  /// The table that was protected.
  public var table: AdditiveTable
  /// The settings used.
  public var settings: SecrecySettings
  /// The statuses of the cells after protection.
  public var statuses: [CellStatus]
  /// The audit of the final pattern.
  public var audit: AuditReport
  /// Whether the pattern was read from a file rather than computed.
  public var patternGiven: Bool
  /// For the optimal method: whether the solver proved its pattern optimal; `nil` otherwise.
  public var provedOptimal: Bool? = nil
  /// For a given pattern completed to enquete's protection: how many cells were added to it.
  public var addedToPattern: Int? = nil
  /// A lower bound on the cost of every pattern that protects the table, when the cutting
  /// planes placed it (``ProtectionResult/lowerBound``).
  public var lowerBound: Double? = nil
  /// What hiding a cell cost when the pattern was computed (``placementCost`` and ``lowerBound``
  /// are in its terms).
  public var cost: CostFunction = .value

  /// How the pattern is computed.
  public enum Method: Sendable, Hashable {
    /// The heuristic (``SecondarySuppression``) with this first placement.
    case heuristic(SecondarySuppression.Placement)
    /// The MILP (``OptimalSuppression``) within this many seconds.
    case optimal(timeLimit: Double)
  }

  /// Reads and protects a table: computes the pattern with the cost function `cost`, or audits
  /// `pattern` (`out.csv` text) when given (`prunes`: see ``SecondarySuppression``). With `otherHierarchies` (more `.hrc` texts over
  /// the same départements, e.g. cours d'appel beside régions), every hierarchy is protected jointly. Cells of the pattern that are not primaries become secondaries (`D`).
  /// - Complexity: see ``SecondarySuppression`` and ``ProtectionAudit``.
  public static func run(
    cells: String, hierarchy: String, pattern: String? = nil, completesPattern: Bool = false,
    settings: SecrecySettings,
    prunes: Bool = true, method: Method = .heuristic(.cuttingPlanes), otherHierarchies: [String] = [],
    cost: CostFunction = .value, logger: Logger? = nil
  ) throws -> TableProtection {
    if !otherHierarchies.isEmpty {
      // Several hierarchies that do not nest: one crossed table, protected jointly.
      let crossed = try cost.costed(
        TauArgusFiles.crossedTable(cells: cells, hierarchies: [hierarchy] + otherHierarchies))
      guard case .heuristic(let placement) = method else { throw Problem.optimalMethodNeedsOneHierarchy }
      let result = try SecondarySuppression(
        settings: settings, prunes: prunes, placement: placement, logger: logger
      ).protect(crossed)
      return TableProtection(
        table: crossed.table, settings: settings, statuses: result.statuses, audit: result.audit,
        patternGiven: false, lowerBound: result.lowerBound, cost: cost)
    }
    return try run(
      table: TauArgusFiles.table(cells: cells, hierarchy: hierarchy), pattern: pattern,
      completesPattern: completesPattern, settings: settings, prunes: prunes, method: method, cost: cost,
      logger: logger)
  }

  /// Protects `peer` (read from the peers' form or from τ-Argus's tabular form,
  /// ``TauArgusTabular``) as ``run(cells:hierarchy:pattern:completesPattern:settings:prunes:method:otherHierarchies:cost:logger:)``
  /// does; `pattern` is τ-Argus's `out.csv` of the same table.
  public static func run(
    table peer: HierarchicalTable, pattern: String? = nil, completesPattern: Bool = false,
    settings: SecrecySettings, prunes: Bool = true, method: Method = .heuristic(.cuttingPlanes),
    cost: CostFunction = .value, logger: Logger? = nil
  ) throws -> TableProtection {
    let table = peer.table
    if let pattern {
      var statuses = PrimaryRules.statuses(of: table, settings: settings)
      for index in try TauArgusFiles.suppressedCells(output: pattern, of: peer)
      where !statuses[index].isPrimary {
        statuses[index] = .secondary
      }
      if completesPattern {
        // The pattern at enquete's protection: hide more cells until the audit passes, removing
        // none; the cells added are the cheapest by `cost`.
        let completed = try SecondarySuppression(settings: settings, prunes: false, logger: logger).protect(
          cost.costed(table), statuses: statuses)
        return TableProtection(
          table: table, settings: settings, statuses: completed.statuses, audit: completed.audit,
          patternGiven: true,
          addedToPattern: completed.statuses.indices.count {
            completed.statuses[$0] == .secondary && statuses[$0] != .secondary
          }, cost: cost)
      }
      let audit = try ProtectionAudit(settings: settings, logger: logger).audit(table, statuses: statuses)
      return TableProtection(
        table: table, settings: settings, statuses: statuses, audit: audit, patternGiven: true)
    }
    switch method {
    case .heuristic(let placement):
      let crossed = cost.costed(peer.crossed)
      let result = try SecondarySuppression(
        settings: settings, prunes: prunes, placement: placement, logger: logger
      ).protect(crossed)
      return TableProtection(
        table: crossed.table, settings: settings, statuses: result.statuses, audit: result.audit,
        patternGiven: false,
        lowerBound: result.lowerBound, cost: cost)
    case .optimal(let timeLimit):
      let costed = cost.costed(table)
      let outcome = try OptimalSuppression(settings: settings, timeLimit: timeLimit, logger: logger).protect(
        costed)
      return TableProtection(
        table: costed, settings: settings, statuses: outcome.result.statuses, audit: outcome.result.audit,
        patternGiven: false, provedOptimal: outcome.provedOptimal, cost: cost)
    }
  }

  /// What the pattern costs in the placement's terms (``ProtectionResult/placementCost(in:settings:cellWeight:)``).
  public var placementCost: Double {
    ProtectionResult.placementCost(of: statuses, in: table, settings: settings)
  }

  /// How far above ``lowerBound`` the pattern's cost is, as a share of it; `nil` without a bound.
  public var gap: Double? {
    ProtectionResult.gap(of: statuses, bound: lowerBound, in: table, settings: settings)
  }

  /// Why a table cannot be protected as asked.
  public enum Problem: Error, Hashable, Sendable, CustomStringConvertible {
    /// The optimal method takes one hierarchy only.
    case optimalMethodNeedsOneHierarchy

    /// A French message.
    public var description: String {
      "la méthode optimale ne protège qu'une hiérarchie à la fois (sans --hrc-autre)"
    }
  }

  /// How many cells have `status`.
  public func count(_ status: CellStatus) -> Int { statuses.count { $0 == status } }

  /// How many cells are primaries.
  public var primaryCount: Int { statuses.count(where: \.isPrimary) }

  /// The total value of the secondary suppressions (information loss).
  public var secondaryValue: Double {
    statuses.indices.filter { statuses[$0] == .secondary }.reduce(0) { $0 + table.cells[$1].value }
  }

  /// The τ-Argus input files (``TauArgusWriter``) of a table given in the peers' form, to be
  /// written into `directory` (named there in the batch), with `method` as τ-Argus's `SUPPRESS`
  /// and `cost` as its cost function.
  public static func tauArgusFiles(
    cells: String, hierarchy: String, directory: String, threshold: Int, method: String,
    cost: CostFunction = .value
  ) throws -> [String: String] {
    let peer = try TauArgusFiles.table(cells: cells, hierarchy: hierarchy)
    let names = ["DEP", "CAT", "AGE"] + (3..<max(3, peer.dimensions.count)).map { "V\($0 + 1)" }
    return TauArgusWriter.files(
      peer, names: Array(names.prefix(peer.dimensions.count)), directory: directory, threshold: threshold,
      method: method, cost: cost
    ).contents
  }
}
