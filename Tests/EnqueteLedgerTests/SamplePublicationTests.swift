import EnqueteCore
import EnqueteLedger
import Foundation
import Testing

/// The acceptance test of the publication on the sample campaign (2025, both surveys), through
/// the command line: `publish` then `audit` pass, and every published value, recomputed here
/// from the ledger's reports, falls under no primary rule.
@Suite(.serialized) struct SamplePublicationTests {
  @Test(arguments: [SurveyID.mediationFamiliale, .espaceRencontre])
  func theSamplePublicationPassesItsAuditAndShowsNoSensitiveValue(survey: SurveyID) throws {
    let folder = LedgerFixtures.temporaryFolder("publication-\(survey.rawValue)")
    let ledgerPath = folder.appendingPathComponent("enquete.sqlite").path
    let (ledger, _) = (try Ledger(path: ledgerPath), ())
    try LedgerFixtures.openCampaign(ledger, survey, 2025)
    let samples = LedgerFixtures.samples.appendingPathComponent("\(survey.rawValue)/2025").path
    #expect(
      try LedgerFixtures.run(["ingest", samples, "--ledger", ledgerPath], in: folder, label: "ingest") == 0)
    let published = folder.appendingPathComponent("publie").path
    let secret = folder.appendingPathComponent("prive/audit.json").path
    let publish = try LedgerFixtures.run(
      ["publish", survey.rawValue, "2025", "--ledger", ledgerPath, "--sortie", published, "--prive", secret],
      in: folder, label: "publish")
    #expect(publish == 0, "\(LedgerFixtures.stderr("publish", in: folder).prefix(2000))")
    let audit = try LedgerFixtures.run(["audit", published, "--prive", secret], in: folder, label: "audit")
    #expect(audit == 0, "\(LedgerFixtures.stderr("audit", in: folder).prefix(2000))")

    let reports = try ledger.currentReports(survey: survey, year: 2025)
    let plan = PublicationPlan.builtIn(survey)
    let rows = try Self.rows(URL(fileURLWithPath: published).appendingPathComponent("tableaux.csv"))
    let checked = Self.checkAgainstRules(rows, reports: reports, plan: plan)
    #expect(checked > 1000)
    Self.checkSingleServiceDepartements(rows, reports: reports)
  }

  /// Recomputes every published additive cell from the reports and checks its value and that no
  /// primary rule applies to it; returns how many values were checked.
  static func checkAgainstRules(
    _ rows: [[String: String]], reports: [ReportFigures], plan: PublicationPlan
  ) -> Int {
    let geography = Geography.reference
    let ruleByVariable = plan.ruleByVariable
    var checked = 0
    for row in rows {
      guard let variable = row["variable"], let rule = ruleByVariable[variable].flatMap({ plan.rules[$0] }),
        let text = row["valeur"], !text.isEmpty, let value = Double(text)
      else { continue }
      let code = row["code"]!
      let members = reports.filter { report in
        let departement = geography.departement(code: report.departementCode)!
        switch row["niveau"]! {
        case "national": return true
        case "region": return departement.regionCode == code
        case "cour_appel": return departement.courAppelCode == code
        case "departement": return departement.code == code
        default: return report.siret == code
        }
      }
      let contributions = members.compactMap { Self.number(variable, $0, plan) }
      let sum = contributions.reduce(0, +)
      #expect(abs(sum - value) < 0.006, "\(variable) \(row["niveau"]!) \(code)")
      switch rule.basis {
      case .value:
        #expect(value == 0 || value >= Double(rule.threshold), "\(variable) \(row["niveau"]!) \(code)")
      case .contributors:
        #expect(contributions.isEmpty || contributions.count >= rule.threshold, "\(variable) \(code)")
        if let dominance = rule.dominance, value > 0 {
          let top = contributions.sorted(by: >).prefix(dominance.contributors).reduce(0, +)
          #expect(top <= value * dominance.percent / 100, "\(variable) \(row["niveau"]!) \(code)")
        }
      }
      checked += 1
    }
    return checked
  }

  /// A variable of a report, derived variables included.
  static func number(_ variable: String, _ report: ReportFigures, _ plan: PublicationPlan) -> Double? {
    if let classes = plan.waitClasses, classes.variables.contains(variable) {
      guard !report.measures.isEmpty else { return nil }
      let end = CivilDate(year: 2025, month: 12, day: 31)!
      return classes.counts(report.measures.compactMap { $0.wait(censoredAt: end) })[variable]
    }
    if let derived = plan.derivedVariables.first(where: { $0.name == variable }) {
      let parts = derived.sumOf.compactMap { report.numbers[$0] }
      return parts.count == derived.sumOf.count ? parts.reduce(0, +) : nil
    }
    return report.numbers[variable]
  }

  /// A département with one service shows the same figure on its row and the service's, or hides
  /// both.
  static func checkSingleServiceDepartements(_ rows: [[String: String]], reports: [ReportFigures]) {
    let byDepartement = Dictionary(grouping: reports, by: \.departementCode).filter { $0.value.count == 1 }
    var key: [String: [String: String]] = [:]
    for row in rows { key["\(row["table"]!)|\(row["variable"]!)|\(row["niveau"]!)|\(row["code"]!)"] = row }
    var pairs = 0
    for (departement, services) in byDepartement {
      for row in rows where row["niveau"] == "service" && row["code"] == services[0].siret {
        let own = key["\(row["table"]!)|\(row["variable"]!)|departement|\(departement)"]
        #expect(own?["valeur"] == row["valeur"], "\(departement) \(row["variable"]!)")
        pairs += 1
      }
    }
    #expect(byDepartement.isEmpty || pairs > 0)
  }

  /// The rows of the long CSV, by column name (RFC 4180 quotes).
  static func rows(_ url: URL) throws -> [[String: String]] {
    let lines = try String(contentsOf: url, encoding: .utf8).split(separator: "\n")
    let header = fields(lines[0])
    return lines.dropFirst().map { Dictionary(uniqueKeysWithValues: zip(header, fields($0))) }
  }

  static func fields(_ line: Substring) -> [String] {
    var fields: [String] = []
    var field = ""
    var quoted = false
    var previous: Character? = nil
    for character in line {
      if character == "\"" {
        if !quoted && previous == "\"" { field.append("\"") }
        quoted.toggle()
      } else if character == "," && !quoted {
        fields.append(field)
        field = ""
      } else {
        field.append(character)
      }
      previous = character
    }
    fields.append(field)
    return fields
  }
}

