/// Writes a frequency table in τ-Argus's input formats, so that a statistician (or the benchmark)
/// can protect the very same table in τ-Argus and compare: microdata (`.asc`, one fixed-width
/// record per contributor, with a response `N = 1`), its metadata (`.rda`), one hierarchy file
/// (`.hrc`) per hierarchical dimension, and a batch (`.arb`). τ-Argus's published output (`AS+`,
/// `out.csv`) is read back by ``TauArgusFiles/suppressedCells(output:of:)``.
public enum TauArgusWriter {
  /// The files of one table, by name (`micro.asc`, `micro.rda`, `V1.hrc`…, `batch.arb`).
  public struct Files: Sendable, Hashable {
    /// File name → text.
    public var contents: [String: String]
  }

  /// The secondary method of the batch: `MOD(1,5,1,1,1)` (τ-Argus's default Modular),
  /// `MOD(1,5,1,0,0)` (INSEE's options) or `OPT(1,60)` (Optimal, 60 s).
  /// - Parameters:
  ///   - table: a table whose cells' contributors are their counts (a frequency table).
  ///   - names: the variable name of each dimension (default `V1`, `V2`…).
  ///   - directory: where the files will be, as written into the batch and the metadata.
  ///   - cost: the batch's cost function (``CostFunction/tauArgusCode``).
  public static func files(
    _ table: HierarchicalTable, names: [String]? = nil, directory: String,
    threshold: Int = 3, method: String = "MOD(1,5,1,1,1)", cost: CostFunction = .value
  ) -> Files {
    let names = names ?? table.dimensions.indices.map { "V\($0 + 1)" }
    let widths = table.dimensions.map { max($0.codes.dropFirst().map(\.count).max() ?? 1, 1) }
    var contents: [String: String] = [:]
    var rda = ""
    var position = 1
    for (dimension, hierarchy) in table.dimensions.enumerated() {
      rda += "\(names[dimension]) \(position) \(widths[dimension])\n  <RECODEABLE>\n  <TOTCODE> \"Total\"\n"
      if hierarchy.codes.indices.contains(where: {
        hierarchy.parents[$0] != nil && hierarchy.parents[$0] != 0
      }) {
        let file = "\(names[dimension]).hrc"
        contents[file] = hrc(hierarchy)
        rda += "  <HIERARCHICAL>\n  <HIERCODELIST> \"\(directory)/\(file)\"\n  <HIERLEADSTRING> \"@\"\n"
      }
      position += widths[dimension] + 1
    }
    rda += "N \(position) 1\n  <NUMERIC>\n  <DECIMALS> 0\n"
    contents["micro.rda"] = rda
    contents["micro.asc"] = microdata(table, widths: widths)
    let variables = names.map { "\"\($0)\"" }.joined()
    contents["batch.arb"] = """
      // Batch written by enquete
      <OPENMICRODATA> "\(directory)/micro.asc"
      <OPENMETADATA> "\(directory)/micro.rda"
      <SPECIFYTABLE> \(variables)|"N"||\(cost.tauArgusCode)
      <SAFETYRULE> FREQ(\(threshold),10)
      <READMICRODATA>
      <SUPPRESS> \(method)
      <WRITETABLE> (1,1,AS+,"\(directory)/out.csv")

      """
    return Files(contents: contents)
  }

  /// A τ-Argus hierarchy file: every code below the total, one `@` per level below the first.
  public static func hrc(_ hierarchy: CodeHierarchy) -> String {
    var out = ""
    for position in hierarchy.codes.indices.dropFirst() {
      let depth = hierarchy.selfAndAncestors(position).count - 2
      out += String(repeating: "@", count: depth) + hierarchy.codes[position] + "\n"
    }
    return out
  }

  /// One fixed-width record per contributor of every inner cell, in table order, each with `N = 1`.
  /// - Complexity: O(cells + Σ inner counts).
  private static func microdata(_ table: HierarchicalTable, widths: [Int]) -> String {
    var out = ""
    for cell in table.table.cells where cell.contributors > 0 {
      let codes = cell.id.split(
        separator: Character(HierarchicalTable.separator), omittingEmptySubsequences: false)
      let positions = codes.enumerated().map { table.dimensions[$0].position(of: String($1))! }
      guard positions.enumerated().allSatisfy({ table.dimensions[$0].isLeaf($1) }) else { continue }
      let record =
        codes.enumerated().map { String($1).padding(widths[$0]) }.joined(separator: " ") + " 1\n"
      out += String(repeating: record, count: cell.contributors)
    }
    return out
  }
}

extension String {
  /// The string padded with spaces on the right to `width` characters.
  fileprivate func padding(_ width: Int) -> String {
    self + String(repeating: " ", count: max(0, width - count))
  }
}
