import EnqueteCore

extension TauArgusTabular {
  /// The files that give `table` to τ-Argus as a tabular input, whatever its cells count (a
  /// magnitude table with its largest contributions, or a frequency table): `table.tab` (every
  /// cell, totals included, `;`-separated: the codes, the value, the number of contributors and
  /// the largest contributions), `table.rda` (its metadata), one `.hrc` per hierarchical
  /// dimension, and `batch.arb` applying `settings` as τ-Argus rules (`FREQ`, `NK`, `P`, `MAN`)
  /// then `method`, writing τ-Argus's pattern to `out.csv` for ``TauArgusFiles/suppressedCells``.
  /// Reading the files back with ``init(metadata:data:response:hierarchy:)`` gives the same table.
  /// - Parameters:
  ///   - names: the variable name of each dimension (default `V1`, `V2`…).
  ///   - directory: where the files will be, as written into the batch and the metadata.
  public static func files(
    _ table: HierarchicalTable, names: [String]? = nil, response: String = "VALEUR", directory: String,
    settings: SecrecySettings, method: String = "MOD(1,5,1,1,1)", cost: CostFunction = .value
  ) -> TauArgusWriter.Files {
    let names = names ?? table.dimensions.indices.map { "V\($0 + 1)" }
    let scores = table.table.cells.map { $0.largestContributions?.count ?? 0 }.max() ?? 0
    // Every value with the decimals of the inner cells (totals summed in binary carry noise).
    let decimals = Self.decimals(of: table)
    func number(_ value: Double) -> String { Self.fixed(value, decimals: decimals) }
    var contents: [String: String] = [:]
    var rda = "<SEPARATOR> \";\"\n"
    for (dimension, hierarchy) in table.dimensions.enumerated() {
      rda += "\(names[dimension])\n  <RECODEABLE>\n  <TOTCODE> \"\(CodeHierarchy.totalCode)\"\n"
      if hierarchy.codes.indices.contains(where: {
        hierarchy.parents[$0] != nil && hierarchy.parents[$0] != 0
      }) {
        let file = "\(names[dimension]).hrc"
        contents[file] = TauArgusWriter.hrc(hierarchy)
        rda += "  <HIERARCHICAL>\n  <HIERCODELIST> \"\(directory)/\(file)\"\n  <HIERLEADSTRING> \"@\"\n"
      }
    }
    rda += "\(response)\n  <NUMERIC>\n  <DECIMALS> \(decimals)\n"
    rda += "EFFECTIF\n  <NUMERIC>\n  <FREQUENCY>\n"
    for rank in 0..<scores { rda += "TOP\(rank + 1)\n  <NUMERIC>\n  <MAXSCORE>\n" }
    contents["table.rda"] = rda

    var tab = ""
    for cell in table.table.cells {
      var fields = cell.id.split(
        separator: Character(HierarchicalTable.separator), omittingEmptySubsequences: false
      )
      .map(String.init)
      fields.append(number(cell.value))
      fields.append(String(cell.contributors))
      let largest = cell.largestContributions ?? []
      for rank in 0..<scores { fields.append(number(rank < largest.count ? largest[rank] : 0)) }
      tab += fields.joined(separator: ";") + "\n"
    }
    contents["table.tab"] = tab

    let variables = names.map { "\"\($0)\"" }.joined()
    contents["batch.arb"] = """
      // Batch written by enquete: the table, enquete's rules, τ-Argus's secondary suppression
      <OPENTABLEDATA> "\(directory)/table.tab"
      <OPENMETADATA> "\(directory)/table.rda"
      <SPECIFYTABLE> \(variables)|"\(response)"||\(cost.tauArgusCode)
      <SAFETYRULE> \(rules(settings, withContributions: scores > 0))
      <READTABLE>
      <SUPPRESS> \(method)
      <WRITETABLE> (1,1,AS+,"\(directory)/out.csv")

      """
    return TauArgusWriter.Files(contents: contents)
  }

  /// enquete's primary rules and required protection in τ-Argus's words: `P(p,1)` and `NK(n,k)`
  /// where the largest contributions are known, `FREQ(threshold,10)`, `MAN(ratio in %)`.
  static func rules(_ settings: SecrecySettings, withContributions: Bool) -> String {
    var rules: [String] = []
    if withContributions, let p = settings.pPercent { rules.append("P(\(number(p)),1)") }
    if withContributions, let dominance = settings.dominance {
      rules.append("NK(\(dominance.contributors),\(number(dominance.percent)))")
    }
    rules.append("FREQ(\(settings.frequencyThreshold),10)")
    rules.append("MAN(\(number(settings.protectionRatio * 100)))")
    return rules.joined(separator: "|")
  }

  /// A value as τ-Argus reads it: a whole number without decimals, else the shortest decimal that
  /// reads back as the same double.
  static func number(_ value: Double) -> String {
    if value == value.rounded(), abs(value) < 1e15 { return String(Int64(value)) }
    return "\(value)"
  }

  /// `value` rounded to `decimals` decimals, written with a decimal point.
  static func fixed(_ value: Double, decimals: Int) -> String {
    guard decimals > 0 else { return number(value.rounded()) }
    var scale = 1.0
    for _ in 0..<decimals { scale *= 10 }
    guard abs(value) * scale < 9e15 else { return number(value) }
    let scaled = Int64((abs(value) * scale).rounded())
    let digits = String(scaled)
    let padded = String(repeating: "0", count: max(0, decimals + 1 - digits.count)) + digits
    let point = padded.index(padded.endIndex, offsetBy: -decimals)
    return (value < 0 && scaled != 0 ? "-" : "") + padded[..<point] + "." + padded[point...]
  }

  /// The decimals of the inner cells' values and largest contributions (at most 6): what the
  /// table was given with.
  private static func decimals(of table: HierarchicalTable) -> Int {
    var most = 0
    for cell in table.table.cells {
      let codes = cell.id.split(
        separator: Character(HierarchicalTable.separator), omittingEmptySubsequences: false)
      let inner = codes.enumerated().allSatisfy { dimension, code in
        table.dimensions[dimension].position(of: String(code)).map { table.dimensions[dimension].isLeaf($0) }
          ?? false
      }
      guard inner else { continue }
      for value in [cell.value] + (cell.largestContributions ?? []) {
        let text = number(value)
        if let point = text.firstIndex(of: ".") {
          most = max(most, text.distance(from: point, to: text.endIndex) - 1)
        }
      }
    }
    return min(most, 6)
  }
}
