import EnqueteCore
import EnqueteProtect
import Testing

@Suite struct PrimaryRulesTests {
  let settings = SecrecySettings()

  func status(_ value: Double, _ contributors: Int, _ largest: [Double]? = nil) -> CellStatus {
    PrimaryRules.status(
      of: TableCell(id: "c", value: value, contributors: contributors, largestContributions: largest),
      settings: settings)
  }

  @Test func frequencyAndZeros() {
    #expect(status(0, 0) == .structuralZero)
    #expect(status(1, 1) == .primaryFrequency)
    #expect(status(2, 2) == .primaryFrequency)
    #expect(status(3, 3) == .publishable)
    let five = SecrecySettings(frequencyThreshold: 5)
    #expect(
      PrimaryRules.status(of: TableCell(id: "c", value: 4, contributors: 4), settings: five)
        == .primaryFrequency)
  }

  @Test func dominanceOnMagnitudes() {
    #expect(status(100, 4, [86, 5, 5, 4]) == .primaryDominance)
    #expect(status(100, 4, [85, 5, 5, 5]) == .publishable)  // not more than 85 %
    #expect(status(100, 2, [99, 1]) == .primaryFrequency)  // the frequency rule comes first
    #expect(status(100, 4) == .publishable)  // no contributions known: the rule cannot apply
    let off = SecrecySettings(dominance: nil)
    let cell = TableCell(id: "c", value: 100, contributors: 4, largestContributions: [99, 1])
    #expect(PrimaryRules.status(of: cell, settings: off) == .publishable)
    let twoLargest = SecrecySettings(dominance: .init(contributors: 2, percent: 90))
    let shared = TableCell(id: "c", value: 100, contributors: 5, largestContributions: [50, 45, 5])
    #expect(PrimaryRules.status(of: shared, settings: twoLargest) == .primaryDominance)
  }

  @Test func requiredProtection() {
    let frequency = RequiredProtection.of(status: .primaryFrequency, value: 2, settings: settings)
    #expect(frequency == RequiredProtection(lower: 1.8, upper: 3))
    let large = RequiredProtection.of(status: .primaryFrequency, value: 40, settings: settings)
    #expect(abs(large!.upper - 44) < 1e-9 && abs(large!.lower - 36) < 1e-9)
    let dominance = RequiredProtection.of(status: .primaryDominance, value: 100, settings: settings)
    #expect(abs(dominance!.upper - 110) < 1e-9 && abs(dominance!.lower - 90) < 1e-9)
    #expect(RequiredProtection.of(status: .secondary, value: 5, settings: settings) == nil)
  }

  /// A dominated magnitude needs ±10 %: a range of ±5 around 100 is not enough, ±20 is.
  @Test func aDominatedCellNeedsTenPercent() throws {
    // T = A + B, A = 100 dominated; B = 5 or 20 hidden with it, T published.
    for (other, passes) in [(5.0, false), (20.0, true)] {
      let cells = [
        TableCell(id: "T", value: 100 + other, contributors: 10),
        TableCell(id: "A", value: 100, contributors: 5, largestContributions: [90, 4, 3, 2, 1]),
        TableCell(id: "B", value: other, contributors: 5),
      ]
      let table = try AdditiveTable(cells: cells, equations: [TableEquation(total: 0, parts: [1, 2])])
      var statuses = PrimaryRules.statuses(of: table, settings: settings)
      #expect(statuses == [.publishable, .primaryDominance, .publishable])
      statuses[2] = .secondary
      let report = try ProtectionAudit().audit(table, statuses: statuses)
      #expect(report.passes == passes)
      #expect(report.cell(at: 1)?.upper == 100 + other)
    }
  }
}
