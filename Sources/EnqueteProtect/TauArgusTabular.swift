import EnqueteCore

/// Reads a table in τ-Argus's tabular form: its metadata (`.rda`: the spanning variables with
/// their totals and hierarchies, the response, the frequency and the largest contributions,
/// `<MAXSCORE>`) and its cells (`.tab`), so that a statistician can protect with enquete a table
/// prepared for τ-Argus, and audit τ-Argus's pattern of it (``TauArgusFiles/suppressedCells``).
///
/// Inner cells are required; total rows may be there or not. Totals are always computed from the
/// inner cells; a total row given must agree with them, and lends its largest contributions
/// (which only the producer knows when a contributor is in several inner cells). A status column
/// (`<STATUS>`) and protection levels are not read: enquete applies its own rules.
public struct TauArgusTabular: Sendable {
  /// The table, with every total.
  public let table: HierarchicalTable
  /// The names of its spanning variables, outermost first.
  public let names: [String]
  /// The name of its response variable.
  public let response: String

  /// Reads `metadata` (`.rda`) and `data` (`.tab`); `response` names the response variable
  /// when the metadata has several numeric ones; `hierarchy` gives the text of a `.hrc` file
  /// named by `<HIERCODELIST>` (the caller resolves the path).
  public init(
    metadata: String, data: String, response: String? = nil, hierarchy: (String) throws -> String
  ) throws(Problem) {
    let meta = try TauArgusMetadata(metadata)
    let spanning = meta.variables.indices.filter { meta.variables[$0].isSpanning }
    guard !spanning.isEmpty else { throw .noSpanningVariable }
    guard let frequency = meta.variables.firstIndex(where: { $0.has("FREQUENCY") }) else {
      throw .noFrequency
    }
    let scores = meta.variables.indices.filter { meta.variables[$0].has("MAXSCORE") }
    let candidates = meta.variables.indices.filter { meta.variables[$0].isResponseCandidate }
    let chosen: Int
    if let response {
      guard let index = meta.variables.firstIndex(where: { $0.name == response }) else {
        throw .unknownResponse(response)
      }
      chosen = index
    } else {
      guard let first = candidates.first else { throw .noResponse }
      chosen = first
    }
    let rows = try TauArgusMetadata.rows(data, separator: meta.separator, width: meta.variables.count)

    // Each spanning variable's codes: its hierarchy file, or the codes met in the data.
    var dimensions: [CodeHierarchy] = []
    for column in spanning {
      let variable = meta.variables[column]
      if variable.has("HIERLEVELS") { throw .unsupported(variable: variable.name, property: "HIERLEVELS") }
      if let file = variable.value("HIERCODELIST") {
        let text: String
        do { text = try hierarchy(file) } catch { throw .unreadableHierarchy(file) }
        do {
          dimensions.append(
            try CodeHierarchy(hrc: Self.atSigns(text, lead: variable.value("HIERLEADSTRING") ?? "@")))
        } catch { throw .badHierarchy(file) }
      } else {
        let total = variable.totalCode
        let codes = Set(rows.map { $0.fields[column] }).subtracting([total])
        dimensions.append(CodeHierarchy(flat: codes.sorted()))
      }
    }

    var inner: [HierarchicalTable.InnerMagnitude] = []
    var givenTotals: [(line: Int, id: String, value: Double, contributors: Int)] = []
    var totalScores: [String: [Double]] = [:]
    var seen = Set<String>()
    for row in rows {
      var positions: [Int] = []
      for (dimension, column) in spanning.enumerated() {
        let code = row.fields[column]
        let position =
          code == meta.variables[column].totalCode ? 0 : dimensions[dimension].position(of: code)
        guard let position else { throw .unknownCode(line: row.line, code: code) }
        positions.append(position)
      }
      let id = positions.enumerated().map { dimensions[$0].codes[$1] }
        .joined(separator: HierarchicalTable.separator)
      guard seen.insert(id).inserted else { throw .duplicateCell(line: row.line) }
      guard let value = Self.number(row.fields[chosen]), let count = Self.number(row.fields[frequency]),
        count >= 0, count == count.rounded()
      else { throw .badNumber(line: row.line) }
      var largest: [Double]? = nil
      if !scores.isEmpty {
        let parsed = scores.map { Self.number(row.fields[$0]) }
        guard !parsed.contains(nil) else { throw .badNumber(line: row.line) }
        largest = parsed.compactMap { $0 }.filter { $0 > 0 }.sorted(by: >)
      }
      if positions.enumerated().allSatisfy({ dimensions[$0].isLeaf($1) }) {
        inner.append(.init(positions: positions, value: value, contributors: Int(count), largest: largest))
      } else {
        givenTotals.append((row.line, id, value, Int(count)))
        if let largest { totalScores[id] = largest }
      }
    }
    do {
      table = try HierarchicalTable(dimensions: dimensions, magnitudes: inner, totals: totalScores)
    } catch { throw .badTable }
    for total in givenTotals {
      let computed = table.table.cells[table.table.index(of: total.id)!]
      let tolerance = 0.005 + 1e-9 * abs(computed.value)
      guard abs(computed.value - total.value) <= tolerance, computed.contributors == total.contributors else {
        throw .totalDisagrees(line: total.line, cell: total.id)
      }
    }
    names = spanning.map { meta.variables[$0].name }
    self.response = meta.variables[chosen].name
  }

  /// A number as τ-Argus writes it (a decimal point; a decimal comma is read too).
  static func number(_ text: String) -> Double? {
    let trimmed = String(text.filter { $0 != " " && $0 != "\t" })
    return Double(trimmed) ?? Double(String(trimmed.map { $0 == "," ? "." : $0 }))
  }

  /// A hierarchy file whose levels are marked by `lead` rewritten with `@`, as enquete reads them.
  /// Lines end with `\n` or, as τ-Argus writes them on Windows, `\r\n` (one `Character`, which
  /// splitting on `\n` would not see: the whole file was then one line and only its first code's
  /// level was read).
  static func atSigns(_ text: String, lead: String) -> String {
    guard lead != "@", !lead.isEmpty else { return text }
    return text.split(omittingEmptySubsequences: false, whereSeparator: \.isNewline).map { line in
      var rest = Substring(line)
      var depth = 0
      while rest.hasPrefix(lead) {
        rest = rest.dropFirst(lead.count)
        depth += 1
      }
      return String(repeating: "@", count: depth) + rest
    }.joined(separator: "\n")
  }
}
