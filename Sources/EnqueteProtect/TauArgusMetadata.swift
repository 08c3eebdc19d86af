/// The metadata of a τ-Argus table (`.rda`): its variables in column order, each with its
/// properties (`<RECODEABLE>`, `<TOTCODE> "Total"`, `<HIERCODELIST> "f.hrc"`…), and the separator.
struct TauArgusMetadata {
  /// One variable and its properties (the value of a property without one is empty).
  struct Variable {
    let name: String
    var properties: [String: String] = [:]

    func has(_ property: String) -> Bool { properties[property] != nil }
    func value(_ property: String) -> String? { properties[property].flatMap { $0.isEmpty ? nil : $0 } }

    /// A spanning variable (τ-Argus accepts both spellings).
    var isSpanning: Bool { has("RECODEABLE") || has("RECODABLE") }
    /// The code of its total.
    var totalCode: String { value("TOTCODE") ?? CodeHierarchy.totalCode }
    /// A numeric variable with no other role: a response τ-Argus could protect.
    var isResponseCandidate: Bool {
      has("NUMERIC") && !isSpanning
        && !["FREQUENCY", "MAXSCORE", "STATUS", "LOWERPL", "UPPERPL", "WEIGHT"].contains(where: has)
    }
  }

  var variables: [Variable] = []
  var separator: Character = ","

  init(_ text: String) throws(TauArgusTabular.Problem) {
    for (number, raw) in text.split(omittingEmptySubsequences: false, whereSeparator: \.isNewline)
      .enumerated()
    {
      let line = raw.drop { $0 == " " || $0 == "\t" }
      if line.isEmpty || line.hasPrefix("//") { continue }
      if line.hasPrefix("<") {
        guard let close = line.firstIndex(of: ">") else { throw .badMetadata(line: number + 1) }
        let key = String(line[line.index(after: line.startIndex)..<close]).uppercased()
        let value = Self.unquoted(line[line.index(after: close)...])
        if variables.isEmpty {
          if key == "SEPARATOR", let first = value.first { separator = first }
        } else {
          variables[variables.count - 1].properties[key] = value
        }
      } else {
        let name = line.split(whereSeparator: { $0 == " " || $0 == "\t" }).first.map { Self.unquoted($0) }
        guard let name, !name.isEmpty else { throw .badMetadata(line: number + 1) }
        variables.append(Variable(name: name))
      }
    }
  }

  /// The data lines split on `separator` (fields may be quoted), each with its line number.
  static func rows(
    _ text: String, separator: Character, width: Int
  ) throws(TauArgusTabular.Problem) -> [(line: Int, fields: [String])] {
    var rows: [(line: Int, fields: [String])] = []
    for (number, raw) in text.split(omittingEmptySubsequences: false, whereSeparator: \.isNewline)
      .enumerated()
    {
      if raw.allSatisfy({ $0 == " " || $0 == "\t" }) { continue }
      var fields: [String] = []
      var field = ""
      var quoted = false
      for character in raw {
        if character == "\"" {
          quoted.toggle()
        } else if character == separator && !quoted {
          fields.append(unquoted(field[...]))
          field = ""
        } else {
          field.append(character)
        }
      }
      fields.append(unquoted(field[...]))
      guard fields.count == width else { throw .badFieldCount(line: number + 1) }
      rows.append((number + 1, fields))
    }
    return rows
  }

  /// The text without blanks around it nor the quotes around it.
  static func unquoted(_ text: Substring) -> String {
    var trimmed = text.drop { $0 == " " || $0 == "\t" }
    while let last = trimmed.last, last == " " || last == "\t" { trimmed = trimmed.dropLast() }
    if trimmed.count >= 2, trimmed.first == "\"", trimmed.last == "\"" {
      return String(trimmed.dropFirst().dropLast())
    }
    return String(trimmed)
  }
}
