import EnqueteCore
import EnqueteProtect
import Testing

@Suite struct CostFunctionTests {
  // Three départements × three categories; D1|C1 and D2|C2 are small. Two large cells
  // (D1|C2, D2|C1, 100 each) protect both at once; the small cells of D3 and C3 protect them
  // with at least four cells hidden, of far less value.
  static let cells = """
    region,dep,cat,n
    R1,D1,C1,1
    R1,D1,C2,100
    R1,D1,C3,3
    R1,D2,C1,100
    R1,D2,C2,1
    R1,D2,C3,3
    R1,D3,C1,3
    R1,D3,C2,3
    R1,D3,C3,3

    """
  static let hierarchy = "R1\n@D1\n@D2\n@D3\n"

  func protect(_ cost: CostFunction) throws -> TableProtection {
    try TableProtection.run(
      cells: Self.cells, hierarchy: Self.hierarchy, settings: SecrecySettings(), cost: cost)
  }

  @Test func theUnityCostHidesFewerCellsOfMoreValue() throws {
    let value = try protect(.value)
    let unity = try protect(.unity)
    #expect(value.audit.passes && unity.audit.passes)
    #expect(value.primaryCount == 2 && unity.primaryCount == 2)
    #expect(unity.count(.secondary) == 2)
    #expect(value.count(.secondary) >= 4)
    #expect(unity.secondaryValue == 200)
    #expect(value.secondaryValue < 100)
    // The cost and its bound in whole cells: the value's share only breaks ties.
    #expect(
      ProtectionOutput.text(unity).contains(
        "Coût du motif (1 par cellule masquée, la valeur départageant les égalités) : 2, "
          + "borne inférieure de tout motif protecteur : 2 "))
    #expect(ProtectionOutput.json(unity).contains("\"fonction_de_cout\": \"unite\""))
  }

  @Test func theUnityCostsOfAllCellsAddUpToLessThanOneCell() throws {
    let table = try TauArgusFiles.table(cells: Self.cells, hierarchy: Self.hierarchy).table
    let costed = CostFunction.unity.costed(table)
    #expect(costed.cells.reduce(0) { $0 + $1.hidingCost } < 1)
    // Larger values stay dearer: the value still breaks ties.
    let one = costed.cells[costed.index(of: "D1|C1")!].hidingCost
    let hundred = costed.cells[costed.index(of: "D1|C2")!].hidingCost
    #expect(one < hundred)
    #expect(costed.cells.map(\.value) == table.cells.map(\.value))
  }

  @Test func theFrequencyCostIsTheContributors() throws {
    let table = try TauArgusFiles.table(cells: Self.cells, hierarchy: Self.hierarchy).table
    let costed = CostFunction.frequency.costed(table)
    #expect(costed.cells.map(\.hidingCost) == table.cells.map { Double($0.contributors) })
    #expect(CostFunction.value.costed(table) == table)
  }
}
