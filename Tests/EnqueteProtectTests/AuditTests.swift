import EnqueteCore
import EnqueteProtect
import Testing

@Suite struct AuditTests {
  let audit = ProtectionAudit()

  @Test func aSmallCellHiddenAloneIsRecomputedExactly() throws {
    let table = try TableBuilders.twoWay().table
    let statuses = TableBuilders.statuses(table, hiding: [])
    #expect(statuses.filter(\.isPrimary).count == 1)
    let report = try audit.audit(table, statuses: statuses)
    #expect(!report.passes)
    let cell = try #require(report.cell(at: table.index(of: "A|X")!))
    #expect(cell.lower == 1 && cell.upper == 1)
    #expect(cell.isDisclosedExactly)
  }

  @Test func aRectangleOfComplementsProtectsIt() throws {
    let table = try TableBuilders.twoWay().table
    let statuses = TableBuilders.statuses(table, hiding: ["A|Y", "B|X", "B|Y"])
    let report = try audit.audit(table, statuses: statuses)
    #expect(report.passes)
    let cell = try #require(report.cell(at: table.index(of: "A|X")!))
    // A|X = t, A|Y = 11 − t, B|X = 9 − t, B|Y = 8 + t, all ≥ 0: t ∈ [0, 9].
    #expect(abs(cell.lower - 0) < 1e-9)
    #expect(abs(cell.upper! - 9) < 1e-9)
    #expect(report.cells.count == 4)
  }

  @Test func twoComplementsInALineAloneDoNotProtect() throws {
    // Hiding A|Y only: row A has two hidden cells, but column Y then has a single one.
    let table = try TableBuilders.twoWay().table
    let report = try audit.audit(table, statuses: TableBuilders.statuses(table, hiding: ["A|Y"]))
    #expect(!report.passes)
    #expect(report.failures.map(\.id) == ["A|X"])
  }

  @Test func aDepartementIsRecoveredAcrossTwoHierarchies() throws {
    let pattern = ["D1"]  // D2 is the primary; D1 its complement within région R1
    let regionsOnly = try TableBuilders.twoHierarchies(withCoursAppel: false)
    let alone = try audit.audit(regionsOnly, statuses: TableBuilders.statuses(regionsOnly, hiding: pattern))
    #expect(alone.passes)

    let joint = try TableBuilders.twoHierarchies(withCoursAppel: true)
    let together = try audit.audit(joint, statuses: TableBuilders.statuses(joint, hiding: pattern))
    #expect(!together.passes)
    let d2 = try #require(together.cell(at: joint.index(of: "D2")!))
    #expect(d2.isDisclosedExactly && abs(d2.lower - 2) < 1e-9)
  }

  @Test func hidingDepartementsAloneCannotProtectAgainstRegionMinusCour() throws {
    let joint = try TableBuilders.twoHierarchies(withCoursAppel: true)
    let departements = try audit.audit(
      joint, statuses: TableBuilders.statuses(joint, hiding: ["D1", "D3", "D4", "D5"]))
    #expect(departements.failures.map(\.id) == ["D2"])  // D2 = R1 − CA1, whatever is hidden below
    let statuses = TableBuilders.statuses(joint, hiding: ["D1", "D3", "D4", "D5"])
    #expect(try audit.failingPrimaries(joint, statuses: statuses) == [joint.index(of: "D2")!])

    let withCours = try audit.audit(
      joint, statuses: TableBuilders.statuses(joint, hiding: ["D1", "CA1", "CA2"]))
    #expect(withCours.passes)
    #expect(try audit.passes(joint, statuses: TableBuilders.statuses(joint, hiding: ["D1", "CA1", "CA2"])))
    let d2 = try #require(withCours.cell(at: joint.index(of: "D2")!))
    #expect(abs(d2.lower) < 1e-9 && abs(d2.upper! - 8) < 1e-9)
  }

  @Test func anUpperBoundBelowTheThresholdFails() throws {
    // One row: T = P + Q with P = 1 (primary), Q = 1: hiding both gives P ∈ [0, 2], below 3.
    let cells = [
      TableCell(id: "T", value: 2, contributors: 2), TableCell(id: "P", value: 1, contributors: 1),
      TableCell(id: "Q", value: 1, contributors: 1),
    ]
    let table = try AdditiveTable(cells: cells, equations: [TableEquation(total: 0, parts: [1, 2])])
    var statuses = PrimaryRules.statuses(of: table, settings: SecrecySettings())
    statuses[0] = .publishable  // T published on purpose
    let report = try audit.audit(table, statuses: statuses)
    let p = try #require(report.cell(at: 1))
    #expect(abs(p.upper! - 2) < 1e-9 && !p.passes && !p.isDisclosedExactly)
  }

  @Test func aCellInNoEquationIsUnbounded() throws {
    let table = try AdditiveTable(cells: [TableCell(id: "P", value: 2, contributors: 2)], equations: [])
    let report = try audit.audit(table, statuses: [.primaryFrequency])
    #expect(report.passes)
    #expect(report.cells.first?.lower == 0 && report.cells.first?.upper == nil)
    #expect(try audit.passes(table, statuses: [.primaryFrequency]))
  }

