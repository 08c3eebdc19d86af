import EnqueteCore
import Foundation

/// Matches CSV header names to catalog variables the way people type them: case, accents,
/// surrounding spaces and the choice of space, hyphen or underscore do not matter
/// (`Nb médiateurs` is `nb_mediateurs`).
public enum HeaderMatcher {
  /// The comparison key of a header name.
  public static func key(_ name: String) -> String {
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

  /// The table of `survey` whose variables best cover `header` (nil when none shares a column).
  public static func bestTable(for header: [String]) -> (survey: SurveyID, table: TableDefinition)? {
    let keys = Set(header.map(key))
    var best: (SurveyID, TableDefinition, Int)?
    for survey in SurveyID.allCases {
      for table in SurveyDefinition.builtIn(survey).tables {
        let names = Set(table.submittedVariables.map(\.name))
        let score = keys.intersection(names).count * 2 - names.subtracting(keys).count
        if keys.intersection(names).count > 0, score > (best?.2 ?? .min) { best = (survey, table, score) }
      }
    }
    return best.map { ($0.0, $0.1) }
  }
}
