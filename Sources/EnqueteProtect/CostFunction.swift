import EnqueteCore

/// What hiding a cell costs when the secondary suppression compares patterns: τ-Argus's cost
/// functions (its batch files' cost variable: the response, `-1` frequency, `-2` unity).
///
/// Every function adds ``SecondarySuppression/cellWeight`` (1) per cell hidden, so that among
/// patterns of equal cost the one with fewer cells wins. The costs only choose the pattern; the
/// audit and the required protection are the same whichever is chosen.
public enum CostFunction: String, Sendable, Hashable, CaseIterable {
  /// The cell's value (or the cost the table gives it, ``TableCell/cost``): the least value hidden.
  /// The default, and the only one the publication uses.
  case value = "valeur"
  /// One per cell, the value only breaking ties: the fewest cells hidden, then the least value
  /// among such patterns (τ-Argus's « unity », which leaves ties to its solver).
  case unity = "unite"
  /// The cell's contributors: the fewest contributions hidden (τ-Argus's « frequency »). On a
  /// table of counts whose contributors are the persons counted, the same as ``value``.
  case frequency = "frequence"

  /// Its French name (the raw value), as `enquete protect --cout` and the JSON output
  /// (`fonction_de_cout`) write it.
  public var frenchName: String { rawValue }

  /// The cost variable of a τ-Argus batch's `<SPECIFYTABLE>` for this function: empty (the
  /// response), `-2` (unity) or `-1` (frequency).
  public var tauArgusCode: String {
    switch self {
    case .value: ""
    case .unity: "-2"
    case .frequency: "-1"
    }
  }

  /// `table` with each cell's ``TableCell/cost`` set for this function (``value``: unchanged).
  ///
  /// For ``unity`` a cell costs its value divided by one more than the values of every cell
  /// together: any pattern's costs add up to less than 1, one cell's ``SecondarySuppression/cellWeight``,
  /// so a pattern with fewer cells always costs less.
  /// - Complexity: O(cells).
  public func costed(_ table: AdditiveTable) -> AdditiveTable {
    switch self {
    case .value:
      return table
    case .unity:
      let total = table.cells.reduce(0) { $0 + max(0, $1.value) }
      return table.withCosts { max(0, $0.value) / (total + 1) }
    case .frequency:
      return table.withCosts { Double($0.contributors) }
    }
  }

  /// `table` with each cell's cost set for this function (``costed(_:)-(AdditiveTable)``), its grid
  /// unchanged.
  public func costed(_ table: CrossedTable) -> CrossedTable {
    self == .value ? table : CrossedTable(dimensions: table.dimensions, table: costed(table.table))
  }
}
