import EnqueteCore
import Foundation
import Testing

/// In the committed publications (`Reports/`), a département whose directory lists services and
/// where none answered is never published as a zero (issue 17's acceptance): every cell of every
/// table there reads `ND`, and the expected services published are those of the directory.
@Suite struct PublishedNonResponseTests {
  static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
    .deletingLastPathComponent().deletingLastPathComponent()

  /// The départements the sample campaign leaves silent (the defect as the issue found it).
  static let silent: [SurveyID: Set<String>] = [
    .mediationFamiliale: ["28", "45"], .espaceRencontre: ["18", "25", "40", "70", "79"],
  ]

  /// Services the campaign's directory lists, by département.
  static func directory(_ survey: SurveyID) throws -> [String: Int] {
    let text = try String(
      contentsOf: root.appendingPathComponent("SampleSubmissions/annuaires/\(survey.rawValue)-2025.csv"),
      encoding: .utf8)
    let records = CSVText.records(text)
    let column = try #require(records.first?.firstIndex(of: "departement_code"))
    var counts: [String: Int] = [:]
    for record in records.dropFirst() where record.count > column { counts[record[column], default: 0] += 1 }
    return counts
  }

  @Test(arguments: SurveyID.allCases)
  func aDepartementWithExpectedServicesAndNoRespondentIsNeverZero(survey: SurveyID) throws {
    let data = try PublishedData(
      csv: String(
        contentsOf: Self.root.appendingPathComponent("Reports/\(survey.rawValue)/2025/tableaux.csv"),
        encoding: .utf8))
    let plan = PublicationPlan.builtIn(survey)
    let listed = try Self.directory(survey)
    var silent = Set<String>()
    for (code, expected) in listed.sorted(by: { $0.key < $1.key }) {
      let published = data.cell("nb_services_attendus", "nb_services_attendus", .departement, code)?.value
      #expect(published.map { Int($0) } ?? -1 >= expected, "\(code): expected services not published")
      guard data.cell("nb_services", "nb_services", .departement, code)?.value == 0 else { continue }
      silent.insert(code)
      for table in plan.tables where table.levels.contains(.departement) {
        for column in table.columns {
          let cell = try #require(data.cell(table.id, column.variable, .departement, code))
          #expect(cell.status == .notAvailable && cell.value == nil, "\(table.id) \(column.variable) \(code)")
        }
      }
    }
    #expect(silent == Self.silent[survey])
    // And no `ND` where somebody answered.
    for cell in data.cells where cell.status == .notAvailable {
      #expect(silent.contains(cell.departement ?? "") && cell.level == .departement, "\(cell.id)")
    }
  }
}
