/// Every file under `Schemas/` that is generated from the catalogs and rules, with its content.
///
/// `enquete schemas` writes them; a test checks the committed ones have not drifted. The README is
/// hand-written around one generated block between the two markers below.
public enum ContractFiles {
  /// Marker opening the generated block of `Schemas/README.md`.
  public static let beginMarker = "<!-- BEGIN GENERATED: enquete schemas -->"
  /// Marker closing it.
  public static let endMarker = "<!-- END GENERATED -->"

  /// Generated files, as paths relative to `Schemas/` and their contents.
  public static func generated(_ geography: Geography = .reference) -> [(path: String, content: String)] {
    var files: [(String, String)] = []
    for id in SurveyID.allCases {
      let survey = SurveyDefinition.builtIn(id)
      files.append(("v1/xsd/\(id.rawValue).xsd", XSDWriter(survey: survey, geography: geography).render()))
      for table in survey.tables {
        for dialect in CSVDialect.allCases {
          let writer = TableSchemaWriter(survey: survey, table: table, dialect: dialect)
          files.append(("v1/tableschema/\(writer.fileName)", writer.descriptor().rendered()))
        }
      }
    }
    files.append(
      ("v1/tableschema/departements.schema.json", GeographyResources.departementsSchema().rendered()))
    files.append(
      ("v1/tableschema/departements-saisie.csv", GeographyResources.departementSpellingsCSV(geography)))
    files.append(
      (
        "v1/tableschema/departements-saisie.schema.json",
        GeographyResources.departementSpellingsSchema().rendered()
      ))
    return files
  }

  /// The generated block of `Schemas/README.md`: every variable and rule of both surveys.
  public static func documentationBlock() -> String {
    var out = beginMarker + "\n\n"
    for id in SurveyID.allCases {
      out += VariableDocWriter(survey: .builtIn(id), rules: .builtIn(id)).render()
    }
    return out + endMarker
  }

  /// `readme` with its generated block replaced by the current one (appended if it has none).
  public static func updatingReadme(_ readme: String) -> String {
    guard let begin = readme.range(of: beginMarker), let end = readme.range(of: endMarker),
      begin.lowerBound < end.lowerBound
    else {
      return readme + (readme.hasSuffix("\n") || readme.isEmpty ? "" : "\n") + documentationBlock() + "\n"
    }
    return String(readme[..<begin.lowerBound]) + documentationBlock() + String(readme[end.upperBound...])
  }
}
