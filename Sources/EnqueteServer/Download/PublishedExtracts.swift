import EnqueteCore
import Foundation

/// The départements' extracts in the published folder, `<root>/<survey>/<year>/departements/<code>/`,
/// as `enquete report` writes them. Only names listed here ever reach the file system: a path
/// never comes from a request.
struct PublishedExtracts: Sendable {
  /// The published folder.
  var root: String

  /// The folder of `code`'s extract of the `survey` `year` publication.
  func folder(survey: SurveyID, year: Int, departement code: String) -> String {
    [root, survey.rawValue, String(year), "departements", code].joined(separator: "/")
  }

  /// The files of an extract (regular files, not hidden), by name; empty when there is none.
  func files(survey: SurveyID, year: Int, departement code: String) -> [String] {
    let folder = folder(survey: survey, year: year, departement: code)
    let names = (try? FileManager.default.contentsOfDirectory(atPath: folder)) ?? []
    return names.filter { name in
      var isDirectory: ObjCBool = false
      return !name.hasPrefix(".")
        && FileManager.default.fileExists(atPath: folder + "/" + name, isDirectory: &isDirectory)
        && !isDirectory.boolValue
    }.sorted()
  }

  /// The bytes of one file of an extract, when `name` is one of its files.
  func read(survey: SurveyID, year: Int, departement code: String, name: String) -> [UInt8]? {
    guard files(survey: survey, year: year, departement: code).contains(name) else { return nil }
    let path = folder(survey: survey, year: year, departement: code) + "/" + name
    return FileManager.default.contents(atPath: path).map { [UInt8]($0) }
  }

  /// The départements with an extract of the `survey` `year` publication, by code.
  func departements(survey: SurveyID, year: Int) -> [String] {
    let folder = [root, survey.rawValue, String(year), "departements"].joined(separator: "/")
    return ((try? FileManager.default.contentsOfDirectory(atPath: folder)) ?? []).filter {
      !$0.hasPrefix(".")
    }.sorted()
  }

  /// The publications (survey, year) that hold an extract for département `code`, newest first.
  func publications(departement code: String) -> [(survey: SurveyID, year: Int)] {
    var found: [(survey: SurveyID, year: Int)] = []
    for survey in SurveyID.allCases {
      let years = (try? FileManager.default.contentsOfDirectory(atPath: root + "/" + survey.rawValue)) ?? []
      for year in years.compactMap(Int.init).sorted(by: >)
      where !files(survey: survey, year: year, departement: code).isEmpty {
        found.append((survey, year))
      }
    }
    return found
  }

  /// The `Content-Type` of an extract's file, by its extension.
  static func contentType(of name: String) -> String {
    switch (name as NSString).pathExtension.lowercased() {
    case "html": "text/html; charset=utf-8"
    case "csv": "text/csv; charset=utf-8"
    case "json": "application/json; charset=utf-8"
    case "xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
    default: "application/octet-stream"
    }
  }
}
