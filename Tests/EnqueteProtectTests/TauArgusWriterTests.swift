import EnqueteCore
import EnqueteProtect
import Testing

@Suite struct TauArgusWriterTests {
  @Test func hierarchyFilesRoundTrip() throws {
    let text = "R1\n@D01\n@D02\nR2\n@D03\n"
    #expect(TauArgusWriter.hrc(try CodeHierarchy(hrc: text)) == text)
    let peer = try TableBuilders.peer(PeerTableTests.small)
    let written = TauArgusWriter.hrc(peer.dimensions[0])
    #expect(try CodeHierarchy(hrc: written) == peer.dimensions[0])
  }

  /// The microdata has one record per unit: it adds up to the grand total, and the batch names
  /// the files, the rule and the method.
  @Test func microdataAndBatch() throws {
    let peer = try TableBuilders.peer(PeerTableTests.small)
    let files = TauArgusWriter.files(peer, names: ["DEP", "CAT"], directory: "/x", method: "MOD(1,5,1,0,0)")
    let records = files.contents["micro.asc"]!.split(separator: "\n")
    #expect(records.count == 331)
    #expect(records.first == "D01 C1 1")
    #expect(files.contents["micro.rda"]!.hasPrefix("DEP 1 3\n"))
    #expect(files.contents["micro.rda"]!.contains("<HIERCODELIST> \"/x/DEP.hrc\""))
    let batch = files.contents["batch.arb"]!
    #expect(batch.contains("<SPECIFYTABLE> \"DEP\"\"CAT\"|\"N\"||\n"))
    #expect(batch.contains("<SUPPRESS> MOD(1,5,1,0,0)"))
    #expect(batch.contains("<SAFETYRULE> FREQ(3,10)"))
    #expect(files.contents["DEP.hrc"] != nil && files.contents["CAT.hrc"] == nil)
  }

  /// The cost function travels as the batch's cost variable (`-2`: unity).
  @Test func theBatchNamesTheCostFunction() throws {
    let peer = try TableBuilders.peer(PeerTableTests.small)
    let files = TauArgusWriter.files(peer, names: ["DEP", "CAT"], directory: "/x", cost: .unity)
    #expect(files.contents["batch.arb"]!.contains("<SPECIFYTABLE> \"DEP\"\"CAT\"|\"N\"||-2\n"))
  }
}