  @Test func inconsistentPublishedValuesAreAnError() throws {
    let cells = [
      TableCell(id: "T", value: 5, contributors: 5), TableCell(id: "P", value: 1, contributors: 1),
      TableCell(id: "Q", value: 1, contributors: 1),
    ]
    let table = try AdditiveTable(cells: cells, equations: [TableEquation(total: 0, parts: [1, 2])])
    #expect(table.unbalancedEquations() == [0])
    #expect(throws: ProtectionAudit.Problem.inconsistentTable) {
      try audit.audit(table, statuses: [.publishable, .publishable, .publishable])
    }
    #expect(throws: ProtectionAudit.Problem.inconsistentTable) {
      try audit.audit(table, statuses: [.publishable, .primaryFrequency, .publishable])
    }
  }

  @Test func statusesMustMatchTheCells() throws {
    let table = try TableBuilders.twoWay().table
    #expect(throws: ProtectionAudit.Problem.self) { try audit.audit(table, statuses: []) }
  }
}

/// The repair re-checks only the primaries that failed last: hiding more cells never makes a
/// primary that passed fail.
@Suite struct MonotoneAuditTests {
  @Test func hidingMoreNeverAddsAFailure() throws {
    let table = try TableBuilders.peer(PeerTableTests.small).table
    let audit = ProtectionAudit()
    var statuses = PrimaryRules.statuses(of: table, settings: SecrecySettings())
    var failures = try audit.failingPrimaries(table, statuses: statuses)
    #expect(!failures.isEmpty)
    // Hide publishable cells one by one, in table order: failures only ever shrink.
    for cell in table.cells.indices where statuses[cell] == .publishable {
      statuses[cell] = .secondary
      let next = try audit.failingPrimaries(table, statuses: statuses)
      #expect(Set(next).isSubset(of: Set(failures)))
      #expect(try audit.failingPrimaries(table, statuses: statuses, among: Set(failures)) == next)
      failures = next
      if failures.isEmpty { break }
    }
  }

  @Test func onlyTheCellsAskedForAreChecked() throws {
    let table = try TableBuilders.peer(PeerTableTests.small).table
    let audit = ProtectionAudit()
    let statuses = PrimaryRules.statuses(of: table, settings: SecrecySettings())
    let failures = try audit.failingPrimaries(table, statuses: statuses)
    #expect(try audit.failingPrimaries(table, statuses: statuses, among: []).isEmpty)
    #expect(try audit.failingPrimaries(table, statuses: statuses, among: [failures[0]]) == [failures[0]])
  }
}

/// Published sums of amounts in the millions carry rounding in their last digits; the audit must
/// not take it for a contradiction where a hidden cell is worth 0 (found at scale 100: "no feasible
/// value for a hidden cell").
@Suite struct RoundingNoiseTests {
  /// T = A + B and U = A + C, with B = 0 hidden and C = 0 published; T and U differ by 3 × 10⁻⁷
  /// (4 × 10⁻¹⁴ of their value), so the exact rows would need B = −3 × 10⁻⁷.
  static func table() throws -> AdditiveTable {
    let cells = [
      TableCell(id: "T", value: 8_045_986.95, contributors: 10),
      TableCell(id: "A", value: 8_045_986.95, contributors: 9),
      TableCell(id: "B", value: 0, contributors: 1),
      TableCell(id: "U", value: 8_045_986.950_000_3, contributors: 10),
      TableCell(id: "C", value: 0, contributors: 1),
    ]
    return try AdditiveTable(
      cells: cells,
      equations: [TableEquation(total: 0, parts: [1, 2]), TableEquation(total: 3, parts: [1, 4])])
  }

  @Test func aHiddenZeroUnderRoundedTotalsStillHasAnInterval() throws {
    let table = try Self.table()
    #expect(table.unbalancedEquations().isEmpty)
    let statuses: [CellStatus] = [.publishable, .secondary, .secondary, .publishable, .publishable]
    let report = try ProtectionAudit().audit(table, statuses: statuses)
    let b = try #require(report.cells.first { $0.id == "B" })
    #expect(b.lower == 0)
    #expect(try #require(b.upper) < 1e-3)
    let a = try #require(report.cells.first { $0.id == "A" })
    #expect(abs(a.lower - 8_045_986.95) < 1e-3)
  }

  @Test func aRealContradictionIsStillRefused() throws {
    var cells = try Self.table().cells
    cells[3] = TableCell(id: "U", value: 8_045_900, contributors: 10)
    cells[4] = TableCell(id: "C", value: 0, contributors: 1)
    // U = A + C no longer adds up: refused before any program is built.
    let table = try AdditiveTable(
      cells: cells,
      equations: [TableEquation(total: 0, parts: [1, 2]), TableEquation(total: 3, parts: [1, 4])])
    #expect(throws: ProtectionAudit.Problem.inconsistentTable) {
      try ProtectionAudit().audit(
        table, statuses: [.publishable, .secondary, .secondary, .publishable, .publishable])
    }
  }
}