extension SamplePublicationTests {
  /// Publish, receive one late report, publish again, through the command line: refused by default
  /// with the options, published with `--republication masquer`, and both folders audited.
  @Test func aLateReportIsPublishedOnlyWithTheDifferenceProtected() throws {
    let folder = LedgerFixtures.temporaryFolder("republication")
    let ledgerPath = folder.appendingPathComponent("enquete.sqlite").path
    let ledger = try Ledger(path: ledgerPath)
    try LedgerFixtures.openCampaign(ledger, .mediationFamiliale, 2025)
    // The federations' XML files: 111 reports, the rest of the directory late.
    let sample = LedgerFixtures.samples.appendingPathComponent("mediation-familiale/2025")
    let files = try FileManager.default.contentsOfDirectory(atPath: sample.path).filter {
      $0.hasSuffix(".xml")
    }
    .sorted().map { sample.appendingPathComponent($0).path }
    #expect(
      try LedgerFixtures.run(["ingest"] + files + ["--ledger", ledgerPath], in: folder, label: "ingest") == 0)
    func publish(_ label: String, _ extra: [String] = [], command: String = "publish") throws -> Int32 {
      try LedgerFixtures.run(
        [
          command, "mediation-familiale", "2025", "--ledger", ledgerPath, "--sortie",
          folder.appendingPathComponent(label).path, "--prive",
          folder.appendingPathComponent("\(label).json").path,
        ] + extra, in: folder, label: label)
    }
    #expect(try publish("premiere") == 0)
    // A service of the directory that has not answered sends its report late: the first report of
    // the first file, under its SIRET and département.
    let answered = Set(try ledger.currentReports(survey: .mediationFamiliale, year: 2025).map(\.siret))
    let late = try #require(
      try ledger.expectedRespondents(survey: "mediation-familiale", year: 2025).first {
        !answered.contains($0.siret)
      })
    let text = try String(contentsOfFile: files[0], encoding: .utf8)
    let start = try #require(text.range(of: "<rapport>"))
    let end = try #require(text.range(of: "</rapport>"))
    var report = String(text[start.lowerBound..<end.upperBound])
    report = report.replacingOccurrences(
      of: #"<siret>\d+</siret>"#, with: "<siret>\(late.siret)</siret>", options: .regularExpression)
    report = report.replacingOccurrences(
      of: #"<departement_code>\w+</departement_code>"#,
      with: "<departement_code>\(late.departementCode)</departement_code>", options: .regularExpression)
    let lateFile = folder.appendingPathComponent("tardif.xml")
    try (String(text[..<start.lowerBound]) + report + "\n</rapports>\n").write(
      to: lateFile, atomically: true, encoding: .utf8)
    #expect(
      try LedgerFixtures.run(["ingest", lateFile.path, "--ledger", ledgerPath], in: folder, label: "late")
        == 0)

    // Its figures are what differencing the totals gives: refused, with the options, nothing written.
    #expect(try publish("refusee") == 1)
    let refusal = LedgerFixtures.stderr("refusee", in: folder)
    #expect(refusal.contains("[publish.republication-masquage]"), "\(refusal.prefix(2000))")
    #expect(refusal.contains("--republication masquer"))
    #expect(!FileManager.default.fileExists(atPath: folder.appendingPathComponent("refusee").path))
    // The report publishes it and says, on its first page and each département's, what it replaces.
    #expect(try publish("seconde", ["--republication", "masquer"], command: "report") == 0)
    let warning = LedgerFixtures.stderr("seconde", in: folder)
    #expect(warning.contains("[publish.republication-protegee]"), "\(warning.prefix(2000))")
    // Every cell the first folder showed and the second hides, the republication's among them.
    func statuses(_ label: String) throws -> [String: String] {
      let text = try String(
        contentsOf: folder.appendingPathComponent(label).appendingPathComponent("tableaux.csv"),
        encoding: .utf8)
      let data = try PublishedData(csv: text)
      return Dictionary(data.cells.map { ($0.id.description, $0.status.isSuppressed ? "s" : "v") }) { a, _ in
        a
      }
    }
    let before = try statuses("premiere")
    let hiddenAgain = try statuses("seconde").filter { $0.value == "s" && before[$0.key] == "v" }.count
    let forTheDifference = try #require(
      warning.firstMatch(of: /dont (\d+) publiée\(s\) dans celle-ci/).flatMap { Int($0.1) })
    #expect(hiddenAgain >= forTheDifference && forTheDifference > 0)
    let hidden = FrenchNumber.text(Double(hiddenAgain))
    for page in ["rapport.html", "departements/\(late.departementCode)/index.html"] {
      let html = try String(
        contentsOf: folder.appendingPathComponent("seconde").appendingPathComponent(page), encoding: .utf8)
      #expect(html.contains("Publication révisée"), "\(page)")
      #expect(html.contains("Cette publication remplace la publication n° 1 du "), "\(page)")
      #expect(html.contains("1 service dont le rapport a été reçu, corrigé ou retiré depuis"), "\(page)")
      // (The apostrophe is escaped, and a thin no-break space precedes the colon.)
      #expect(
        html.contains("\(hidden) cases qu&#39;elle publiait sont désormais secrètes (s)\u{202F}: "), "\(page)"
      )
    }
    let provenance = try String(
      contentsOf: folder.appendingPathComponent("seconde/provenance.json"), encoding: .utf8)
    #expect(provenance.contains(#""remplace""#) && provenance.contains(#""services_modifies": 1"#))
    // Rendered again: the same tables (still protected with publication n° 1, whose reports differ,
    // not with n° 2 made from the same reports), nothing recorded, still the revision of n° 1.
    #expect(try publish("encore", ["--republication", "masquer"], command: "report") == 0)
    let again = try String(contentsOf: folder.appendingPathComponent("encore/rapport.html"), encoding: .utf8)
    #expect(
      try String(contentsOf: folder.appendingPathComponent("encore/tableaux.csv"), encoding: .utf8)
        == String(contentsOf: folder.appendingPathComponent("seconde/tableaux.csv"), encoding: .utf8))
    #expect(again.contains("Cette publication remplace la publication n° 1 du "))
    #expect(again.contains("\(hidden) cases qu&#39;elle publiait sont désormais secrètes (s)\u{202F}: "))
    #expect(try ledger.publications(survey: .mediationFamiliale, year: 2025).count == 2)
    let package = try String(
      contentsOf: folder.appendingPathComponent("seconde/datapackage.json"), encoding: .utf8)
    #expect(package.contains("Cette publication remplace la publication n° 1 du "))
    let first = try String(
      contentsOf: folder.appendingPathComponent("premiere/datapackage.json"), encoding: .utf8)
    #expect(!first.contains("remplace"))
    for label in ["premiere", "seconde"] {
      let audit = try LedgerFixtures.run(
        [
          "audit", folder.appendingPathComponent(label).path, "--prive",
          folder.appendingPathComponent("\(label).json").path,
        ], in: folder, label: "audit-\(label)")
      #expect(audit == 0, "\(LedgerFixtures.stderr("audit-\(label)", in: folder).prefix(2000))")
    }
    // The national total of a variable the late service reported is hidden in the second version.
    let second = try String(
      contentsOf: folder.appendingPathComponent("seconde/tableaux.csv"), encoding: .utf8)
    #expect(second.split(separator: "\n").contains { $0.contains(",national,FR,") && $0.contains(",S,") })
  }
}
