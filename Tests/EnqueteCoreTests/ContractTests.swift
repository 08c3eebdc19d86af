import EnqueteCore
import Foundation
import Testing

/// The generated contracts under `Schemas/` must be what the catalogs and rules give today.
@Suite struct ContractTests {
  static let schemas = URL(fileURLWithPath: #filePath)
    .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    .appendingPathComponent("Schemas")

  @Test func generatedFilesHaveNotDrifted() throws {
    for (path, content) in ContractFiles.generated() {
      let committed = try String(contentsOf: Self.schemas.appendingPathComponent(path), encoding: .utf8)
      #expect(committed == content, "Schemas/\(path) is out of date: run `swift run enquete schemas`")
    }
  }

  @Test func readmeDocumentsEveryVariableAndRule() throws {
    let readme = try String(contentsOf: Self.schemas.appendingPathComponent("README.md"), encoding: .utf8)
    #expect(
      ContractFiles.updatingReadme(readme) == readme,
      "Schemas/README.md is out of date: run `swift run enquete schemas`")
    for survey in SurveyID.allCases {
      for table in SurveyDefinition.builtIn(survey).tables {
        for variable in table.variables { #expect(readme.contains("| `\(variable.name)` |")) }
      }
      for rule in RuleSet.builtIn(survey).rules { #expect(readme.contains("`\(rule.id)`")) }
    }
  }

  @Test func catalogsHaveUniqueNamesAndCoherentConstraints() {
    for survey in SurveyID.allCases {
      let definition = SurveyDefinition.builtIn(survey)
      #expect(definition.namespace.hasSuffix(":v1"))
      for table in definition.tables {
        #expect(Set(table.variables.map(\.name)).count == table.variables.count)
        for key in table.primaryKey { #expect(table.variable(named: key) != nil) }
        for variable in table.variables {
          if let minimum = variable.minimum, let maximum = variable.maximum { #expect(minimum <= maximum) }
          #expect(!variable.label.isEmpty)
        }
      }
    }
  }

  @Test func frenchSchemaDeclaresTheFrenchDialectTheTableSchemaWay() {
    let survey = SurveyDefinition.builtIn(.espaceRencontre)
    let text = TableSchemaWriter(survey: survey, table: survey.report, dialect: .frenchExcel).descriptor()
      .rendered()
    #expect(text.contains(#""decimalChar": ",""#))
    #expect(text.contains(#""format": "%d/%m/%Y""#))
    #expect(text.contains(#""resource": "departements-saisie""#))
    #expect(text.contains(#""trueValues": ["oui""#))
  }
}
