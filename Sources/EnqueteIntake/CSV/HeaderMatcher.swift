import EnqueteCore
import Foundation

/// Matches CSV header names to catalog variables the way people type them: case, accents,
/// surrounding spaces and the choice of space, hyphen or underscore do not matter
/// (`Nb médiateurs` is `nb_mediateurs`).
public enum HeaderMatcher {
  /// The comparison key of a header name.
  public static func key(_ name: String) -> String { asciiKey(name) ?? foldedKey(name) }

  /// The key through Foundation's case and diacritic folding (any text).
  static func foldedKey(_ name: String) -> String {
    var text = name.folding(
      options: [.caseInsensitive, .diacriticInsensitive], locale: Locale(identifier: "fr_FR"))
    text = text.replacingOccurrences(of: "œ", with: "oe").replacingOccurrences(of: "æ", with: "ae")
    text = text.trimmingCharacters(in: .whitespacesAndNewlines)
    var out = ""
    var lastWasSeparator = false
    for character in text {
      if character == " " || character == "-" || character == "_" || character == "." || character == "'" {
        if !lastWasSeparator && !out.isEmpty { out.append("_") }
        lastWasSeparator = true
      } else {
        out.append(character)
        lastWasSeparator = false
      }
    }
    while out.hasSuffix("_") { out.removeLast() }
    return out
  }

  /// ``key(_:)`` without Foundation for a plain ASCII name (most headers): the same key, computed
  /// byte by byte; nil when the name has a non-ASCII character (accents need folding).
  static func asciiKey(_ name: String) -> String? {
    var bytes = Array(name.utf8)
    guard bytes.allSatisfy({ $0 < 0x80 }) else { return nil }
    func isSpace(_ byte: UInt8) -> Bool { byte == 0x20 || (0x09...0x0D).contains(byte) }
    while let last = bytes.last, isSpace(last) { bytes.removeLast() }
    let start = bytes.firstIndex { !isSpace($0) } ?? bytes.endIndex
    var out: [UInt8] = []
    out.reserveCapacity(bytes.count)
    var lastWasSeparator = false
    for byte in bytes[start...] {
      switch byte {
      case UInt8(ascii: " "), UInt8(ascii: "-"), UInt8(ascii: "_"), UInt8(ascii: "."), UInt8(ascii: "'"):
        if !lastWasSeparator && !out.isEmpty { out.append(UInt8(ascii: "_")) }
        lastWasSeparator = true
      case UInt8(ascii: "A")...UInt8(ascii: "Z"):
        out.append(byte + 32)
        lastWasSeparator = false
      default:
        out.append(byte)
        lastWasSeparator = false
      }
    }
    while out.last == UInt8(ascii: "_") { out.removeLast() }
    return String(decoding: out, as: UTF8.self)
  }

  /// The table of `survey` whose variables best cover `header` (nil when none shares a column).
  public static func bestTable(for header: [String]) -> (survey: SurveyID, table: TableDefinition)? {
    let keys = Set(header.map(key))
    var best: (SurveyID, TableDefinition, Int)?
    for (survey, table, names) in submittedNames {
      let shared = keys.intersection(names).count
      let score = shared * 2 - names.subtracting(keys).count
      if shared > 0, score > (best?.2 ?? .min) { best = (survey, table, score) }
    }
    return best.map { ($0.0, $0.1) }
  }

  /// Every table of the built-in catalogs with the names of its submitted variables, listed once
  /// for the process (a header is matched per file).
  private static let submittedNames: [(SurveyID, TableDefinition, Set<String>)] =
    SurveyID.allCases.flatMap { survey in
      SurveyDefinition.builtIn(survey).tables.map { (survey, $0, Set($0.submittedVariables.map(\.name))) }
    }
}
