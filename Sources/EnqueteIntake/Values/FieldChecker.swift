import EnqueteCore
import Foundation

/// Types one raw value against its variable and checks the constraints a single value must meet
/// (type, enum, pattern, minimum, maximum, SIRET key, known département).
struct FieldChecker {
  let file: String
  let geography: Geography
  /// Compiled patterns, by pattern text (compiling one per value cost a tenth of validation time).
  private let patterns: [String: NSRegularExpression]

  init(file: String, geography: Geography) {
    self.file = file
    self.geography = geography
    patterns = Self.compiledPatterns
  }

  /// Every pattern of the built-in catalogs, compiled once for the process: a checker is made per
  /// file, and compiling them per file cost more than checking a small file. (`NSRegularExpression`
  /// is immutable and safe to match from several threads.)
  nonisolated(unsafe) private static let compiledPatterns: [String: NSRegularExpression] = {
    var patterns: [String: NSRegularExpression] = [:]
    for survey in SurveyID.allCases {
      for table in SurveyDefinition.builtIn(survey).tables {
        for pattern in table.variables.compactMap(\.pattern) where patterns[pattern] == nil {
          patterns[pattern] = try? NSRegularExpression(pattern: "^(?:\(pattern))$")
        }
      }
    }
    return patterns
  }()

  /// The typed value (nil when it cannot be used) and what is wrong or was corrected.
  func check(_ raw: RawValue, _ variable: VariableDefinition, report: String?) -> (Value?, [Diagnostic]) {
    let text = Trim.whitespace(raw.text)
    let location = SourceLocation(file: file, line: raw.line, column: raw.column)
    func problem(_ code: String, _ message: String, _ severity: Diagnostic.Severity = .error) -> Diagnostic {
      Diagnostic(
        severity, code: code, message: message, location: location, report: report, variable: variable.name)
    }
    func what() -> String { "\(variable.name) (\(variable.label))" }
    let value: Value
    switch variable.type {
    case .integer:
      guard let number = FrenchValueParser.integer(text) else {
        return (
          nil,
          [
            problem(
              "validate.type", "« \(text) » n'est pas un nombre entier : \(what()) attend un entier comme 12."
            )
          ]
        )
      }
      value = .integer(number)
    case .number:
      guard let number = FrenchValueParser.number(text) else {
        return (
          nil,
          [
            problem(
              "validate.type", "« \(text) » n'est pas un nombre : \(what()) attend un nombre comme 12,5.")
          ]
        )
      }
      value = .number(number)
    case .date:
      guard let date = FrenchValueParser.date(text) else {
        return (
          nil,
          [
            problem(
              "validate.type",
              "« \(text) » n'est pas une date qui existe : \(what()) attend JJ/MM/AAAA ou AAAA-MM-JJ.")
          ]
        )
      }
      value = .date(date)
    case .boolean:
      guard let flag = FrenchValueParser.boolean(text) else {
        return (
          nil,
          [
            problem(
              "validate.type",
              "« \(text) » n'est pas oui ou non : \(what()) attend oui/non, O/N, 1/0 ou true/false.")
          ]
        )
      }
      value = .boolean(flag)
    case .siret:
      return siret(text, problem)
    case .departement:
      guard let (code, changed) = geography.normalizeDepartementCode(text) else {
        return (
          nil,
          [
            problem(
              "validate.unknown-departement",
              "Le département « \(text) » n'existe pas : codes 01 à 95, 2A, 2B, 971 à 976.")
          ]
        )
      }
      return (
        .string(code),
        changed
          ? [
            problem(
              "validate.departement-normalised", "Code département « \(text) » lu comme \(code).", .warning)
          ] : []
      )
    case .string:
      if let allowed = variable.enum {
        if allowed.contains(text) { return (.string(text), []) }
        let key = HeaderFolding.fold(text)
        guard let match = allowed.first(where: { HeaderFolding.fold($0) == key }) else {
          return (
            nil,
            [
              problem(
                "validate.enum",
                "« \(text) » n'est pas une valeur permise pour \(what()) : \(allowed.joined(separator: ", "))."
              )
            ]
          )
        }
        return (.string(match), [])
      }
      if let pattern = variable.pattern, let regex = patterns[pattern],
        regex.firstMatch(in: text, range: NSRange(text.startIndex..., in: text)) == nil
      {
        return (
          nil,
          [problem("validate.pattern", "« \(text) » n'a pas la forme attendue pour \(what()) (\(pattern)).")]
        )
      }
      value = .string(text)
    }
    var problems: [Diagnostic] = []
    if let number = value.numeric {
      if let minimum = variable.minimum, number < minimum {
        problems.append(
          problem(
            "validate.minimum",
            "\(what()) vaut \(text) : au moins \(Value.canonicalText(of: minimum)) attendu."
          ))
      }
      if let maximum = variable.maximum, number > maximum {
        problems.append(
          problem(
            "validate.maximum",
            "\(what()) vaut \(text) : au plus \(Value.canonicalText(of: maximum)) attendu.")
        )
      }
    }
    return (problems.isEmpty ? value : nil, problems)
  }

  private func siret(
    _ text: String, _ problem: (String, String, Diagnostic.Severity) -> Diagnostic
  ) -> (Value?, [Diagnostic]) {
    let compact = FrenchValueParser.stripGroups(text)
    guard Siret.hasFourteenDigits(compact) else {
      let hint =
        compact.contains("E+") || compact.contains("e+")
        ? " (Excel l'a converti en nombre : formatez la colonne en texte)" : ""
      return (
        nil,
        [
          problem(
            "validate.siret-format", "SIRET « \(text) » invalide : 14 chiffres sont attendus\(hint).", .error)
        ]
      )
    }
    guard Siret.luhnIsValid(compact) else {
      return (
        nil,
        [
          problem(
            "validate.siret-luhn",
            "SIRET \(compact) invalide : sa clé de contrôle est fausse (faute de frappe ?).", .error)
        ]
      )
    }
    let notes =
      compact == text
      ? [] : [problem("validate.siret-normalised", "SIRET « \(text) » lu comme \(compact).", .warning)]
    return (.string(compact), notes)
  }
}

/// Case- and accent-insensitive comparison of coded values.
enum HeaderFolding {
  private static let french = Locale(identifier: "fr_FR")

  static func fold(_ text: String) -> String {
    text.folding(options: [.caseInsensitive, .diacriticInsensitive], locale: french)
  }
}

/// Trimming without Foundation's bridging (which cost a quarter of validation time).
enum Trim {
  /// `text` without leading and trailing white space (spaces, tabs, line breaks, no-break spaces).
  static func whitespace(_ text: String) -> String {
    // Most values: ASCII at both ends that is not white space (then nothing to trim).
    func kept(_ byte: UInt8?) -> Bool {
      byte.map { $0 < 0x80 && $0 != 0x20 && !(0x09...0x0D).contains($0) } ?? false
    }
    if kept(text.utf8.first), kept(text.utf8.last) { return text }
    let scalars = text.unicodeScalars
    guard let first = scalars.firstIndex(where: { !$0.properties.isWhitespace }) else { return "" }
    let last = scalars.lastIndex(where: { !$0.properties.isWhitespace })!
    if first == scalars.startIndex && last == scalars.index(before: scalars.endIndex) { return text }
    return String(scalars[first...last])
  }
}
