import EnqueteCore
import EnqueteProtect
import Foundation

/// `enquete audit DIR`: reads a published folder's files (`tableaux.csv`, `structure.json`,
/// `audit.json`, the département extracts, and the private audit when given) and hands them to
/// ``PublishedFolderAudit``.
extension PublishedFolderAudit {
  /// Audits the folder `directory`; `privateAudit` is the path of `audit-prive.json`, if given.
  /// - Throws: ``PublicationError/unreadable(_:)`` when a file is missing or not what enquete writes.
  /// - Complexity: two simplex solves per hidden cell.
  public static func run(directory: String, privateAudit: String? = nil) throws -> PublishedFolderAudit {
    let folder = URL(fileURLWithPath: directory)
    let csvURL = folder.appendingPathComponent("tableaux.csv")
    guard let csv = try? String(contentsOf: csvURL, encoding: .utf8) else {
      throw PublicationError.unreadable(csvURL.path)
    }
    let structureURL = folder.appendingPathComponent("structure.json")
    let structure = try decoded(PublishedStructure.self, structureURL)
    let stated = try decoded(PublishedAudit.self, folder.appendingPathComponent("audit.json"))
    let secrets = try privateAudit.map { try decoded(PrivateAudit.self, URL(fileURLWithPath: $0)) }
    guard let survey = SurveyID(rawValue: structure.survey) else {
      throw PublicationError.unreadable(structureURL.path)
    }
    let root = folder.appendingPathComponent("departements")
    let codes = (try? FileManager.default.contentsOfDirectory(atPath: root.path)) ?? []
    let extracts = codes.sorted().compactMap { code -> Extract? in
      let url = root.appendingPathComponent("\(code)/\(code).csv")
      guard FileManager.default.fileExists(atPath: url.path) else { return nil }
      return (code, (try? String(contentsOf: url, encoding: .utf8)).map { PublishedCells(csv: $0) })
    }
    return run(
      survey: survey, published: PublishedCells(csv: csv), structure: structure, stated: stated,
      privateAudit: secrets, extracts: extracts)
  }

  /// A JSON file of a publication; ``PublicationError/unreadable(_:)`` when it cannot be read.
  private static func decoded<File: Decodable>(_ type: File.Type, _ url: URL) throws -> File {
    guard let data = try? Data(contentsOf: url), let file = try? JSONDecoder().decode(type, from: data) else {
      throw PublicationError.unreadable(url.path)
    }
    return file
  }
}
