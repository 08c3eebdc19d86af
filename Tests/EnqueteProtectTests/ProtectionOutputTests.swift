import EnqueteCore
import EnqueteProtect
import Testing

@Suite struct ProtectionOutputTests {
  // Two régions × two categories; D1|C1 = 1 is the only small cell.
  static let cells = """
    region,dep,cat,n
    R1,D1,C1,1
    R1,D1,C2,6
    R1,D2,C1,5
    R1,D2,C2,8
    R2,D3,C1,4
    R2,D3,C2,0

    """
  static let hierarchy = "R1\n@D1\n@D2\nR2\n@D3\n"

  @Test func protectsAndReportsInFrench() throws {
    let protection = try TableProtection.run(
      cells: Self.cells, hierarchy: Self.hierarchy, settings: SecrecySettings())
    #expect(protection.table.cells.count == 18)  // (total + 2 régions + 3 départements) × (total + 2)
    #expect(protection.primaryCount == 1)
    #expect(protection.audit.passes)
    let text = ProtectionOutput.text(protection)
    #expect(text.contains("Secret primaire : 1 cellule (1 à 2 contributeurs : 1)\n"))
    #expect(text.contains("Audit par programmation linéaire : réussi"))
    #expect(!ProtectionOutput.json(protection).contains("\"valeur\": "))  // no cell value
  }

  @Test func namesTheCellsABrokenPatternExposes() throws {
    // τ-Argus-style pattern hiding only the small cell: it is recomputable from its row.
    let pattern = ",\"Total\",\"C1\",\"C2\"\n\"D1\",7,x,6\n"
    let protection = try TableProtection.run(
      cells: Self.cells, hierarchy: Self.hierarchy, pattern: pattern, settings: SecrecySettings())
    #expect(!protection.audit.passes)
    let text = ProtectionOutput.text(protection)
    #expect(
      text.contains("ÉCHEC — 1 cellule insuffisamment protégée\n  D1 × C1 : valeur exactement déductible\n"))
  }
}
