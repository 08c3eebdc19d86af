import EnqueteCore
import EnqueteIntake
import Foundation

/// The additive cells of a published `tableaux.csv`, by identifier (`variable|niveau|code`), with
/// the problems of the file itself: a cell shown twice with different values or statuses, a value
/// given for a secret cell, an unknown status.
struct PublishedCells {
  /// Value (nil when hidden) and status, by cell.
  var cells: [String: (value: Double?, status: CellStatus)] = [:]
  /// Value (nil when hidden or not computed) and status, by indicator at a unit
  /// (`indicateur|niveau|code`).
  var indicators: [String: (value: Double?, status: CellStatus)] = [:]
  /// What is wrong with the file, in French.
  var problems: [String] = []

  /// Reads the file at `path`.
  init(csv path: String) throws {
    do {
      try self.init { try CSVReader().read(path: path, onRow: $0) }
    } catch is FileReadError {
      throw PublicationError.unreadable(path)
    }
  }

  /// Reads a long CSV held in memory (a publication recorded in the ledger).
  init(bytes: [UInt8]) throws {
    try self.init { try CSVReader().read(bytes: bytes, onRow: $0) }
  }

  private init(reading: ((CSVRow) throws -> Void) throws -> CSVDetection) throws {
    var columns: [String: Int] = [:]
    var cells: [String: (value: Double?, status: CellStatus)] = [:]
    var indicators: [String: (value: Double?, status: CellStatus)] = [:]
    var problems: [String] = []
    _ = try reading { row in
      if columns.isEmpty {
        for index in 0..<row.count { columns[row.string(index)] = index }
        return
      }
      guard let niveau = columns["niveau"], let code = columns["code"], let variable = columns["variable"],
        let valeur = columns["valeur"], let statut = columns["statut"], let categorie = columns["categorie"],
        let table = columns["table"], row.count == columns.count
      else {
        problems.append(
          "tableaux.csv:\(row.line): colonnes attendues : \(PublicationFiles.columns.joined(separator: ","))")
        return
      }
      // Indicators (their variable is their table) are not additive cells, but what they show is
      // knowledge.
      if row.string(variable) == row.string(table) && row.string(categorie).isEmpty {
        let text = row.string(valeur)
        indicators["\(row.string(variable))|\(row.string(niveau))|\(row.string(code))"] = (
          text.isEmpty ? nil : Double(text), CellStatus(rawValue: row.string(statut)) ?? .secret
        )
        return
      }
      guard let status = CellStatus(rawValue: row.string(statut)) else {
        problems.append("tableaux.csv:\(row.line): statut « \(row.string(statut)) » inconnu")
        return
      }
      let text = row.string(valeur)
      let value = text.isEmpty ? nil : Double(text)
      if status.isSuppressed && value != nil {
        problems.append("tableaux.csv:\(row.line): une valeur est publiée pour une case secrète")
      }
      if !status.isSuppressed && value == nil {
        problems.append("tableaux.csv:\(row.line): valeur manquante pour une case diffusable")
      }
      let id = "\(row.string(variable))|\(row.string(niveau))|\(row.string(code))"
      if let other = cells[id], other.value != value || other.status != status {
        problems.append("tableaux.csv:\(row.line): la cellule \(id) est publiée deux fois différemment")
      }
      cells[id] = (status.isSuppressed ? nil : value, status)
    }
    self.cells = cells
    self.indicators = indicators
    self.problems = problems
  }
}

/// Reads the JSON files of a published folder.
enum JSONFiles {
  /// The top-level object of a JSON file; a French error when it cannot be read.
  static func object(_ url: URL) throws -> [String: Any] {
    guard let data = try? Data(contentsOf: url),
      let object = try? JSONSerialization.jsonObject(with: data) as? [String: Any]
    else { throw PublicationError.unreadable(url.path) }
    return object
  }
}

/// Why a publication cannot be written or audited.
public enum PublicationError: Error, CustomStringConvertible, Sendable {
  /// A file of the published folder is missing or is not what enquete writes.
  case unreadable(String)
  /// The private audit would be written inside the published folder.
  case privateAuditInPublishedFolder(String)
  /// The campaign has no current accepted report.
  case nothingToPublish(survey: String, year: Int)
  /// The aggregated figures do not add up, so the secrecy stage refused them (a bug to report:
  /// accepted reports always add up).
  case inconsistentFigures(survey: String, year: Int)

  /// A French message.
  public var description: String {
    switch self {
    case .unreadable(let path): "\(path) : fichier illisible ou absent"
    case .privateAuditInPublishedFolder(let path):
      "\(path) : l'audit privé ne doit pas être écrit dans le dossier publié"
    case .nothingToPublish(let survey, let year): "\(survey) \(year) : aucun rapport accepté à publier"
    case .inconsistentFigures(let survey, let year):
      "\(survey) \(year) : les totaux agrégés ne s'additionnent pas, le secret n'a pas pu être calculé "
        + "(anomalie à signaler ; rien n'a été publié)"
    }
  }
}
