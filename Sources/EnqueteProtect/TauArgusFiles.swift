import EnqueteCore

/// Reads the peers' benchmark tables: τ-Argus inputs (`cells.csv`, `dep.hrc`) and its published
/// output (`out.csv`, `x` for a suppressed cell), so that enquete's audit can be run on them.
public enum TauArgusFiles {
  /// Why a file cannot be read; the description is in French, for the user.
  public enum Problem: Error, Hashable, Sendable, CustomStringConvertible {
    /// The header is not `region,dep,cat[,cat2…],n`.
    case badHeader
    /// A line has the wrong number of fields or a count that is not a non-negative integer.
    case badLine(line: Int)
    /// A département of the cells is not in the hierarchy, or is not one of its inner codes.
    case unknownCode(line: Int, code: String)
    /// The hierarchy file cannot be read.
    case hierarchy(CodeHierarchy.Problem)
    /// `out.csv` names a row or column that is not in the table.
    case unknownOutputCell(line: Int, code: String)

    /// A French message.
    public var description: String {
      switch self {
      case .badHeader: "en-tête attendu : region,dep,cat[,cat2],n"
      case .badLine(let line): "ligne \(line) : nombre de champs ou effectif invalide"
      case .unknownCode(let line, let code): "ligne \(line) : code « \(code) » absent de la hiérarchie"
      case .hierarchy(let problem): "fichier de hiérarchie invalide (\(problem))"
      case .unknownOutputCell(let line, let code): "ligne \(line) : « \(code) » absent du tableau"
      }
    }
  }

  /// Builds the table of `cells.csv` (`region,dep,cat[,cat2],n`) over the hierarchy of `dep.hrc`,
  /// with every marginal total. The région column is not read: the hierarchy says where each
  /// département belongs. Categories are taken in sorted order.
  public static func table(cells: String, hierarchy: String) throws(Problem) -> HierarchicalTable {
    let geography: CodeHierarchy
    do { geography = try CodeHierarchy(hrc: hierarchy) } catch { throw .hierarchy(error) }
    let lines = records(cells)
    guard let header = lines.first?.fields, header.count >= 4, header.last == "n" else {
      throw .badHeader
    }
    let categoryCount = header.count - 3
    var rows: [(line: Int, dep: String, categories: [String], count: Int)] = []
    var categoryCodes = [Set<String>](repeating: [], count: categoryCount)
    for (line, fields) in lines.dropFirst() {
      guard fields.count == header.count, let count = Int(fields[fields.count - 1]), count >= 0 else {
        throw .badLine(line: line)
      }
      let categories = Array(fields[2..<(fields.count - 1)])
      for (dimension, code) in categories.enumerated() { categoryCodes[dimension].insert(code) }
      rows.append((line, fields[1], categories, count))
    }
    let dimensions = [geography] + categoryCodes.map { CodeHierarchy(flat: $0.sorted()) }
    var inner: [(positions: [Int], count: Int)] = []
    for row in rows {
      guard let dep = geography.position(of: row.dep), geography.isLeaf(dep) else {
        throw .unknownCode(line: row.line, code: row.dep)
      }
      let positions = row.categories.enumerated().map { dimensions[$0 + 1].position(of: $1)! }
      inner.append(([dep] + positions, row.count))
    }
    do { return try HierarchicalTable(dimensions: dimensions, inner: inner) } catch {
      throw .badLine(line: 0)
    }
  }

  /// Builds the table of `cells.csv` over several hierarchies of the same départements that do not
  /// nest (régions and cours d'appel), all adding up to one total: one dimension of every code of
  /// every hierarchy (``TableDimension/init(hierarchies:)``), crossed with the categories.
  public static func crossedTable(cells: String, hierarchies: [String]) throws(Problem) -> CrossedTable {
    var trees: [CodeHierarchy] = []
    for text in hierarchies {
      do { trees.append(try CodeHierarchy(hrc: text)) } catch { throw .hierarchy(error) }
    }
    let first = try table(cells: cells, hierarchy: hierarchies[0])
    let geography: TableDimension
    do { geography = try TableDimension(hierarchies: trees) } catch { throw .badHeader }
    let categories = first.dimensions.dropFirst().map(TableDimension.init(hierarchy:))
    var inner: [(positions: [Int], count: Int)] = []
    for cell in first.table.cells where cell.contributors > 0 {
      let codes = cell.id.split(separator: "|").map(String.init)
      let positions = codes.enumerated().map { first.dimensions[$0].position(of: $1)! }
      guard positions.enumerated().allSatisfy({ first.dimensions[$0].isLeaf($1) }) else { continue }
      inner.append(([geography.position(of: codes[0])!] + positions.dropFirst(), cell.contributors))
    }
    do { return try CrossedTable(dimensions: [geography] + categories, inner: inner) } catch {
      throw .badLine(line: 0)
    }
  }

  /// The cells τ-Argus suppressed in an `out.csv`; `x` marks a suppressed cell.
  ///
  /// One dimension: a header of its codes, then one row of marks. Two dimensions: a header of
  /// categories (or `Total`), then one row per geography code (or `Total`). Three dimensions: one such block per code of the first dimension, each opened by a
  /// line `Var 1,"CODE"`, its rows being the second dimension and its columns the third.
  public static func suppressedCells(output: String, of table: HierarchicalTable) throws(Problem) -> Set<Int>
  {
    var suppressed = Set<Int>()
    var prefix: [String] = []
    var header: [String]?
    for (line, fields) in records(output) {
      if fields.count >= 2, fields[0].hasPrefix("Var ") {
        prefix = [fields[1]]
        header = nil
        continue
      }
      guard let columns = header else {
        header = fields
        continue
      }
      for (column, mark) in fields.enumerated().dropFirst() where mark == "x" {
        // One dimension: a single row of marks under a header of its codes.
        let codes = table.dimensions.count == 1 ? [columns[column]] : prefix + [fields[0], columns[column]]
        guard column < columns.count, let index = table.cellIndex(codes: codes)
        else { throw .unknownOutputCell(line: line, code: fields[0]) }
        suppressed.insert(index)
      }
    }
    return suppressed
  }

  /// Non-empty lines split on commas, quotes removed, with their 1-based line numbers.
  private static func records(_ text: String) -> [(line: Int, fields: [String])] {
    var result: [(line: Int, fields: [String])] = []
    for (number, line) in text.split(omittingEmptySubsequences: false, whereSeparator: \.isNewline)
      .enumerated()
    {
      if line.isEmpty { continue }
      // τ-Argus pads codes of unequal length with spaces: fields are trimmed.
      let fields = line.split(separator: ",", omittingEmptySubsequences: false).map {
        String($0.filter { $0 != "\"" }.drop { $0 == " " }.reversed().drop { $0 == " " }.reversed())
      }
      result.append((number + 1, fields))
    }
    return result
  }
}
