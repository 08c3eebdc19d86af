import EnqueteCore

/// Where each variable of a table lives in a row of `Double` slots, and how its text is read.
///
/// Every value becomes a `Double`: numbers as themselves, dates as day numbers, booleans as 0/1,
/// coded values as their index in the list, a SIRET as its 14-digit number, a département as its
/// index, a name as 1. An empty or unusable value is NaN, which the rule programs treat as unknown.
final class SlotLayout: Sendable {
  /// How the fast path reads a variable's text (payload-free, so that reading a row retains nothing).
  enum Kind: UInt8 {
    case integer, number, date, boolean, siret, departement, text
    /// One of a list of codes (`codes[slot]`).
    case coded
    /// A one-class pattern (`patterns[slot]`).
    case pattern
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

  /// A `[A-Za-z0-9-]{1,32}`-style pattern: allowed ASCII bytes and a length range.
  struct SimplePattern {
    let allowed: [Bool]
    let length: ClosedRange<Int>
  }

  let table: TableDefinition
  let variables: [VariableDefinition]
  let kinds: [Kind]
  /// The codes of each coded variable (empty for the others).
  let codes: [[[UInt8]]]
  /// The pattern of each pattern variable.
  let patterns: [SimplePattern?]
  /// Bounds of each variable (infinite when none).
  let minimum: [Double]
  let maximum: [Double]
  /// The submitted variables, in slot order.
  let submitted: [Submitted]
  /// For each slot, its place in `submitted` (nil for a variable not submitted).
  let submittedEntry: [Int?]
  private let index: [String: Int]

  init(_ table: TableDefinition) {
    self.table = table
    variables = table.variables
    index = Dictionary(uniqueKeysWithValues: variables.enumerated().map { ($1.name, $0) })
    let readings = variables.map(SlotLayout.kind)
    kinds = readings.map(\.0)
    codes = variables.map { variable in variable.enum.map { $0.map { Array($0.utf8) } } ?? [] }
    patterns = readings.map(\.1)
    minimum = variables.map { $0.minimum ?? -.infinity }
    maximum = variables.map { $0.maximum ?? .infinity }
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

  private static func kind(_ variable: VariableDefinition) -> (Kind, SimplePattern?) {
    switch variable.type {
    case .integer: return (.integer, nil)
    case .number: return (.number, nil)
    case .date: return (.date, nil)
    case .boolean: return (.boolean, nil)
    case .siret: return (.siret, nil)
    case .departement: return (.departement, nil)
    case .string:
      if variable.enum != nil { return (.coded, nil) }
      if let pattern = variable.pattern {
        guard let simple = simplePattern(pattern) else { return (.unsupportedPattern, nil) }
        return (.pattern, simple)
      }
      return (.text, nil)
    }
  }

  /// `[A-Za-z0-9-]{1,32}`-style patterns (one character class and a length range).
  private static func simplePattern(_ pattern: String) -> SimplePattern? {
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
    return SimplePattern(allowed: allowed, length: low...high)
  }
}
