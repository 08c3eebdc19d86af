/// Writes the XML Schema of a survey from its catalog.
///
/// Shape of a submission: a root `<rapports>` with one or more `<rapport>`, each a set of elements
/// named after the variables, in any order (`xs:all`); an espace-de-rencontre report may carry its
/// per-measure detail as `<mesures><mesure … /></mesures>`, one attribute per variable. What XSD
/// cannot say (the SIRET's Luhn key, the campaign year, cross-field rules) the validation stage checks.
public struct XSDWriter: Sendable {
  /// The survey written.
  public let survey: SurveyDefinition
  /// The geography whose département codes the schema enumerates.
  public let geography: Geography
  /// Whether each report's detail keys must be unique (`unIdentifiantParMesure`). A streaming
  /// validator may leave it out and check it itself: libxml2 keeps every key it met until the end
  /// of the document, some 200 bytes per measure.
  public let includesDetailKey: Bool

  /// A writer for `survey`.
  public init(survey: SurveyDefinition, geography: Geography = .reference, includesDetailKey: Bool = true) {
    self.survey = survey
    self.geography = geography
    self.includesDetailKey = includesDetailKey
  }

  /// The attribute that identifies a detail row within its report (`mesure_id`), if the survey has detail.
  public var detailKey: String? {
    survey.detail.map { detail in
      detail.primaryKey.first { !survey.report.primaryKey.contains($0) } ?? "mesure_id"
    }
  }

  /// The schema document.
  public func render() -> String {
    var lines: [String] = [
      #"<?xml version="1.0" encoding="UTF-8"?>"#,
      "<!-- \(survey.title). Schema version \(survey.schemaVersion). -->",
      "<!-- Generated from Schemas/v1/surveys/\(survey.id.rawValue).json by `enquete schemas`: do not edit by hand. -->",
      #"<xs:schema xmlns:xs="http://www.w3.org/2001/XMLSchema""#,
      #"           xmlns="\#(survey.namespace)" xmlns:e="\#(survey.namespace)""#,
      #"           targetNamespace="\#(survey.namespace)""#,
      #"           elementFormDefault="qualified" attributeFormDefault="unqualified" version="\#(survey.schemaVersion)">"#,
      "",
      documentation(survey.title, indent: 1),
      "",
      #"  <xs:element name="rapports">"#,
      documentation("Un fichier de soumission : un ou plusieurs rapports annuels d'activité.", indent: 2),
      "    <xs:complexType>",
      "      <xs:sequence>",
      #"        <xs:element name="rapport" type="Rapport" maxOccurs="unbounded"/>"#,
      "      </xs:sequence>",
      #"      <xs:attribute name="emetteur" type="TexteCourt" use="optional"/>"#,
      "    </xs:complexType>",
      #"    <xs:unique name="unRapportParSiret">"#,
      #"      <xs:selector xpath="e:rapport"/>"#,
      #"      <xs:field xpath="e:siret"/>"#,
      "    </xs:unique>",
      "  </xs:element>",
      "",
    ]
    lines += reportType()
    if let detail = survey.detail { lines += detailTypes(detail) }
    lines += sharedTypes()
    lines.append("</xs:schema>")
    return lines.joined(separator: "\n") + "\n"
  }

  private func reportType() -> [String] {
    var lines = [
      #"  <xs:complexType name="Rapport">"#,
      documentation(survey.report.title, indent: 2),
      "    <xs:all>",
    ]
    for variable in survey.report.submittedVariables {
      lines += element(variable, indent: 3)
    }
    if let detail = survey.detail, let key = detailKey {
      lines += [
        #"      <xs:element name="\#(detail.name)" type="Mesures" minOccurs="0">"#,
        documentation(detail.title, indent: 4),
      ]
      if includesDetailKey {
        lines += [
          #"        <xs:unique name="unIdentifiantParMesure">"#,
          #"          <xs:selector xpath="e:mesure"/>"#,
          #"          <xs:field xpath="@\#(key)"/>"#,
          "        </xs:unique>",
        ]
      }
      lines.append("      </xs:element>")
    }
    lines += ["    </xs:all>", "  </xs:complexType>", ""]
    return lines
  }

