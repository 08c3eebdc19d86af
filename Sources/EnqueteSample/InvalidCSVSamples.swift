import EnqueteCore
import Foundation

extension InvalidSamples {
  /// The CSV files of `invalid/`.
  func csvSamples() -> [InvalidSample] {
    var out: [InvalidSample] = []
    let mf = SurveyID.mediationFamiliale
    let er = SurveyID.espaceRencontre
    let mfTable = SurveyDefinition.builtIn(mf).report
    func add(
      _ name: String, _ defect: String, _ code: String, line: Int, _ survey: SurveyID, tableSchema: Bool,
      _ text: String
    ) {
      out.append(
        InvalidSample(
          name: name, defect: defect, code: code, line: line, survey: survey,
          rejectedByTableSchema: tableSchema,
          bytes: Array(text.utf8)))
    }
    /// An open-data CSV of one mediation report whose values `change` alters.
    func mediation(_ index: Int, _ change: (inout [String: Value]) -> Void) -> String {
      var values = baseValues(mf, index)
      change(&values)
      return CSVSubmissionWriter(table: mfTable, dialect: .openData).render([values])
    }
    func count(_ values: [String: Value], _ name: String) -> Int {
      if case .integer(let value) = values[name] { return value }
      return 0
    }

    add("csv-vide.csv", "Fichier vide (0 octet).", "file.empty", line: 1, mf, tableSchema: true, "")
    let header = mediation(10) { _ in }
    let columns = mfTable.submittedVariables.map(\.name)
    let dropped = columns.firstIndex(of: "nb_mediations_terminees")!
    let withoutColumn =
      header.split(separator: "\n").map { line in
        var fields = CSVFields.split(String(line), delimiter: ",")
        fields.remove(at: dropped)
        return fields.joined(separator: ",")
      }
      .joined(separator: "\n") + "\n"
    add(
      "csv-colonne-obligatoire-manquante.csv", "La colonne obligatoire nb_mediations_terminees manque.",
      "csv.missing-column", line: 1, mf, tableSchema: true, withoutColumn)
    add(
      "csv-siret-cle-luhn-invalide.csv", "SIRET de 14 chiffres dont la clé de contrôle (Luhn) est fausse.",
      "validate.siret-luhn", line: 2, mf, tableSchema: false,
      mediation(11) { values in
        guard case .string(let siret) = values["siret"] else { return }
        let last = Int(String(siret.last!))!
        values["siret"] = .string(String(siret.dropLast()) + String((last + 1) % 10))
      })
    add(
      "csv-departement-inconnu.csv", "Code département 96, qui n'existe pas.", "validate.unknown-departement",
      line: 2, mf, tableSchema: true, mediation(12) { $0["departement_code"] = .string("96") })
    add(
      "csv-somme-issues-incoherente.csv",
      "La répartition par issue ne fait pas le total des médiations terminées (un accord oral de trop).",
      "validate.sum-mismatch", line: 2, mf, tableSchema: false,
      mediation(13) { $0["nb_terminees_accord_oral"] = .integer(count($0, "nb_terminees_accord_oral") + 1) })
    add(
      "csv-effectif-negatif.csv", "Nombre négatif de réunions d'information collectives (-3).",
      "validate.minimum",
      line: 2, mf, tableSchema: true, mediation(14) { $0["nb_reunions_info_collectives"] = .integer(-3) })
    add(
      "csv-annee-hors-campagne.csv", "Rapport de l'année \(year - 2) envoyé à la campagne \(year).",
      "validate.wrong-year", line: 2, mf, tableSchema: false,
      mediation(15) { $0["annee"] = .integer(year - 2) })
    add(
      "csv-stock-flux-incoherent.csv",
      "Médiations en cours au 31 décembre différentes de : en cours au 1er janvier + engagées − terminées.",
      "validate.stock-flow", line: 2, mf, tableSchema: false,
      mediation(16) {
        $0["nb_mediations_en_cours_fin"] = .integer(count($0, "nb_mediations_en_cours_fin") + 2)
      })
    add(
      "csv-etp-superieurs-effectif.csv", "Plus d'ETP de médiateurs que de médiateurs.", "validate.bound",
      line: 2, mf,
      tableSchema: false,
      mediation(17) { values in
        let mediators = Double(count(values, "nb_mediateurs"))
        values["etp_mediateurs"] = .number(mediators + 0.5)
        values["etp_finances_ps"] = .number(mediators)
      })
    add(
      "csv-statut-inconnu.csv", "Statut du gestionnaire « fondation », hors de la liste.", "validate.enum",
      line: 2,
      mf, tableSchema: true, mediation(18) { $0["statut_gestionnaire"] = .string("fondation") })
    add(
      "csv-texte-dans-nombre.csv", "« douze » en toutes lettres dans nb_seances.", "validate.type", line: 2,
      mf,
      tableSchema: true, mediation(19) { $0["nb_seances"] = .string("douze") })
    // Quoting and structure, in multi-report files.
    let unterminated = CSVSubmissionWriter(table: mfTable, dialect: .openData).render([
      baseValues(mf, 20), baseValues(mf, 21),
    ])
    var rows = unterminated.split(separator: "\n").map(String.init)
    var fields = CSVFields.split(rows[1], delimiter: ",")
    fields[2] = "\"" + fields[2].replacingOccurrences(of: "\"", with: "")
    rows[1] = fields.joined(separator: ",")
    add(
      "csv-guillemet-non-ferme.csv", "Un guillemet ouvre le nom du service et n'est jamais refermé.",
      "csv.unterminated-quote", line: 2, mf, tableSchema: true, rows.joined(separator: "\n") + "\n")
    var first = baseValues(mf, 22)
    var second = baseValues(mf, 23)
    second["siret"] = first["siret"]
    add(
      "csv-siret-en-double.csv", "Deux rapports du même SIRET dans un fichier.", "validate.duplicate-key",
      line: 3, mf,
      tableSchema: true, CSVSubmissionWriter(table: mfTable, dialect: .openData).render([first, second]))
    first = baseValues(mf, 24)
    second = baseValues(mf, 25)
    var lines = CSVSubmissionWriter(table: mfTable, dialect: .openData).render([first, second])
      .split(separator: "\n").map(String.init)
    lines[2] += ",12"
    add(
      "csv-nombre-de-champs-incorrect.csv", "Une ligne a un champ de plus que l'en-tête.", "csv.field-count",
      line: 3,
      mf, tableSchema: true, lines.joined(separator: "\n") + "\n")
    // French Excel files.
    let erTable = SurveyDefinition.builtIn(er).report
    var values = baseValues(er, 3)
    values["date_agrement"] = .string("31/02/2019")
    out.append(
      InvalidSample(
        name: "csv-excel-date-inexistante.csv", defect: "Date d'agrément au 31 février.",
        code: "validate.type",
        line: 2, survey: er, rejectedByTableSchema: true,
        bytes: CSVEncoding.windows1252.encode(
          CSVSubmissionWriter(table: erTable, dialect: .frenchExcel).render([values]))))
    values = baseValues(er, 4)
    if case .string(let siret) = values["siret"] {
      let scientific = String(siret.prefix(1)) + "," + String(siret.dropFirst().prefix(5)) + "E+13"
      values["siret"] = .string(scientific)
    }
    out.append(
      InvalidSample(
        name: "csv-excel-siret-notation-scientifique.csv",
        defect: "SIRET converti par Excel en nombre (3,12345E+13).", code: "validate.siret-format", line: 2,
        survey: er, rejectedByTableSchema: true,
        bytes: CSVEncoding.windows1252.encode(
          CSVSubmissionWriter(table: erTable, dialect: .frenchExcel).render([values]))))
    values = baseValues(er, 5)
    values["nom_er"] = .string("Espace de rencontre Éclaircie")
    let text = CSVSubmissionWriter(table: erTable, dialect: .frenchExcel).render([values])
    out.append(
      InvalidSample(
        name: "csv-bom-utf8-octets-windows1252.csv",
        defect: "Marque d'ordre UTF-8 en tête, mais le texte est en Windows-1252.", code: "csv.encoding",
        line: 2,
        survey: er, rejectedByTableSchema: true,
        bytes: [0xEF, 0xBB, 0xBF] + CSVEncoding.windows1252.encode(text)))
    out += detailSamples()
    return out
  }

