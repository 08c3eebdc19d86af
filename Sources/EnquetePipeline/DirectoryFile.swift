import EnqueteCore
import EnqueteIntake
import Foundation

/// A directory of expected respondents (`annuaire`) that cannot be used, with every reason.
public struct DirectoryProblems: Error, Sendable {
  /// One diagnostic per problem, in line order.
  public var diagnostics: [Diagnostic]
}

/// Reads the directory a campaign opens with: a CSV with the columns `siret`, `nom`,
/// `departement_code` and optionally `enquete` (any delimiter and encoding `validate` reads).
public enum DirectoryFile {
  /// The expected respondents of `survey` listed in `bytes`, sorted by SIRET.
  ///
  /// - Throws: `DirectoryProblems` when a column is missing, a SIRET is malformed or repeated, a
  ///   département unknown, or a line names another survey: a campaign opens on a clean directory.
  public static func read(bytes: [UInt8], name: String, survey: SurveyID) throws -> [ExpectedRespondent] {
    var problems: [Diagnostic] = []
    func problem(_ line: Int, _ message: String, code: String = "directory.invalid") {
      problems.append(
        Diagnostic(.error, code: code, message: message, location: .init(file: name, line: line)))
    }
    var decoder = FieldDecoder(announced: TextEncoding.byteOrderMark(bytes)?.0)
    var columns: [String: Int] = [:]
    var respondents: [String: ExpectedRespondent] = [:]
    do {
      _ = try CSVReader().read(bytes: bytes) { row in
        let fields = (0..<row.count).map { decoder.decode(row[$0]) }
        if columns.isEmpty {
          for (index, field) in fields.enumerated() {
            columns[(field ?? "").trimmingCharacters(in: .whitespaces).lowercased()] = index
          }
          for required in ["siret", "nom", "departement_code"] where columns[required] == nil {
            problem(
              row.line, "La colonne obligatoire « \(required) » manque.", code: "directory.missing-column")
          }
          return
        }
        guard problems.allSatisfy({ $0.code != "directory.missing-column" }), !row.isBlank else { return }
        func field(_ column: String) -> String {
          guard let index = columns[column], index < fields.count else { return "" }
          return (fields[index] ?? "").trimmingCharacters(in: .whitespaces)
        }
        let siret = field("siret").replacingOccurrences(of: " ", with: "")
        if let other = columns["enquete"].map({ _ in field("enquete") }), !other.isEmpty,
          other != survey.rawValue
        {
          problem(row.line, "Cette ligne est de l'enquête « \(other) », pas de « \(survey.rawValue) ».")
        } else if Siret(siret) == nil {
          problem(row.line, "Le SIRET « \(siret) » n'a pas 14 chiffres ou sa clé de contrôle est fausse.")
        } else if respondents[siret] != nil {
          problem(row.line, "Le SIRET \(siret) figure deux fois dans l'annuaire.")
        } else if let departement = Geography.reference.normalizeDepartementCode(field("departement_code")) {
          respondents[siret] = ExpectedRespondent(
            siret: siret, name: field("nom"), departementCode: departement.code)
        } else {
          problem(row.line, "Le département « \(field("departement_code")) » n'existe pas.")
        }
      }
    } catch let error as CSVSyntaxError {
      problem(error.line, "L'annuaire n'est pas un CSV lisible (\(error.kind.rawValue)).")
    }
    if columns.isEmpty { problem(1, "L'annuaire est vide.") }
    guard problems.isEmpty else { throw DirectoryProblems(diagnostics: problems) }
    return respondents.values.sorted { $0.siret < $1.siret }
  }
}
