import EnqueteCore
import Foundation

/// One file of `invalid/` with the single defect its name announces, and what a validator must say.
public struct InvalidSample: Sendable {
  /// File name under `invalid/`.
  public let name: String
  /// The defect, in French.
  public let defect: String
  /// The stable diagnostic code the validation stage must emit.
  public let code: String
  /// The line it must point at.
  public let line: Int
  /// Survey of the file.
  public let survey: SurveyID
  /// For CSV: whether what Table Schema can express already rejects it (`frictionless` agrees).
  public let rejectedByTableSchema: Bool?
  /// Content.
  public let bytes: [UInt8]
  /// The per-measure detail file sent with it (`<name>-mesures.csv`), when the pair is the submission.
  public var companion: SampleFile? = nil
  /// The file the diagnostic points into: this one, or the companion.
  public var diagnosedFile: String? = nil
}

/// Builds `invalid/` from well-formed reports of services that did not answer the latest campaign,
/// each file broken in exactly one way.
struct InvalidSamples {
  let campaign: SampleCampaign

  var year: Int { campaign.settings.years.last! }

  /// A valid report of a non-respondent: a respondent's figures under the non-respondent's identity.
  func base(_ survey: SurveyID, _ index: Int) -> SampleReport {
    let (service, values) = baseReport(survey, index)
    return SampleReport(service: service, year: year, values: values)
  }

  private func xml(_ survey: SurveyID, _ reports: [SampleReport]) -> String {
    XMLSubmissionWriter(survey: .builtIn(survey)).render(reports, sender: nil, detail: campaign.detail(of:))
  }

  private func csv(_ survey: SurveyID, _ rows: [[String: Value]], _ dialect: CSVDialect = .openData) -> String
  {
    CSVSubmissionWriter(table: SurveyDefinition.builtIn(survey).report, dialect: dialect).render(rows)
  }

  /// The 1-based line of the first occurrence of `needle` (1 when absent).
  private func line(of needle: String, in text: String) -> Int {
    guard let range = text.range(of: needle) else { return 1 }
    return text[..<range.lowerBound].count { $0 == "\n" } + 1
  }

  private func replacing(_ text: String, _ old: String, _ new: String) -> String {
    guard let range = text.range(of: old) else { preconditionFailure("invalid sample: \(old) not found") }
    return text.replacingCharacters(in: range, with: new)
  }

