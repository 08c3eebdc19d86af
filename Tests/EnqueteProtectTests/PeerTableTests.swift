import EnqueteCore
import EnqueteProtect
import Testing

@Suite struct PeerTableTests {
  static let small = "small_2d_MOD_f3"
  static let large = "large_2d_MOD_f3"

  @Test func theSmallTableHasTauArgusCellsAndPrimaries() throws {
    let peer = try TableBuilders.peer(Self.small)
    #expect(peer.table.cells.count == 70)
    #expect(peer.table.unbalancedEquations().isEmpty)
    let statuses = PrimaryRules.statuses(of: peer.table, settings: SecrecySettings())
    #expect(statuses.filter(\.isPrimary).count == 4)
    #expect(statuses.filter { $0 == .structuralZero }.count == 1)
    #expect(peer.table.cells[peer.cellIndex(codes: ["Total", "Total"])!].value == 331)
    #expect(peer.table.cells[peer.cellIndex(codes: ["R2", "C3"])!].value == 43)
  }

  @Test func theLargeTableHasTauArgusCellsAndPrimaries() throws {
    let peer = try TableBuilders.peer(Self.large)
    #expect(peer.table.cells.count == 2_520)
    let statuses = PrimaryRules.statuses(of: peer.table, settings: SecrecySettings())
    #expect(statuses.filter(\.isPrimary).count == 288)
    #expect(peer.table.cells[peer.cellIndex(codes: ["Total", "Total"])!].value == 30_475)
  }

  /// τ-Argus Modular's pattern on the small table (14 cells) passes enquete's audit.
  @Test func tauArgusSmallPatternPassesTheAudit() throws {
    let peer = try TableBuilders.peer(Self.small)
    let hidden = try TauArgusFiles.suppressedCells(
      output: TableBuilders.fixture(Self.small, "out.csv"), of: peer)
    #expect(hidden.count == 14)
    let ids = hidden.map { peer.table.cells[$0].id }
    let report = try ProtectionAudit().audit(
      peer.table, statuses: TableBuilders.statuses(peer.table, hiding: ids))
    #expect(report.cells.count == 14)
    #expect(report.passes)
  }

  /// The same pattern with one complement published again: the audit catches it.
  @Test func aBrokenPatternIsCaught() throws {
    let peer = try TableBuilders.peer(Self.small)
    var hidden = try TauArgusFiles.suppressedCells(
      output: TableBuilders.fixture(Self.small, "out.csv"), of: peer)
    hidden.remove(peer.cellIndex(codes: ["D01", "C3"])!)
    let ids = hidden.map { peer.table.cells[$0].id }
    let report = try ProtectionAudit().audit(
      peer.table, statuses: TableBuilders.statuses(peer.table, hiding: ids))
    #expect(!report.passes)
    #expect(report.failures.map(\.id) == ["D01|C1"])
    let statuses = TableBuilders.statuses(peer.table, hiding: ids)
    #expect(
      try ProtectionAudit().failingPrimaries(peer.table, statuses: statuses) == report.failures.map(\.index))
    #expect(try !ProtectionAudit().passes(peer.table, statuses: statuses))
    #expect(report.failures.first?.isDisclosedExactly == true)
  }

  /// τ-Argus Modular's pattern on the large table (288 primaries, 151 secondaries) passes too.
  @Test func tauArgusLargePatternPassesTheAudit() throws {
    let peer = try TableBuilders.peer(Self.large)
    let hidden = try TauArgusFiles.suppressedCells(
      output: TableBuilders.fixture(Self.large, "out.csv"), of: peer)
    #expect(hidden.count == 439)
    let ids = hidden.map { peer.table.cells[$0].id }
    let report = try ProtectionAudit().audit(
      peer.table, statuses: TableBuilders.statuses(peer.table, hiding: ids))
    #expect(report.cells.count == 439)
    #expect(report.cells.filter(\.status.isPrimary).count == 288)
    #expect(report.passes)
  }
}

@Suite struct OptimalPatternTests {
  /// τ-Argus Optimal's pattern on the large table: its own audit passes it, but 24 primaries keep
  /// a proved maximum below the threshold (an attacker learns "this is a small count"), as the
  /// peers' README reports. enquete's audit finds exactly those 24.
  @Test func tauArgusOptimalLeavesTwentyFourSmallCountsRecognisable() throws {
    let peer = try TableBuilders.peer(PeerTableTests.large)
    let hidden = try TauArgusFiles.suppressedCells(
      output: TableBuilders.fixture("large_2d_OPT_f3", "out.csv"), of: peer)
    #expect(hidden.count == 288 + 115)
    let ids = hidden.map { peer.table.cells[$0].id }
    let report = try ProtectionAudit().audit(
      peer.table, statuses: TableBuilders.statuses(peer.table, hiding: ids))
    #expect(report.failures.count == 24)
    for failure in report.failures {
      #expect(failure.status == .primaryFrequency)
      #expect(!failure.isDisclosedExactly)
      #expect(failure.lower <= failure.value * 0.9 && (failure.upper ?? .infinity) < 3)
    }
  }
}

@Suite struct ThreeDimensionalPeerTests {
  static let cells = "region,dep,cat,age,n\nR1,D1,C1,A1,1\nR1,D1,C1,A2,4\nR1,D1,C2,A1,5\nR1,D1,C2,A2,6\n"

  @Test func readsAThreeDimensionalTableAndItsPattern() throws {
    let peer = try TauArgusFiles.table(cells: Self.cells, hierarchy: "R1\n@D1\n")
    #expect(peer.table.cells.count == 3 * 3 * 3)
    #expect(peer.table.unbalancedEquations().isEmpty)
    let output = """
      Var 1,"Total"
      ,"Total","A1","A2"
      "Total",16,x,x
      Var 1,"D1"
      ,"Total","A1","A2"
      "C1",5,x,4

      """
    let hidden = try TauArgusFiles.suppressedCells(output: output, of: peer)
    let ids = Set(hidden.map { peer.table.cells[$0].id })
    #expect(ids == ["Total|Total|A1", "Total|Total|A2", "D1|C1|A1"])
  }
}