  /// The values of a valid report of a non-respondent (see `base`).
  func baseValues(_ survey: SurveyID, _ index: Int) -> [String: Value] { baseReport(survey, index).values }

  /// A non-respondent of the latest year, with a respondent's figures under its identity.
  func baseReport(_ survey: SurveyID, _ index: Int) -> (service: SampleService, values: [String: Value]) {
    let respondents = campaign.reports[survey]![year]!
    let answering = Set(respondents.map(\.service.siret))
    let silent = campaign.expected[survey]![year]!.filter { !answering.contains($0.siret) }
    let template = respondents[(index * 7) % respondents.count]
    let service = silent.isEmpty ? template.service : silent[index % silent.count]
    var values = template.values
    values["siret"] = .string(service.siret)
    values[survey == .mediationFamiliale ? "nom_service" : "nom_er"] = .string(service.name)
    values["departement_code"] = .string(service.departement.code)
    return (service, values)
  }
}

/// Splits one CSV line on a delimiter, honouring quotes (enough for lines the generator wrote).
enum CSVFields {
  static func split(_ line: String, delimiter: Character) -> [String] {
    var fields: [String] = []
    var current = ""
    var quoted = false
    for character in line {
      if character == "\"" { quoted.toggle() }
      if character == delimiter && !quoted {
        fields.append(current)
        current = ""
      } else {
        current.append(character)
      }
    }
    fields.append(current)
    return fields
  }
}
