import EnqueteCore

/// Turns a campaign's reports into the files services and intermediaries send: individual XML and
/// CSV files in several dialects and encodings, multi-report files of CAFs, federations and cours
/// d'appel, per-measure detail inline (XML) or as a companion `-mesures.csv`.
struct SubmissionFiles {
  let campaign: SampleCampaign

  /// Calls `body` with each submission file of a survey and year, in a stable order.
  func forEach(survey: SurveyID, year: Int, _ body: (SampleFile) throws -> Void) rethrows {
    let definition = SurveyDefinition.builtIn(survey)
    let folder = "\(survey.rawValue)/\(year)"
    let reports = campaign.reports[survey]![year]!
    let geography = Geography.reference
    for report in reports {
      let siret = report.service.siret
      switch report.service.channel {
      case .xml:
        try body(xml(definition, [report], sender: nil, path: "\(folder)/rapport-\(siret).xml"))
      case .csvOpenData:
        try csv(
          definition, [report], dialect: .openData, encoding: .utf8, path: "\(folder)/rapport-\(siret)", body)
      case .csvExcelWindows1252:
        try csv(
          definition, [report], dialect: .frenchExcel, encoding: .windows1252,
          path: "\(folder)/rapport-\(siret)", body)
      case .csvExcelUTF8BOM:
        try csv(
          definition, [report], dialect: .frenchExcel, encoding: .utf8BOM, path: "\(folder)/rapport-\(siret)",
          body)
      case .batchCSV, .batchXML:
        continue
      }
    }
    // Multi-report files, one per intermediary, members in SIRET order.
    switch survey {
    case .mediationFamiliale:
      let byDepartement = Dictionary(grouping: reports.filter { $0.service.channel == .batchCSV }) {
        $0.service.departement.code
      }
      for (code, members) in byDepartement.sorted(by: { $0.key < $1.key }) {
        // Half of the CAFs' Excel saves in Windows-1252, the other half in UTF-8 with BOM.
        let encoding: CSVEncoding = RandomSource.fnv1a(code) % 2 == 0 ? .windows1252 : .utf8BOM
        try csv(
          definition, members.sorted { $0.service.siret < $1.service.siret }, dialect: .frenchExcel,
          encoding: encoding, path: "\(folder)/caf-\(code)-\(year)", body)
      }
      let byRegion = Dictionary(grouping: reports.filter { $0.service.channel == .batchXML }) {
        $0.service.departement.regionCode
      }
      for (code, members) in byRegion.sorted(by: { $0.key < $1.key }) {
        let region = geography.region(code: code)?.name ?? code
        try body(
          xml(
            definition, members.sorted { $0.service.siret < $1.service.siret },
            sender: "Fédération régionale de la médiation familiale – \(region)",
            path: "\(folder)/federation-region-\(code)-\(year).xml"))
      }
    case .espaceRencontre:
      let byCour = Dictionary(grouping: reports.filter { $0.service.channel == .batchCSV }) {
        $0.service.departement.courAppelCode
      }
      for (code, members) in byCour.sorted(by: { $0.key < $1.key }) {
        try csv(
          definition, members.sorted { $0.service.siret < $1.service.siret }, dialect: .frenchExcel,
          encoding: .utf8BOM, path: "\(folder)/cour-appel-\(code)-\(year)", body)
      }
    }
  }

  func xml(
    _ definition: SurveyDefinition, _ reports: [SampleReport], sender: String?, path: String
  ) -> SampleFile {
    let text = XMLSubmissionWriter(survey: definition).render(
      reports, sender: sender, detail: campaign.detail(of:))
    return SampleFile(path: path, bytes: Array(text.utf8))
  }

  /// The report CSV at `path.csv` and, when any report has detail, the detail at `path-mesures.csv`.
  func csv(
    _ definition: SurveyDefinition, _ reports: [SampleReport], dialect: CSVDialect, encoding: CSVEncoding,
    path: String, _ body: (SampleFile) throws -> Void
  ) rethrows {
    let text = CSVSubmissionWriter(table: definition.report, dialect: dialect).render(reports.map(\.values))
    try body(SampleFile(path: path + ".csv", bytes: encoding.encode(text)))
    guard let table = definition.detail else { return }
    let rows = reports.flatMap { campaign.detail(of: $0) }
    guard !rows.isEmpty else { return }
    let detail = CSVSubmissionWriter(table: table, dialect: dialect).render(rows)
    try body(SampleFile(path: path + "-mesures.csv", bytes: encoding.encode(detail)))
  }

  /// The directory of expected respondents of a survey and year (UTF-8, comma).
  func directory(survey: SurveyID, year: Int) -> SampleFile {
    var text = "siret,nom,enquete,departement_code\n"
    for service in campaign.expected[survey]![year]! {
      text += CSVText.line([service.siret, service.name, survey.rawValue, service.departement.code])
    }
    return SampleFile(path: "annuaires/\(survey.rawValue)-\(year).csv", bytes: Array(text.utf8))
  }
}
