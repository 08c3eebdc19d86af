/// The type of a variable, as Table Schema names it, plus the two domain types with their own checks.
public enum VariableType: String, Codable, Hashable, Sendable {
  /// Whole number.
  case integer
  /// Decimal number.
  case number
  /// Text.
  case string
  /// Calendar date (`dd/mm/yyyy` in French files, ISO accepted).
  case date
  /// Yes/no (`oui/non`, `O/N`, `1/0`, `true/false`).
  case boolean
  /// A SIRET: 14 digits with a valid Luhn key.
  case siret
  /// A département code of the reference geography.
  case departement
}

/// What a variable measures; aggregation and secrecy rules depend on it.
public enum VariableNature: String, Codable, Hashable, Sendable {
  /// Identifies the report (year, SIRET, name, département); never summed.
  case identifier
  /// A category of the unit (status, origin, outcome); a breakdown, not a quantity.
  case category
  /// A descriptive attribute (dates, opening days, yes/no); not additive.
  case attribute
  /// A count of persons, measures, meetings…: additive, subject to frequency rules.
  case count
  /// A magnitude (euros, FTE, hours): additive, subject to dominance rules.
  case magnitude
  /// A mean (mean waiting time): not additive; aggregated with its base.
  case mean
}

/// One variable of a survey table: its name in CSV headers and XML elements, its French label,
/// type, unit and the constraints a single value must satisfy.
public struct VariableDefinition: Codable, Hashable, Sendable {
  /// Canonical name: CSV column, XML element or attribute (French, snake_case).
  public let name: String
  /// French label, as reports and diagnostics show it.
  public let label: String
  /// Value type.
  public let type: VariableType
  /// What it measures.
  public let nature: VariableNature
  /// Unit in French (`personnes`, `euros`, `ETP`…), when it has one.
  public let unit: String?
  /// Whether a report must give it (`false` for the optional variables).
  public let required: Bool
  /// Smallest allowed value (inclusive).
  public let minimum: Double?
  /// Largest allowed value (inclusive).
  public let maximum: Double?
  /// Allowed values for a coded variable.
  public let `enum`: [String]?
  /// Regular expression the whole value must match (XSD and Table Schema dialects agree on it).
  public let pattern: String?
  /// Longer French explanation for the documentation.
  public let description: String?
  /// How a derived variable is computed; derived variables are never in submissions.
  public let derived: String?
  /// Title of the questionnaire section it belongs to (filled when the catalog is flattened).
  public internal(set) var section: String = ""

  enum CodingKeys: String, CodingKey {
    case name, label, type, nature, unit, required, minimum, maximum, `enum`, pattern, description, derived
  }

  /// Reads one variable of a catalog; `required` defaults to true.
  public init(from decoder: any Decoder) throws {
    let container = try decoder.container(keyedBy: CodingKeys.self)
    name = try container.decode(String.self, forKey: .name)
    label = try container.decode(String.self, forKey: .label)
    type = try container.decode(VariableType.self, forKey: .type)
    nature = try container.decode(VariableNature.self, forKey: .nature)
    unit = try container.decodeIfPresent(String.self, forKey: .unit)
    required = try container.decodeIfPresent(Bool.self, forKey: .required) ?? true
    minimum = try container.decodeIfPresent(Double.self, forKey: .minimum)
    maximum = try container.decodeIfPresent(Double.self, forKey: .maximum)
    self.enum = try container.decodeIfPresent([String].self, forKey: .enum)
    pattern = try container.decodeIfPresent(String.self, forKey: .pattern)
    description = try container.decodeIfPresent(String.self, forKey: .description)
    derived = try container.decodeIfPresent(String.self, forKey: .derived)
  }

  /// Whether submissions carry it (derived variables are computed, never sent).
  public var isSubmitted: Bool { derived == nil }
}