  /// Every invalid file, in name order.
  func all() -> [InvalidSample] {
    var out: [InvalidSample] = []
    func add(
      _ name: String, _ defect: String, _ code: String, _ line: Int, _ survey: SurveyID, _ text: String
    ) {
      out.append(
        InvalidSample(
          name: name, defect: defect, code: code, line: line, survey: survey, rejectedByTableSchema: nil,
          bytes: Array(text.utf8)))
    }
    func addCSV(
      _ name: String, _ defect: String, _ code: String, _ line: Int, _ survey: SurveyID, tableSchema: Bool,
      _ bytes: [UInt8]
    ) {
      out.append(
        InvalidSample(
          name: name, defect: defect, code: code, line: line, survey: survey,
          rejectedByTableSchema: tableSchema,
          bytes: bytes))
    }
    let mf = SurveyID.mediationFamiliale
    let er = SurveyID.espaceRencontre

    // XML: every defect is one the XSD or the parser itself refuses.
    var text = xml(mf, [base(mf, 0)])
    add(
      "xml-malforme-balise-non-fermee.xml",
      "Balise fermante mal orthographiée (</nb_seance> pour </nb_seances>).",
      "xml.malformed", line(of: "<nb_seances>", in: text), mf,
      replacing(text, "</nb_seances>", "</nb_seance>"))
    text = xml(mf, [base(mf, 1), base(mf, 2)])
    let cut = text.index(text.startIndex, offsetBy: text.count * 6 / 10)
    let truncated = String(text[..<cut])
    add(
      "xml-tronque.xml", "Fichier coupé avant la fin (envoi interrompu).", "xml.malformed",
      truncated.count { $0 == "\n" } + 1, mf, truncated)
    text = xml(mf, [base(mf, 3)])
    add(
      "xml-element-inconnu.xml", "Élément <nb_psychologues> absent du schéma.", "xml.schema",
      line(of: "<nb_mediateurs_demf>", in: text), mf,
      replacing(
        text, "    <nb_mediateurs_demf>", "    <nb_psychologues>2</nb_psychologues>\n    <nb_mediateurs_demf>"
      ))
    text = xml(mf, [base(mf, 4)])
    add(
      "xml-valeur-non-numerique.xml", "« douze » en toutes lettres dans <nb_seances>, un entier attendu.",
      "validate.type", line(of: "<nb_seances>", in: text), mf,
      text.replacingOccurrences(
        of: #"<nb_seances>\d+</nb_seances>"#, with: "<nb_seances>douze</nb_seances>",
        options: .regularExpression))
    text = xml(mf, [base(mf, 5)])
    add(
      "xml-element-obligatoire-manquant.xml", "Élément obligatoire <nb_mediations_terminees> absent.",
      "xml.schema",
      line(of: "<rapport>", in: text), mf,
      text.replacingOccurrences(
        of: #"    <nb_mediations_terminees>\d+</nb_mediations_terminees>\n"#, with: "",
        options: .regularExpression))
    text = xml(mf, [base(mf, 6)])
    let siret13 = text.replacingOccurrences(
      of: #"<siret>(\d{13})\d</siret>"#, with: "<siret>$1</siret>", options: .regularExpression)
    add(
      "xml-siret-13-chiffres.xml", "SIRET de 13 chiffres au lieu de 14.", "validate.siret-format",
      line(of: "<siret>", in: text), mf, siret13)
    text = xml(mf, [base(mf, 7)])
    add(
      "xml-espace-de-noms-inconnu.xml", "Espace de noms d'une version de schéma qui n'existe pas (v0).",
      "xml.unknown-namespace", 2, mf, text.replacingOccurrences(of: ":v1\"", with: ":v0\""))
    add(
      "xml-sans-rapport.xml", "Élément racine <rapports> vide : aucun rapport.", "xml.schema", 2, mf,
      #"<?xml version="1.0" encoding="UTF-8"?>"# + "\n"
        + #"<rapports xmlns="urn:enquete:mediation-familiale:v1">"#
        + "\n</rapports>\n")
    add("xml-vide.xml", "Fichier vide (0 octet).", "file.empty", 1, mf, "")
    text = xml(er, [base(er, 0)])
    let doctype = #"<!DOCTYPE rapports [ <!ENTITY xxe SYSTEM "file:///etc/passwd"> ]>"#
    var hostile = replacing(text, "<rapports ", doctype + "\n<rapports ")
    hostile = hostile.replacingOccurrences(
      of: #"<nom_er>[^<]*</nom_er>"#, with: "<nom_er>&xxe;</nom_er>", options: .regularExpression)
    add(
      "xml-doctype-entite-externe.xml", "DOCTYPE déclarant une entité externe (lecture de /etc/passwd).",
      "xml.forbidden-dtd", 2, er, hostile)
    var laughs = #"<!DOCTYPE rapports [ <!ENTITY lol "lol">"#
    laughs += "\n"
    for level in 1...9 {
      let previous = level == 1 ? "lol" : "lol\(level - 1)"
      laughs += "  <!ENTITY lol\(level) \"" + String(repeating: "&\(previous);", count: 10) + "\">\n"
    }
    laughs += "]>"
    text = xml(er, [base(er, 1)])
    hostile = replacing(text, "<rapports ", laughs + "\n<rapports ")
    hostile = hostile.replacingOccurrences(
      of: #"<nom_er>[^<]*</nom_er>"#, with: "<nom_er>&lol9;</nom_er>", options: .regularExpression)
    add(
      "xml-billion-laughs.xml", "Entités imbriquées qui se démultiplient (« billion laughs »).",
      "xml.forbidden-dtd", 2, er, hostile)
    // Declared UTF-8, but the name is in Latin-1 bytes.
    var report = base(er, 2)
    report.values["nom_er"] = .string("Espace de rencontre Équinoxe (\(report.service.departement.name))")
    text = xml(er, [report])
    var latin1 = Array(text.utf8)
    let nameLine = line(of: "<nom_er>", in: text)
    if let range = text.range(of: "Équinoxe") {
      let offset = text.utf8.distance(from: text.startIndex, to: range.lowerBound)
      latin1.replaceSubrange(offset..<(offset + 2), with: [0xC9])
    }
    out.append(
      InvalidSample(
        name: "xml-octets-latin1-declare-utf8.xml",
        defect: "Déclaré UTF-8 mais écrit en Latin-1 (É sur un octet).",
        code: "xml.encoding", line: nameLine, survey: er, rejectedByTableSchema: nil, bytes: latin1))
    out += csvSamples()
    return out.sorted { $0.name < $1.name }
  }
}
