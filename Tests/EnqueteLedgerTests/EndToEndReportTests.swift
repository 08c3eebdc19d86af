import EnqueteCore
import Foundation
import Testing

#if canImport(FoundationXML)
  import FoundationXML
#endif

/// The end-to-end golden test of the main command: the sample campaign from its files to its
/// reports, through the command line as `scripts/run-sample-campaign` runs it, gives exactly the
/// committed `Reports/`. `ENQUETE_RECORD=1` re-records `Reports/` after a deliberate change.
@Suite(.serialized) struct EndToEndReportTests {
  static let surveys = ["mediation-familiale", "espace-rencontre"]
  static let committed = LedgerFixtures.root.appendingPathComponent("Reports")

  /// The date the sample reports say they were published (the scripts give the same).
  static let publicationDate = "2026-06-30T09:00:00Z"

  @Test func theSampleCampaignGivesTheCommittedReports() throws {
    let folder = LedgerFixtures.temporaryFolder("end-to-end")
    let ledger = folder.appendingPathComponent("enquete.sqlite").path
    let samples = LedgerFixtures.samples.path
    func run(_ arguments: [String], _ label: String, expecting code: Int32 = 0) throws {
      let withLedger = arguments[0] == "audit" ? arguments : arguments + ["--ledger", ledger]
      let status = try LedgerFixtures.run(withLedger, in: folder, label: label)
      #expect(status == code, "\(label): \(LedgerFixtures.stderr(label, in: folder).prefix(1500))")
    }
    for survey in Self.surveys {
      for year in ["2024", "2025"] {
        try run(
          ["campaign", "open", survey, year, "--directory", "\(samples)/annuaires/\(survey)-\(year).csv"],
          "open-\(survey)-\(year)")
      }
    }
    try run(["ingest", "\(samples)/mediation-familiale", "\(samples)/espace-rencontre"], "ingest")
    try run(["ingest", "--annee", "2025", "\(samples)/invalid"], "ingest-invalid", expecting: 65)
    let produced = folder.appendingPathComponent("Reports")
    for survey in Self.surveys {
      try run(
        [
          "publish", survey, "2024", "--sortie", folder.appendingPathComponent("p/\(survey)").path, "--prive",
          "prive/\(survey)-2024.json",
        ],
        "publish-\(survey)")
      try run(
        [
          "report", survey, "2025", "--sortie", produced.appendingPathComponent("\(survey)/2025").path,
          "--prive", "prive/\(survey)-2025.json", "--date", Self.publicationDate,
        ],
        "report-\(survey)")
      try run(
        [
          "audit", produced.appendingPathComponent("\(survey)/2025").path, "--prive",
          "prive/\(survey)-2025.json",
        ],
        "audit-\(survey)")
    }
    let files = try Self.files(under: produced)
    if ProcessInfo.processInfo.environment["ENQUETE_RECORD"] == "1" {
      try? FileManager.default.removeItem(at: Self.committed)
      try FileManager.default.copyItem(at: produced, to: Self.committed)
    }
    let expected = try Self.files(under: Self.committed)
    #expect(files.keys.sorted() == expected.keys.sorted(), "the report folder's files differ from Reports/")
    let different = files.keys.sorted().filter { files[$0] != expected[$0] }
    #expect(different.isEmpty, "differ from Reports/ (ENQUETE_RECORD=1 re-records): \(different.prefix(10))")
    // Every page is well-formed, and no value of the private audits is shown for its cell.
    for (path, bytes) in files where path.hasSuffix(".html") {
      #expect(XMLParser(data: bytes).parse(), "\(path) is not well-formed")
    }
    for survey in Self.surveys {
      try Self.checkSecretCellsAreBlank(
        report: produced.appendingPathComponent("\(survey)/2025"),
        privateAudit: folder.appendingPathComponent("prive/\(survey)-2025.json"))
    }
  }

  /// Every file under `root`, by relative path.
  static func files(under root: URL) throws -> [String: Data] {
    var result: [String: Data] = [:]
    guard
      let walker = FileManager.default.enumerator(at: root, includingPropertiesForKeys: [.isRegularFileKey])
    else {
      return result
    }
    for case let url as URL in walker
    where (try url.resourceValues(forKeys: [.isRegularFileKey]).isRegularFile) == true {
      let relative = String(url.standardizedFileURL.path.dropFirst(root.standardizedFileURL.path.count + 1))
      result[relative] = try Data(contentsOf: url)
    }
    return result
  }

  /// The secret cells of the private audit are blank in the long CSV, blank in the wide open-data
  /// CSVs and `s` in the Excel ones.
  static func checkSecretCellsAreBlank(report: URL, privateAudit: URL) throws {
    let audit = try JSONSerialization.jsonObject(with: Data(contentsOf: privateAudit)) as! [String: Any]
    let secret = Set((audit["secretes"] as! [[String: Any]]).map { $0["cellule"] as! String })
    #expect(!secret.isEmpty)
    let long = try String(contentsOf: report.appendingPathComponent("tableaux.csv"), encoding: .utf8)
    let data = try PublishedData(csv: long)
    var checked = 0
    for cell in data.cells where secret.contains("\(cell.variable)|\(cell.level.rawValue)|\(cell.code)") {
      #expect(cell.value == nil && cell.status.isSuppressed, "\(cell.variable) \(cell.code)")
      checked += 1
    }
    #expect(checked >= secret.count)
    let plan = PublicationPlan.builtIn(SurveyID(rawValue: audit["enquete"] as! String)!)
    for table in plan.tables {
      let wide = try String(
        contentsOf: report.appendingPathComponent("donnees/\(table.id).csv"), encoding: .utf8)
      let excel = try String(
        contentsOf: report.appendingPathComponent("excel/\(table.id).csv"), encoding: .utf8)
      let wideLines = wide.split(separator: "\n").dropFirst().map {
        $0.split(separator: ",", omittingEmptySubsequences: false)
      }
      let excelLines = excel.split(separator: "\r\n").dropFirst().map {
        $0.split(separator: ";", omittingEmptySubsequences: false)
      }
      #expect(wideLines.count == excelLines.count)
      for (wideFields, excelFields) in zip(wideLines, excelLines)
      where wideFields.count == 3 + 2 * table.columns.count {
        for (position, column) in table.columns.enumerated() {
          let id = "\(column.variable)|\(wideFields[0])|\(wideFields[1])"
          guard secret.contains(id) else { continue }
          #expect(wideFields[3 + 2 * position].isEmpty, "\(table.id) \(id)")
          #expect(excelFields.count > 3 + position && excelFields[3 + position] == "s", "\(table.id) \(id)")
        }
      }
    }
  }
}
