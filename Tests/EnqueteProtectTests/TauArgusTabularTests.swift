import EnqueteCore
import Testing

@testable import EnqueteProtect

/// τ-Argus's tabular form (`.rda` + `.tab`): what enquete writes reads back as the same table,
/// and a table prepared for τ-Argus by hand is read with its totals checked.
@Suite struct TauArgusTabularTests {
  /// Régions R1 (D1, D2) and R2 (D3) × categories C1, C2, amounts with their largest contributions.
  static func magnitudes() throws -> HierarchicalTable {
    let geography = try CodeHierarchy(hrc: "R1\n@D1\n@D2\nR2\n@D3\n")
    let categories = CodeHierarchy(flat: ["C1", "C2"])
    func at(_ dep: String, _ cat: String) -> [Int] {
      [geography.position(of: dep)!, categories.position(of: cat)!]
    }
    return try HierarchicalTable(
      dimensions: [geography, categories],
      magnitudes: [
        .init(positions: at("D1", "C1"), value: 1_000.5, contributors: 3, largest: [900, 60.25]),
        .init(positions: at("D1", "C2"), value: 420, contributors: 4, largest: [200, 100]),
        .init(positions: at("D2", "C1"), value: 75.75, contributors: 1, largest: [75.75]),
        .init(positions: at("D2", "C2"), value: 0, contributors: 0, largest: []),
        .init(positions: at("D3", "C1"), value: 3_300, contributors: 6, largest: [1_000, 950]),
        .init(positions: at("D3", "C2"), value: 12.125, contributors: 2, largest: [10, 2.125]),
      ])
  }

  /// The files written, read back through the reader (hierarchy files by their name).
  static func readBack(_ files: TauArgusWriter.Files) throws -> TauArgusTabular {
    try TauArgusTabular(
      metadata: files.contents["table.rda"]!, data: files.contents["table.tab"]!,
      hierarchy: { path in files.contents[String(path.split(separator: "/").last!)]! })
  }

  @Test func totalsAddValuesAndContributorsAndKeepTheLargestContributions() throws {
    let table = try Self.magnitudes()
    let region = table.table.cells[table.cellIndex(codes: ["R1", "C1"])!]
    #expect(region.value == 1_076.25 && region.contributors == 4)
    #expect(region.largestContributions == [900, 75.75])
    let total = table.table.cells[table.cellIndex(codes: ["Total", "Total"])!]
    #expect(total.value == 4_808.375 && total.contributors == 16)
    #expect(total.largestContributions == [1_000, 950])
    #expect(table.table.equations.count == 3 * 3 + 6 * 1)  // 3 geography totals × 3 columns, 6 rows
  }

  @Test func writtenFilesReadBackAsTheSameTable() throws {
    let table = try Self.magnitudes()
    let files = TauArgusTabular.files(
      table, names: ["DEP", "CAT"], directory: "/tmp/t", settings: SecrecySettings(pPercent: 10))
    #expect(files.contents["table.rda"]!.contains("<HIERCODELIST> \"/tmp/t/DEP.hrc\""))
    #expect(files.contents["DEP.hrc"] == "R1\n@D1\n@D2\nR2\n@D3\n")
    #expect(files.contents["batch.arb"]!.contains("<SAFETYRULE> P(10,1)|NK(1,85)|FREQ(3,10)|MAN(10)"))
    #expect(files.contents["table.tab"]!.contains("D1;C1;1000.500;3;900.000;60.250\n"))
    #expect(files.contents["table.rda"]!.contains("<DECIMALS> 3\n"))
    let back = try Self.readBack(files)
    #expect(back.names == ["DEP", "CAT"] && back.response == "VALEUR")
    #expect(back.table.table.cells.map(\.id) == table.table.cells.map(\.id))
    for (read, written) in zip(back.table.table.cells, table.table.cells) {
      #expect(read.value == written.value && read.contributors == written.contributors)
      #expect(read.largestContributions == written.largestContributions, "\(read.id)")
    }
    #expect(back.table.table.equations == table.table.equations)
  }

  @Test func aFrequencyTableGetsOnlyTheFrequencyRule() throws {
    let table = try HierarchicalTable(
      dimensions: [CodeHierarchy(flat: ["A", "B"])], inner: [([1], 2), ([2], 5)])
    let files = TauArgusTabular.files(table, directory: "d", settings: SecrecySettings())
    #expect(files.contents["batch.arb"]!.contains("<SAFETYRULE> FREQ(3,10)|MAN(10)\n"))
    #expect(!files.contents["table.rda"]!.contains("MAXSCORE"))
    #expect(try Self.readBack(files).table.table.cells.map(\.value) == [7, 2, 5])
  }

