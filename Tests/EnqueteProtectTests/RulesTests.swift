import EnqueteCore
import EnqueteProtect
import Testing

@Suite struct RulesTests {
  @Test func pPercentRule() {
    let settings = SecrecySettings(dominance: nil, pPercent: 10)
    // 100 = 60 + 35 + 5: the second can estimate the first within 5 / 60 < 10 %.
    let close = TableCell(id: "c", value: 100, contributors: 3, largestContributions: [60, 35, 5])
    #expect(PrimaryRules.status(of: close, settings: settings) == .primaryPPercent)
    let spread = TableCell(id: "c", value: 100, contributors: 5, largestContributions: [40, 30, 10])
    #expect(PrimaryRules.status(of: spread, settings: settings) == .publishable)
    let required = RequiredProtection.of(cell: close, status: .primaryPPercent, settings: settings)!
    // τ-Argus's p% level: 10 % × 60 − 5 = 1, less than ±10 % of 100.
    #expect(abs(required.upper - 110) < 1e-9 && abs(required.lower - 90) < 1e-9)
    let tight = TableCell(id: "c", value: 100, contributors: 3, largestContributions: [90, 10])
    let wide = RequiredProtection.of(
      cell: tight, status: .primaryPPercent, settings: SecrecySettings(pPercent: 20))!
    #expect(abs(wide.upper - 118) < 1e-9)  // 20 % × 90 − 0 = 18
  }

  /// Two single contributors of one row, hidden with only each other there, fail the audit.
  @Test func singletonsMustNotProtectOnlyEachOther() throws {
    // Row A: 1, 1, 12 (total 14); the column totals give A|X and A|Y a wide interval once B is hidden.
    let rows = CodeHierarchy(flat: ["A", "B"])
    let columns = CodeHierarchy(flat: ["X", "Y", "Z"])
    let values = [[1, 1, 12], [9, 8, 10]]
    var inner: [(positions: [Int], count: Int)] = []
    for row in 0..<2 { for column in 0..<3 { inner.append(([row + 1, column + 1], values[row][column])) } }
    let table = try HierarchicalTable(dimensions: [rows, columns], inner: inner).table
    let statuses = TableBuilders.statuses(table, hiding: ["B|X", "B|Y"])
    let audit = ProtectionAudit()
    #expect(audit.singletonFailures(table, statuses: statuses).map { table.cells[$0].id } == ["A|X", "A|Y"])
    #expect(try !audit.audit(table, statuses: statuses).passes)
    let off = ProtectionAudit(settings: SecrecySettings(singletonRule: false))
    #expect(off.singletonFailures(table, statuses: statuses).isEmpty)
    #expect(try off.audit(table, statuses: statuses).cells.allSatisfy { !$0.exposedBySingleton })
    let result = try SecondarySuppression().protect(table)
    #expect(result.audit.passes)
    let crossedResult = try SecondarySuppression().protect(
      try HierarchicalTable(dimensions: [rows, columns], inner: inner).crossed)
    #expect(crossedResult.audit.passes)
  }

  @Test func optimalModeOnTheSmallPeerTable() throws {
    let table = try TableBuilders.peer(PeerTableTests.small).table
    let outcome = try OptimalSuppression(timeLimit: 60).protect(table)
    #expect(outcome.result.audit.passes)
    #expect(outcome.result.secondaryCount == 8 && outcome.result.secondaryValue(in: table) == 59)
  }
}
