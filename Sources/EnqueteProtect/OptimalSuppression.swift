import CGLPK
import EnqueteCore
import Logging

/// Optimal secondary suppression: a mixed-integer program over the same equations, solved by
/// GLPK's branch and cut (`glp_intopt`) within a time limit. For small tables, and as a yardstick
/// for the heuristic.
///
/// One binary `h` per publishable cell (hide it or not) and, for every primary and each direction,
/// one change `y` of the cells: every equation holds for `y`, the primary moves by its required
/// amount up (resp. down), a cell falls by at most its value and a publishable cell moves only when
/// hidden (`−v·h ≤ y ≤ M·h`). The least `Σ (value + cellWeight) × h` is the cheapest pattern the
/// LP audit passes (the compact model of Fischetti and Salazar). The singleton rule is not in the
/// model: the result goes through ``SecondarySuppression``'s audit and repair.
public struct OptimalSuppression {
  /// The rules.
  public var settings: SecrecySettings
  /// The limit of the branch and cut, in seconds.
  public var timeLimit: Double
  /// The cost of one more hidden cell, added to its value.
  public var cellWeight: Double
  private let logger: Logger?

  /// The outcome: the pattern (audited) and whether the solver proved it optimal.
  public struct Outcome: Sendable {
    /// The protected table's statuses and audit.
    public var result: ProtectionResult
    /// Whether the branch and cut finished (the pattern is optimal for the model).
    public var provedOptimal: Bool
  }

  /// Creates the optimal method; `logger` receives counts only.
  public init(
    settings: SecrecySettings = SecrecySettings(), timeLimit: Double = 60, cellWeight: Double = 1,
    logger: Logger? = nil
  ) {
    self.settings = settings
    self.timeLimit = timeLimit
    self.cellWeight = cellWeight
    self.logger = logger
  }

  /// Protects `table`; when the solver finds no pattern in time, the heuristic's is returned.
  /// - Complexity: exponential in the worst case, bounded by ``timeLimit``; the model has
  ///   2 × primaries × cells continuous columns.
  public func protect(_ table: AdditiveTable) throws(ProtectionAudit.Problem) -> Outcome {
    let heuristic = SecondarySuppression(settings: settings, cellWeight: cellWeight, logger: logger)
    var statuses = PrimaryRules.statuses(of: table, settings: settings)
    let targets = statuses.indices.filter { statuses[$0].isPrimary }
    let movable = table.cells.indices.filter { statuses[$0] != .structuralZero && table.cells[$0].value > 0 }
    let candidates = movable.filter { statuses[$0] == .publishable }
    guard !targets.isEmpty else {
      return Outcome(result: try heuristic.finish(table, statuses, rounds: 0), provedOptimal: true)
    }
    let big = max(1, table.cells.map(\.value).max() ?? 1) * 2
    let model = MixedIntegerModel()
    var binary = [Int32](repeating: 0, count: table.cells.count)
    for cell in candidates {
      binary[cell] = model.addColumn(
        lower: 0, upper: 1, cost: table.cells[cell].hidingCost + cellWeight, integer: true)
    }
    for target in targets {
      let cell = table.cells[target]
      guard let required = RequiredProtection.of(cell: cell, status: statuses[target], settings: settings)
      else {
        continue
      }
      for amount in [required.upper - cell.value, required.lower - cell.value] where abs(amount) > 1e-9 {
        var change = [Int32](repeating: 0, count: table.cells.count)
        for index in movable {
          let fixed = index == target
          change[index] = model.addColumn(
            lower: fixed ? amount : -table.cells[index].value, upper: fixed ? amount : big, cost: 0,
            integer: false)
          if binary[index] > 0 {
            model.addRow([(change[index], 1), (binary[index], -big)], upper: 0)
            model.addRow([(change[index], -1), (binary[index], -table.cells[index].value)], upper: 0)
          }
        }
        for equation in table.equations {
          let terms = equation.terms.filter { change[$0.cell] > 0 }.map { (change[$0.cell], $0.coefficient) }
          if !terms.isEmpty { model.addRow(terms, lower: 0, upper: 0) }
        }
      }
    }
    logger?.debug(
      "optimal suppression model",
      metadata: ["targets": "\(targets.count)", "binaries": "\(candidates.count)"])
    guard let (solution, proved) = model.solve(timeLimit: timeLimit) else {
      return Outcome(result: try heuristic.protect(table), provedOptimal: false)
    }
    for cell in candidates where solution[Int(binary[cell]) - 1] > 0.5 { statuses[cell] = .secondary }
    return Outcome(result: try heuristic.finish(table, statuses, rounds: 1), provedOptimal: proved)
  }
}
