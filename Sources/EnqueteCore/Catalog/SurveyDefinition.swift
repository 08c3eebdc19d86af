import EnqueteSchemas
import Foundation

/// One table of a survey: the report (one per service and year), or the per-measure detail.
public struct TableDefinition: Hashable, Sendable {
  /// `rapport` or `mesures`.
  public let name: String
  /// French title.
  public let title: String
  /// The table this one details (`rapport` for `mesures`), if any.
  public let parent: String?
  /// Variables that identify a row within a file.
  public let primaryKey: [String]
  /// Questionnaire sections in order, with their variables.
  public let sections: [(title: String, variables: [VariableDefinition])]
  /// Every variable in questionnaire order, derived ones included.
  public let variables: [VariableDefinition]
  /// Variables a submission carries, in questionnaire order (the CSV column order).
  public var submittedVariables: [VariableDefinition] { variables.filter(\.isSubmitted) }

  private let index: [String: Int]

  /// The variable of that exact name, if the table has one.
  public func variable(named name: String) -> VariableDefinition? { index[name].map { variables[$0] } }

  init(_ raw: RawTable) {
    name = raw.name
    title = raw.title
    parent = raw.parent
    primaryKey = raw.primaryKey
    sections = raw.sections.map { section in
      (
        section.title,
        section.variables.map {
          var variable = $0; variable.section = section.title; return variable
        }
      )
    }
    variables = sections.flatMap(\.variables)
    index = Dictionary(uniqueKeysWithValues: variables.enumerated().map { ($1.name, $0) })
  }

  /// Two tables are equal when their names and variables are.
  public static func == (lhs: TableDefinition, rhs: TableDefinition) -> Bool {
    lhs.name == rhs.name && lhs.variables == rhs.variables
  }

  /// Hashes the name and the variables.
  public func hash(into hasher: inout Hasher) {
    hasher.combine(name)
    hasher.combine(variables)
  }
}

/// A survey as its catalog (`Schemas/v1/surveys/<survey>.json`) defines it: the single source of
/// the variable list from which XSD, Table Schemas, documentation and validation all derive.
public struct SurveyDefinition: Hashable, Sendable {
  /// Which survey.
  public let id: SurveyID
  /// French title.
  public let title: String
  /// The institution that owns it (CNAF, Ministère de la Justice).
  public let owner: String
  /// Version of the schemas; carried by the XML namespace.
  public let schemaVersion: String
  /// XML namespace of submissions, e.g. `urn:enquete:mediation-familiale:v1`.
  public let namespace: String
  /// The tables, the report first.
  public let tables: [TableDefinition]

  /// The report table (`rapport`).
  public var report: TableDefinition { tables[0] }

  /// The per-measure detail table, for the surveys that have one.
  public var detail: TableDefinition? { tables.first { $0.parent != nil } }

  /// The table of that name, if any.
  public func table(named name: String) -> TableDefinition? { tables.first { $0.name == name } }

  /// The definition compiled into the binary.
  public static func builtIn(_ id: SurveyID) -> SurveyDefinition {
    switch id {
    case .mediationFamiliale: mediationFamiliale
    case .espaceRencontre: espaceRencontre
    }
  }

  private static let mediationFamiliale = load(.mediationFamiliale)
  private static let espaceRencontre = load(.espaceRencontre)

  private static func load(_ id: SurveyID) -> SurveyDefinition {
    guard let bytes = SchemaSources.catalog(for: id.rawValue) else {
      preconditionFailure("no catalog compiled in for \(id.rawValue)")
    }
    do {
      return try SurveyDefinition(catalogJSON: Data(bytes))
    } catch {
      preconditionFailure("the compiled-in catalog of \(id.rawValue) does not read: \(error)")
    }
  }

  /// Reads a catalog file.
  public init(catalogJSON: Data) throws {
    let raw = try JSONDecoder().decode(RawSurvey.self, from: catalogJSON)
    id = raw.survey
    title = raw.title
    owner = raw.owner
    schemaVersion = raw.schemaVersion
    namespace = raw.namespace
    tables = raw.tables.map(TableDefinition.init)
    precondition(!tables.isEmpty && tables[0].parent == nil, "a catalog starts with its report table")
  }
}

struct RawSurvey: Decodable {
  let survey: SurveyID
  let title: String
  let owner: String
  let schemaVersion: String
  let namespace: String
  let tables: [RawTable]
}

struct RawTable: Decodable {
  struct Section: Decodable {
    let title: String
    let variables: [VariableDefinition]
  }
  let name: String
  let title: String
  let parent: String?
  let primaryKey: [String]
  let sections: [Section]
}
