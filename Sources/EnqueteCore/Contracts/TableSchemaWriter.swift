/// Writes the Frictionless Table Schema of a survey table in one CSV dialect, from the catalog.
///
/// French-dialect number and date formats are declared the Table Schema way (`decimalChar`,
/// `groupChar`, date `format`); booleans list their spellings; the département is a foreign key to
/// the geography: in the open-data dialect to the official codes (`departements`), in the French
/// dialect to the spellings offices type (`departements-saisie`: `1` for `01`, `2a` for `2A`),
/// which enquete accepts and normalises with a warning.
public struct TableSchemaWriter: Sendable {
  /// The survey.
  public let survey: SurveyDefinition
  /// The table written.
  public let table: TableDefinition
  /// The dialect described.
  public let dialect: CSVDialect

  /// A writer for one table of a survey in one dialect.
  public init(survey: SurveyDefinition, table: TableDefinition, dialect: CSVDialect) {
    self.survey = survey
    self.table = table
    self.dialect = dialect
  }

  /// The file name, e.g. `espace-rencontre.mesures.fr.schema.json`.
  public var fileName: String { "\(survey.id.rawValue).\(table.name)\(dialect.schemaSuffix)" }

  /// The Table Schema descriptor.
  public func descriptor() -> OrderedJSON {
    var members: [(String, OrderedJSON)] = [
      ("name", .string("\(survey.id.rawValue)-\(table.name)")),
      ("title", .string(table.title)),
      (
        "description",
        .string(
          "\(survey.title), schéma \(survey.schemaVersion), dialecte \(dialect.rawValue). "
            + "Généré depuis Schemas/v1/surveys/\(survey.id.rawValue).json par `enquete schemas` ; ne pas modifier à la main."
        )
      ),
      ("fields", .array(table.submittedVariables.map(field))),
      ("missingValues", .array([.string("")])),
      ("primaryKey", .array(table.primaryKey.map(OrderedJSON.string))),
    ]
    var foreignKeys: [OrderedJSON] = []
    if table.submittedVariables.contains(where: { $0.type == .departement }) {
      let resource = dialect == .openData ? "departements" : "departements-saisie"
      let field = dialect == .openData ? "code" : "saisie"
      foreignKeys.append(
        .object([
          ("fields", .string("departement_code")),
          ("reference", .object([("resource", .string(resource)), ("fields", .string(field))])),
        ]))
    }
    if let parent = table.parent {
      let keys = table.primaryKey.filter { survey.table(named: parent)?.primaryKey.contains($0) == true }
      foreignKeys.append(
        .object([
          ("fields", .array(keys.map(OrderedJSON.string))),
          (
            "reference",
            .object([("resource", .string(parent)), ("fields", .array(keys.map(OrderedJSON.string)))])
          ),
        ]))
    }
    if !foreignKeys.isEmpty { members.append(("foreignKeys", .array(foreignKeys))) }
    return .object(members)
  }

  private func field(_ variable: VariableDefinition) -> OrderedJSON {
    var members: [(String, OrderedJSON)] = [
      ("name", .string(variable.name)),
      ("title", .string(variable.label)),
    ]
    var description = variable.unit.map { "Unité : \($0)." } ?? ""
    if let text = variable.description { description += (description.isEmpty ? "" : " ") + text }
    if !description.isEmpty { members.append(("description", .string(description))) }
    var constraints: [(String, OrderedJSON)] = []
    if variable.required { constraints.append(("required", .bool(true))) }
    switch variable.type {
    case .integer:
      members.append(("type", .string("integer")))
    case .number:
      members.append(("type", .string("number")))
      if dialect.decimalChar != "." { members.append(("decimalChar", .string(String(dialect.decimalChar)))) }
      if let group = dialect.groupChar { members.append(("groupChar", .string(String(group)))) }
    case .date:
      members.append(("type", .string("date")))
      if let format = dialect.dateFormat { members.append(("format", .string(format))) }
    case .boolean:
      members.append(("type", .string("boolean")))
      members.append(("trueValues", .array(dialect.trueValues.map(OrderedJSON.string))))
      members.append(("falseValues", .array(dialect.falseValues.map(OrderedJSON.string))))
    case .string, .departement:
      members.append(("type", .string("string")))
    case .siret:
      members.append(("type", .string("string")))
      constraints.append(("pattern", .string("[0-9]{14}")))
    }
    if let minimum = variable.minimum { constraints.append(("minimum", .number(minimum))) }
    if let maximum = variable.maximum { constraints.append(("maximum", .number(maximum))) }
    if let pattern = variable.pattern { constraints.append(("pattern", .string(pattern))) }
    if let values = variable.enum { constraints.append(("enum", .array(values.map(OrderedJSON.string)))) }
    if !constraints.isEmpty { members.append(("constraints", .object(constraints))) }
    return .object(members)
  }
}

/// The reference resources the Table Schemas' foreign keys point to.
public enum GeographyResources {
  /// `departements-saisie.csv`: every spelling of a département code that enquete accepts, with the
  /// official code it stands for (`1,01`, `2a,2A`, `01,01`…).
  public static func departementSpellingsCSV(_ geography: Geography = .reference) -> String {
    var lines = ["saisie,code"]
    for departement in geography.departements {
      var spellings = [departement.code]
      if departement.code.hasPrefix("0") { spellings.append(String(departement.code.dropFirst())) }
      if departement.code.hasPrefix("2"), departement.code.last!.isLetter {
        spellings.append(departement.code.lowercased())
      }
      lines += spellings.map { "\($0),\(departement.code)" }
    }
    return lines.joined(separator: "\n") + "\n"
  }

  /// Table Schema of `departements.csv` (official codes, names, région).
  public static func departementsSchema() -> OrderedJSON {
    .object([
      ("name", .string("departements")),
      (
        "fields",
        .array(
          ["code", "nom", "region_code"].map {
            .object([("name", .string($0)), ("type", .string("string"))])
          })
      ),
      ("primaryKey", .array([.string("code")])),
    ])
  }

  /// Table Schema of `departements-saisie.csv`.
  public static func departementSpellingsSchema() -> OrderedJSON {
    .object([
      ("name", .string("departements-saisie")),
      (
        "fields",
        .array(["saisie", "code"].map { .object([("name", .string($0)), ("type", .string("string"))]) })
      ),
      ("primaryKey", .array([.string("saisie")])),
    ])
  }
}
