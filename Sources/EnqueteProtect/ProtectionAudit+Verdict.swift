import EnqueteCore

extension ProtectionAudit {
  /// Whether every primary reaches its required protection: the verdict of ``audit(_:statuses:)``
  /// without the intervals, stopping at the first primary that fails.
  /// - Complexity: at most two simplex solves per primary, usually far fewer.
  public func passes(_ table: AdditiveTable, statuses: [CellStatus]) throws(Problem) -> Bool {
    try failingPrimaries(table, statuses: statuses, stoppingAtFirst: true).isEmpty
  }

  /// Every cell a repair must protect: the failing primaries (``failingPrimaries(_:statuses:stoppingAtFirst:among:)``,
  /// with `among`), then the cells the singleton rule finds exposed that are not among them.
  /// - Complexity: that of ``failingPrimaries(_:statuses:stoppingAtFirst:among:)``, plus the
  ///   equation terms.
  public func failures(
    _ table: AdditiveTable, statuses: [CellStatus], among: Set<Int>? = nil
  ) throws(Problem) -> [Int] {
    var failures = try failingPrimaries(table, statuses: statuses, among: among)
    let failing = Set(failures)
    failures += singletonFailures(table, statuses: statuses).filter { !failing.contains($0) }
    return failures
  }

  /// The primaries (cell indices, in table order) whose required protection is not reached:
  /// the failures of ``audit(_:statuses:)`` without their intervals.
  ///
  /// Every optimal solution is a point the published figures allow: when an earlier solve already
  /// placed a primary beyond its required bound, that bound is proved and its solve is skipped.
  /// Secondaries are never solved. With `among`, only those primaries are checked (the others are
  /// known to pass: hiding more cells only widens every interval, so a repair that only adds
  /// suppressions re-checks the primaries that failed last).
  /// - Complexity: at most two simplex solves per primary checked, plus reading each solution.
  public func failingPrimaries(
    _ table: AdditiveTable, statuses: [CellStatus], stoppingAtFirst: Bool = false, among: Set<Int>? = nil
  ) throws(Problem) -> [Int] {
    let (program, hidden) = try self.program(table, statuses)
    return try failingPrimaries(
      program, hidden: hidden, table, statuses, stoppingAtFirst: stoppingAtFirst, among: among)
  }

  /// The failing primaries in `program`, whose columns are the cells `hidden`; a column whose cell
  /// is no longer suppressed in `statuses` must have been fixed at its value (``LinearProgram/fix(_:at:)``).
  /// The columns in `first` are checked before the others (the likeliest to fail, to stop early).
  func failingPrimaries(
    _ program: BlockProgram, hidden: [Int], _ table: AdditiveTable, _ statuses: [CellStatus],
    stoppingAtFirst: Bool, first: [Int] = [], among: Set<Int>? = nil
  ) throws(Problem) -> [Int] {
    let firstSet = Set(first)
    let primaries = (first + hidden.indices.filter { !firstSet.contains($0) })
      .filter { statuses[hidden[$0]].isPrimary && among?.contains(hidden[$0]) != false }
    var seenLow = [Double](repeating: .infinity, count: hidden.count)
    var seenHigh = [Double](repeating: -.infinity, count: hidden.count)
    func record() {
      let values = program.solution()
      for position in primaries where !values[position].isNaN {
        seenLow[position] = min(seenLow[position], values[position])
        seenHigh[position] = max(seenHigh[position], values[position])
      }
    }
    let tolerance = 1e-6
    var failures: [Int] = []
    for position in primaries {
      let index = hidden[position]
      guard
        let required = RequiredProtection.of(
          cell: table.cells[index], status: statuses[index], settings: settings)
      else { continue }
      var fails = false
      if seenHigh[position] < required.upper - tolerance {
        switch program.maximum(of: position) {
        case .finite(let upper):
          record()
          fails = upper < required.upper - tolerance
        case .unbounded: break
        case .infeasible:
          logger?.error("no feasible value for a hidden cell", metadata: ["cell": "\(table.cells[index].id)"])
          throw .inconsistentTable
        }
      }
      if !fails, seenLow[position] > required.lower + tolerance {
        guard case .finite(let lower) = program.minimum(of: position) else {
          logger?.error("no feasible value for a hidden cell", metadata: ["cell": "\(table.cells[index].id)"])
          throw .inconsistentTable
        }
        record()
        fails = lower > required.lower + tolerance
      }
      if fails {
        failures.append(index)
        if stoppingAtFirst { break }
      }
    }
    return failures
  }
}
