import EnqueteCore
import Testing

@testable import EnqueteProtect

/// A proof found for one protected cell serves another that it moves, scaled, while every cell it
/// changes stays hidden and non-negative.
@Suite struct BorrowedProofTests {
  /// The 2 × 2 table's rectangle A|X, A|Y, C|X, C|Y hidden (A|X = 1 primary).
  static func rectangle() throws -> (AdditiveTable, PatternState, [String: Int]) {
    let table = try TableBuilders.twoWay().table
    var index: [String: Int] = [:]
    for (position, cell) in table.cells.enumerated() { index[cell.id] = position }
    var statuses = PrimaryRules.statuses(of: table, settings: SecrecySettings())
    for id in ["A|Y", "C|X", "C|Y"] { statuses[index[id]!] = .secondary }
    let state = PatternState(table: table, statuses: statuses, settings: SecrecySettings(), cellWeight: 1)
    return (table, state, index)
  }

  /// Whether `change` keeps every equation and every cell ≥ 0.
  static func holds(_ change: [Int: Double], _ table: AdditiveTable) -> Bool {
    table.equations.allSatisfy { equation in
      abs(equation.terms.reduce(0) { $0 + $1.coefficient * (change[$1.cell] ?? 0) }) < 1e-9
    } && change.allSatisfy { table.cells[$0.key].value + $0.value >= 0 }
  }

  @Test func anotherCellsProofIsScaledToTheAmountNeeded() throws {
    var (table, state, index) = try Self.rectangle()
    let ax = index["A|X"]!
    let cy = index["C|Y"]!
    var proof = ProtectionCertificate()
    proof.up = [ax: 2, index["A|Y"]!: -2, index["C|X"]!: -2, cy: 2]
    state.certify(ax, proof)
    let raised = try #require(state.borrowedChange(for: cy, by: 3))
    #expect(abs(raised[cy]! - (3 - 5e-7)) < 1e-9)
    #expect(Self.holds(raised, table))
    let lowered = try #require(state.borrowedChange(for: cy, by: -0.5))
    #expect(abs(lowered[cy]! + (0.5 - 5e-7)) < 1e-9)
    #expect(Self.holds(lowered, table))
    // Lowering C|Y by 4 would take A|X (1) below zero with it: no proof to borrow.
    #expect(state.borrowedChange(for: cy, by: -4) == nil)
  }

  @Test func aProofThroughAPublishedCellIsNotBorrowed() throws {
    var (_, state, index) = try Self.rectangle()
    let ax = index["A|X"]!
    var proof = ProtectionCertificate()
    proof.up = [ax: 2, index["A|Y"]!: -2, index["C|X"]!: -2, index["C|Y"]!: 2]
    state.certify(ax, proof)
    state.publish(index["A|Y"]!)
    #expect(state.borrowedChange(for: index["C|Y"]!, by: 3) == nil)
  }

  @Test func noCellsProofMovesAnUnrelatedCell() throws {
    let (_, state, index) = try Self.rectangle()
    #expect(state.borrowedChange(for: index["C|Y"]!, by: 3) == nil)
    #expect(state.borrowedChange(for: index["C|Y"]!, by: 0) == [:])
  }
}