  private func detailTypes(_ detail: TableDefinition) -> [String] {
    var lines = [
      #"  <xs:complexType name="Mesures">"#,
      "    <xs:sequence>",
      #"      <xs:element name="mesure" type="Mesure" minOccurs="0" maxOccurs="unbounded"/>"#,
      "    </xs:sequence>",
      "  </xs:complexType>",
      "",
      #"  <xs:complexType name="Mesure">"#,
      documentation(
        "Une mesure traitée dans l'année ; le SIRET est celui du rapport qui la contient.", indent: 2),
    ]
    for variable in detail.submittedVariables where !survey.report.primaryKey.contains(variable.name) {
      let use = variable.required ? "required" : "optional"
      if let type = namedType(variable) {
        lines.append(#"    <xs:attribute name="\#(variable.name)" type="\#(type)" use="\#(use)">"#)
        lines.append(documentation(variable.label, indent: 3))
        lines.append("    </xs:attribute>")
      } else {
        lines.append(#"    <xs:attribute name="\#(variable.name)" use="\#(use)">"#)
        lines.append(documentation(variable.label, indent: 3))
        lines += simpleType(variable, indent: 3)
        lines.append("    </xs:attribute>")
      }
    }
    lines += ["  </xs:complexType>", ""]
    return lines
  }

  private func element(_ variable: VariableDefinition, indent: Int) -> [String] {
    let pad = String(repeating: "  ", count: indent)
    let occurs = variable.required ? "" : #" minOccurs="0""#
    if let type = namedType(variable) {
      return [
        #"\#(pad)<xs:element name="\#(variable.name)" type="\#(type)"\#(occurs)>"#,
        documentation(label(variable), indent: indent + 1),
        "\(pad)</xs:element>",
      ]
    }
    return [
      #"\#(pad)<xs:element name="\#(variable.name)"\#(occurs)>"#,
      documentation(label(variable), indent: indent + 1),
    ]
      + simpleType(variable, indent: indent + 1) + ["\(pad)</xs:element>"]
  }

  private func label(_ variable: VariableDefinition) -> String {
    variable.unit.map { "\(variable.label) (\($0))" } ?? variable.label
  }

  /// The shared named type of a variable, when it needs no facet of its own.
  private func namedType(_ variable: VariableDefinition) -> String? {
    switch variable.type {
    case .siret: return "Siret"
    case .departement: return "CodeDepartement"
    case .date: return "xs:date"
    case .boolean: return "xs:boolean"
    case .string where variable.enum == nil && variable.pattern == nil: return "TexteCourt"
    case .integer where variable.minimum == 0 && variable.maximum == nil: return "Comptage"
    case .number where variable.unit == "euros" && variable.minimum == 0 && variable.maximum == nil:
      return "Montant"
    default: return nil
    }
  }

  private func simpleType(_ variable: VariableDefinition, indent: Int) -> [String] {
    let pad = String(repeating: "  ", count: indent)
    let base: String
    switch variable.type {
    case .integer: base = "xs:integer"
    case .number: base = "xs:decimal"
    default: base = "xs:string"
    }
    var facets: [String] = []
    if let minimum = variable.minimum {
      facets.append(#"<xs:minInclusive value="\#(Value.canonicalText(of: minimum))"/>"#)
    }
    if let maximum = variable.maximum {
      facets.append(#"<xs:maxInclusive value="\#(Value.canonicalText(of: maximum))"/>"#)
    }
    if let pattern = variable.pattern { facets.append(#"<xs:pattern value="\#(XMLText.escape(pattern))"/>"#) }
    for value in variable.enum ?? [] {
      facets.append(#"<xs:enumeration value="\#(XMLText.escape(value))"/>"#)
    }
    return ["\(pad)<xs:simpleType>", #"\#(pad)  <xs:restriction base="\#(base)">"#]
      + facets.map { "\(pad)    \($0)" } + ["\(pad)  </xs:restriction>", "\(pad)</xs:simpleType>"]
  }

  private func sharedTypes() -> [String] {
    var lines = [
      #"  <xs:simpleType name="Siret">"#,
      documentation("14 chiffres ; la clé de Luhn est vérifiée par enquete, pas par ce schéma.", indent: 2),
      #"    <xs:restriction base="xs:string"><xs:pattern value="[0-9]{14}"/></xs:restriction>"#,
      "  </xs:simpleType>",
      "",
      #"  <xs:simpleType name="TexteCourt">"#,
      #"    <xs:restriction base="xs:string"><xs:minLength value="1"/><xs:maxLength value="250"/></xs:restriction>"#,
      "  </xs:simpleType>",
      "",
      #"  <xs:simpleType name="Comptage">"#,
      #"    <xs:restriction base="xs:integer"><xs:minInclusive value="0"/></xs:restriction>"#,
      "  </xs:simpleType>",
      "",
      #"  <xs:simpleType name="Montant">"#,
      documentation("Montant en euros, au centime près au plus.", indent: 2),
      #"    <xs:restriction base="xs:decimal"><xs:minInclusive value="0"/><xs:fractionDigits value="2"/></xs:restriction>"#,
      "  </xs:simpleType>",
      "",
      #"  <xs:simpleType name="CodeDepartement">"#,
      documentation("Code officiel du département.", indent: 2),
      #"    <xs:restriction base="xs:string">"#,
    ]
    lines += geography.departements.map { #"      <xs:enumeration value="\#($0.code)"/>"# }
    lines += ["    </xs:restriction>", "  </xs:simpleType>", ""]
    return lines
  }

  private func documentation(_ text: String, indent: Int) -> String {
    let pad = String(repeating: "  ", count: indent)
    return
      #"\#(pad)<xs:annotation><xs:documentation xml:lang="fr">\#(XMLText.escape(text))</xs:documentation></xs:annotation>"#
  }
}