  /// A table prepared for τ-Argus by hand: comma-separated, quoted codes, the other spelling of
  /// RECODEABLE, a total code of its own, `*` for levels, a status column, two numeric variables.
  static let handMetadata = """
    <SEPARATOR> ","
    <SAFE> S
    GEO 5
      <RECODABLE>
      <TOTCODE> "FR"
      <HIERARCHICAL>
      <HIERCODELIST> "geo.hrc"
      <HIERLEADSTRING> "*"
    ACT 3
      <RECODEABLE>
      <TOTCODE> "TT"
    CA 12
      <NUMERIC>
    EMPLOIS 12
      <NUMERIC>
    N 4
      <NUMERIC>
      <FREQUENCY>
    MAX1 12
      <NUMERIC>
      <MAXSCORE>
    ETAT 1
      <STATUS>
    """

  static func handRead(_ data: String, response: String? = nil) throws -> TauArgusTabular {
    try TauArgusTabular(metadata: handMetadata, data: data, response: response) { path in
      #expect(path == "geo.hrc")
      return "R1\n*D1\n*D2\n"
    }
  }

  @Test func aHandMadeTableIsReadWithItsTotalsChecked() throws {
    let data = """
      "D1","A",100,7,3,95,S
      "D2","A",50,2,4,20,S
      "D1","B",10,1,3,4,S
      "R1","A",150,9,7,95,S
      "FR","TT",160,10,10,95,S
      """
    let read = try Self.handRead(data)
    #expect(read.names == ["GEO", "ACT"] && read.response == "CA")
    let cells = read.table.table.cells
    let dominated = cells[read.table.cellIndex(codes: ["D1", "A"])!]
    #expect(PrimaryRules.status(of: dominated, settings: SecrecySettings()) == .primaryDominance)
    #expect(cells[read.table.cellIndex(codes: ["D2", "B"])!].contributors == 0)
    #expect(cells[read.table.cellIndex(codes: ["Total", "Total"])!].value == 160)
    // The other numeric variable on demand.
    #expect(try Self.handRead(data, response: "EMPLOIS").table.table.cells.first?.value == 10)
  }

  @Test func problemsNameTheLineAndTheCellNotTheValue() throws {
    #expect(throws: TauArgusTabular.Problem.totalDisagrees(line: 2, cell: "R1|A")) {
      try Self.handRead("\"D1\",\"A\",100,7,3,95,S\n\"R1\",\"A\",101,7,3,95,S\n")
    }
    #expect(throws: TauArgusTabular.Problem.unknownCode(line: 1, code: "D9")) {
      try Self.handRead("D9,A,1,1,1,1,S\n")
    }
    #expect(throws: TauArgusTabular.Problem.duplicateCell(line: 2)) {
      try Self.handRead("D1,A,1,1,1,1,S\nD1,A,1,1,1,1,S\n")
    }
    #expect(throws: TauArgusTabular.Problem.badFieldCount(line: 1)) { try Self.handRead("D1,A,1\n") }
    #expect(throws: TauArgusTabular.Problem.badNumber(line: 1)) { try Self.handRead("D1,A,x,1,1,1,S\n") }
    #expect(!TauArgusTabular.Problem.totalDisagrees(line: 2, cell: "R1|A").description.contains("101"))
  }

  /// A hierarchy file with its own level mark (`HIERLEADSTRING`), as τ-Argus writes it on Windows
  /// (`\r\n`), reads as the same hierarchy as with `@` and `\n`.
  @Test func aHierarchyWithAnotherLevelMarkAndWindowsLinesReadsTheSame() throws {
    let windows = TauArgusTabular.atSigns("R1\r\n-D1\r\n-D2\r\nR2\r\n-D3\r\n--D31\r\n", lead: "-")
    #expect(windows == "R1\n@D1\n@D2\nR2\n@D3\n@@D31\n")
    let read = try CodeHierarchy(hrc: windows)
    let reference = try CodeHierarchy(hrc: "R1\n@D1\n@D2\nR2\n@D3\n@@D31\n")
    #expect(read.codes == reference.codes)
    #expect(read.position(of: "D31") != nil)
  }

  @Test func valuesAreWrittenWithTheInnerCellsDecimals() {
    #expect(TauArgusTabular.fixed(103_335_151.299_999_98, decimals: 2) == "103335151.30")
    #expect(TauArgusTabular.fixed(0.5, decimals: 3) == "0.500")
    #expect(TauArgusTabular.fixed(-12.345_6, decimals: 2) == "-12.35")
    #expect(TauArgusTabular.fixed(-0.001, decimals: 2) == "0.00")
    #expect(TauArgusTabular.fixed(42.6, decimals: 0) == "43")
  }
}
