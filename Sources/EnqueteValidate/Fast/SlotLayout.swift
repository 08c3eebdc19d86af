import EnqueteCore

/// Where each variable of a table lives in a row of `Double` slots, and how its text is read.
///
/// Every value becomes a `Double`: numbers as themselves, dates as day numbers, booleans as 0/1,
/// coded values as their index in the list, a SIRET as its 14-digit number, a département as its
/// index, a name as 1. An empty or unusable value is NaN, which the rule programs treat as unknown.
struct SlotLayout {
  /// How the fast path reads a variable's text.
  enum Kind {
    case integer, number, date, boolean, siret, departement, text
    case coded([[UInt8]])
    case pattern(allowed: [Bool], length: ClosedRange<Int>)
    /// A pattern the fast path cannot check: such values always go to the full validator.
    case unsupportedPattern
  }

  /// What filling a slot from a record needs, without copying the whole `VariableDefinition`.
  struct Submitted {
    let slot: Int
    let name: String
    let required: Bool
    /// Bounds, infinite when the variable has none.
    let minimum: Double
    let maximum: Double
  }

  let table: TableDefinition
  let variables: [VariableDefinition]
  let kinds: [Kind]
  /// The submitted variables, in slot order.
  let submitted: [Submitted]
  /// For each slot, its place in `submitted` (nil for a variable not submitted).
  let submittedEntry: [Int?]
  private let index: [String: Int]

  init(_ table: TableDefinition) {
    self.table = table
    variables = table.variables
    index = Dictionary(uniqueKeysWithValues: variables.enumerated().map { ($1.name, $0) })
    kinds = variables.map(SlotLayout.kind)
    submitted = variables.enumerated().filter { $1.isSubmitted }.map { slot, variable in
      Submitted(
        slot: slot, name: variable.name, required: variable.required,
        minimum: variable.minimum ?? -.infinity, maximum: variable.maximum ?? .infinity)
    }
    var entries = [Int?](repeating: nil, count: variables.count)
    for (place, entry) in submitted.enumerated() { entries[entry.slot] = place }
    submittedEntry = entries
  }

  /// The slot of a variable.
  func slot(_ name: String) -> Int? { index[name] }

  private static func kind(_ variable: VariableDefinition) -> Kind {
    switch variable.type {
    case .integer: return .integer
    case .number: return .number
    case .date: return .date
    case .boolean: return .boolean
    case .siret: return .siret
    case .departement: return .departement
    case .string:
      if let values = variable.enum { return .coded(values.map { Array($0.utf8) }) }
      if let pattern = variable.pattern { return simplePattern(pattern) ?? .unsupportedPattern }
      return .text
    }
  }

  /// `[A-Za-z0-9-]{1,32}`-style patterns (one character class and a length range).
  private static func simplePattern(_ pattern: String) -> Kind? {
    let characters = Array(pattern)
    guard characters.first == "[", let close = characters.firstIndex(of: "]"), close + 1 < characters.count,
      characters[close + 1] == "{", characters.last == "}"
    else { return nil }
    let bounds = String(characters[(close + 2)..<(characters.count - 1)]).split(separator: ",")
    guard bounds.count == 2, let low = Int(bounds[0]), let high = Int(bounds[1]), low <= high else {
      return nil
    }
    var allowed = [Bool](repeating: false, count: 128)
    let set = Array(characters[1..<close])
    var position = 0
    while position < set.count {
      guard let first = set[position].asciiValue else { return nil }
      if position + 2 < set.count, set[position + 1] == "-", let last = set[position + 2].asciiValue {
        guard first <= last else { return nil }
        for byte in first...last { allowed[Int(byte)] = true }
        position += 3
      } else {
        if first == UInt8(ascii: "\\") { return nil }
        allowed[Int(first)] = true
        position += 1
      }
    }
    return .pattern(allowed: allowed, length: low...high)
  }
}
