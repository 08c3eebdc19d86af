import CLibXML2
import EnqueteCore
import Foundation

/// Turns libxml2's English messages into French diagnostics a service can act on, with a stable
/// code and the variable concerned. Messages that quote a value are meant for the sender's own
/// receipt; the portal redacts them elsewhere.
enum LibXMLTranslation {
  /// The diagnostic for one libxml2 error, in `file`, for `survey` (to describe expected types).
  static func diagnostic(_ error: LibXMLError, file: String, survey: SurveyID?) -> Diagnostic {
    let message = stripNamespaces(error.message)
    let location = SourceLocation(
      file: file, line: error.line > 0 ? error.line : nil, column: error.column > 0 ? error.column : nil)
    if error.isWellFormedness {
      return wellFormedness(error, message, location)
    }
    let element = firstMatch(#"^Element '([^']+)'"#, in: message)
    let attribute = firstMatch(#"attribute '([^']+)'"#, in: message)
    let variable = attribute ?? element
    let subject = attribute.map { "l'attribut \($0) de <\(element ?? "mesure")>" } ?? "<\(element ?? "?")>"
    func diagnostic(_ code: String, _ text: String) -> Diagnostic {
      Diagnostic(.error, code: code, message: text, location: location, variable: variable)
    }
    if message.contains("This element is not expected") {
      return diagnostic(
        "xml.schema",
        "Élément \(subject) inattendu à cet endroit : il n'existe pas dans le schéma de l'enquête, ou il est en double."
      )
    }
    if message.contains("Missing child element") {
      let expected = firstMatch(#"Expected is (?:one of )?\( ?([^)]*?) ?\)"#, in: message) ?? ""
      var missing = diagnostic("xml.schema", "Il manque dans \(subject) l'élément obligatoire : \(expected).")
      missing.variable =
        expected.split(separator: ",").first.map { $0.trimmingCharacters(in: .whitespaces) } ?? variable
      return missing
    }
    if message.contains("No matching global declaration") {
      return diagnostic("xml.schema", "L'élément racine \(subject) n'est pas <rapports> de l'enquête.")
    }
    if let key = firstMatch(#"Duplicate key-sequence \['([^']*)'\]"#, in: message) {
      let what = message.contains("unIdentifiantParMesure") ? "l'identifiant de mesure" : "le SIRET"
      return Diagnostic(
        .error, code: "validate.duplicate-key",
        message: "Deux éléments portent \(what) « \(key) » : chacun doit être unique dans le fichier.",
        location: location, variable: message.contains("unIdentifiantParMesure") ? "mesure_id" : "siret")
    }
    let value = firstMatch(
      #"(?:The value |^Element '[^']+'(?:, attribute '[^']+')?: )'([^']*)'"#, in: message)
    let quoted = value.map { "« \($0) »" } ?? "la valeur"
    if let minimum = firstMatch(#"less than the minimum value allowed \('([^']*)'\)"#, in: message) {
      return diagnostic(
        "validate.minimum", "Valeur \(quoted) trop petite pour \(subject) : au moins \(minimum) attendu.")
    }
    if let maximum = firstMatch(#"greater than the maximum value allowed \('([^']*)'\)"#, in: message) {
      return diagnostic(
        "validate.maximum", "Valeur \(quoted) trop grande pour \(subject) : au plus \(maximum) attendu.")
    }
    if message.contains("[facet 'enumeration']") {
      let set = firstMatch(#"set \{([^}]*)\}"#, in: message)?.replacingOccurrences(of: "'", with: "") ?? ""
      return diagnostic(
        "validate.enum", "Valeur \(quoted) non autorisée pour \(subject). Valeurs possibles : \(set).")
    }
    if message.contains("[facet 'pattern']"), variable == "siret" {
      return diagnostic(
        "validate.siret-format",
        "SIRET \(quoted) invalide : 14 chiffres sont attendus, sans espace ni lettre.")
    }
    if message.contains("[facet 'pattern']") {
      let expected =
        variable == "siret"
        ? "un SIRET de 14 chiffres"
        : "une valeur de la forme \(firstMatch(#"pattern '([^']*)'"#, in: message) ?? "")"
      return diagnostic("xml.schema", "Valeur \(quoted) invalide pour \(subject) : \(expected) est attendu.")
    }
    if message.contains("[facet 'fractionDigits']") {
      return diagnostic("xml.schema", "Montant \(quoted) invalide pour \(subject) : deux décimales au plus.")
    }
    if message.contains("is not a valid value of") || message.contains("[facet 'minLength']") {
      return diagnostic(
        "validate.type", "Valeur \(quoted) invalide pour \(subject) : \(expectation(variable, survey)).")
    }
    return diagnostic("xml.schema", "Le fichier ne respecte pas le schéma de l'enquête : \(message).")
  }

  private static func wellFormedness(
    _ error: LibXMLError, _ message: String, _ location: SourceLocation
  ) -> Diagnostic {
    func diagnostic(_ code: String, _ text: String) -> Diagnostic {
      Diagnostic(.error, code: code, message: text, location: location)
    }
    if message.contains("not proper UTF-8") || error.code == Int32(XML_ERR_INVALID_ENCODING.rawValue)
      || error.code == Int32(XML_ERR_UNSUPPORTED_ENCODING.rawValue)
    {
      return diagnostic(
        "xml.encoding",
        "Le fichier contient des octets qui ne sont pas de l'UTF-8 alors qu'il est déclaré (ou présumé) en UTF-8 : "
          + "enregistrez-le en UTF-8, ou indiquez son encodage réel dans la première ligne "
          + "(<?xml version=\"1.0\" encoding=\"windows-1252\"?>).")
    }
    if let parts = captures(#"Opening and ending tag mismatch: (\S+) line (\d+) and (\S+)"#, in: message) {
      return diagnostic(
        "xml.malformed",
        "La balise fermante </\(parts[2])> ne correspond pas à la balise ouvrante <\(parts[0])> de la ligne \(parts[1])."
      )
    }
    if message.contains("Premature end of data") || message.contains("EndTag: '</' not found") {
      return diagnostic(
        "xml.malformed",
        "Le fichier s'arrête avant la fin du document XML (envoi interrompu, ou fichier tronqué) : renvoyez le fichier complet."
      )
    }
    let known: [(String, String)] = [
      (
        "expected '>'",
        "une balise n'est pas terminée (« > » attendu) : fichier tronqué, ou balise mal écrite"
      ),
      ("Couldn't find end of Start Tag", "une balise ouvrante n'est pas terminée"),
      ("StartTag: invalid element name", "un nom d'élément est invalide (un « < » isolé doit s'écrire &lt;)"),
      ("Extra content at the end of the document", "du contenu suit la fin du document (</rapports>)"),
      ("xmlParseEntityRef: no name", "un « & » isolé doit s'écrire &amp;"),
      ("Start tag expected", "le fichier ne commence pas par une balise XML"),
      ("Document is empty", "le fichier ne contient aucun élément"),
      ("AttValue: \" or ' expected", "la valeur d'un attribut doit être entre guillemets"),
    ]
    if let (_, french) = known.first(where: { message.contains($0.0) }) {
      return diagnostic("xml.malformed", "Le fichier n'est pas un XML bien formé : \(french).")
    }
    if error.code == Int32(XML_ERR_DOCUMENT_EMPTY.rawValue) {
      var empty = Diagnostic.fileEmpty(location.file)
      empty.location = location
      return empty
    }
    return diagnostic("xml.malformed", "Le fichier n'est pas un XML bien formé : \(message).")
  }

  /// What a variable's type expects, in French.
  private static func expectation(_ variable: String?, _ survey: SurveyID?) -> String {
    let definition = survey.flatMap { id in
      SurveyDefinition.builtIn(id).tables.lazy.compactMap { $0.variable(named: variable ?? "") }.first
    }
    switch definition?.type {
    case .integer?:
      return definition?.minimum == 0
        ? "un nombre entier positif ou nul est attendu" : "un nombre entier est attendu"
    case .number?: return "un nombre est attendu (point décimal en XML : 12.5)"
    case .date?: return "une date AAAA-MM-JJ est attendue"
    case .boolean?: return "true ou false (1 ou 0) est attendu"
    case .siret?: return "un SIRET de 14 chiffres est attendu"
    case .departement?: return "un code de département est attendu (01…95, 2A, 2B, 971…976)"
    default: return "une valeur non vide est attendue"
    }
  }

  private static func stripNamespaces(_ text: String) -> String {
    text.replacingOccurrences(of: #"\{[^}]*\}"#, with: "", options: .regularExpression)
  }

  private static func firstMatch(_ pattern: String, in text: String) -> String? {
    captures(pattern, in: text)?.first
  }

  private static func captures(_ pattern: String, in text: String) -> [String]? {
    guard let regex = try? NSRegularExpression(pattern: pattern),
      let match = regex.firstMatch(in: text, range: NSRange(text.startIndex..., in: text))
    else { return nil }
    return (1..<match.numberOfRanges).compactMap {
      Range(match.range(at: $0), in: text).map { String(text[$0]) }
    }
  }
}
