import EnqueteProtect
import Testing

@Suite struct HierarchyTests {
  @Test func readsLevelsFromAtSigns() throws {
    let hierarchy = try CodeHierarchy(hrc: "R1\n@D01\n@D02\nR2\n@D03\n@@C1\n")
    #expect(hierarchy.codes == ["Total", "R1", "D01", "D02", "R2", "D03", "C1"])
    #expect(hierarchy.children[0] == [1, 4])
    #expect(hierarchy.children[4] == [5])
    #expect(hierarchy.selfAndAncestors(6) == [6, 5, 4, 0])
    #expect(hierarchy.isLeaf(6) && !hierarchy.isLeaf(5))
  }

  @Test func refusesASkippedLevelAndADuplicate() {
    #expect(throws: CodeHierarchy.Problem.levelSkipped(line: 2)) { try CodeHierarchy(hrc: "R1\n@@D01\n") }
    #expect(throws: CodeHierarchy.Problem.duplicateCode(line: 3)) {
      try CodeHierarchy(hrc: "R1\n@D01\n@D01\n")
    }
  }

  @Test func everyTotalHasItsEquations() throws {
    let table = try TableBuilders.twoWay().table
    #expect(table.cells.count == 16)
    // 4 rows (3 + total) × one column equation, 4 columns × one row equation.
    #expect(table.equations.count == 8)
    #expect(table.unbalancedEquations().isEmpty)
  }
}
