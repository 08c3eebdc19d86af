import EnqueteCore
import EnqueteIngest
import EnqueteProtect
import Foundation

/// `enquete audit DIR`: the audit of a published folder from its published files alone
/// (`tableaux.csv`, `structure.json`, `audit.json`), as any reader could run it; with the private
/// audit, also the required protection of every primary.
///
/// Fails when a hidden cell is exactly recomputable, when a hidden frequency cell of a rule on
/// values cannot reach the threshold, when the intervals differ from those `audit.json` states,
/// when the files disagree with each other, or (with the private audit) when a primary's interval
/// does not cover its required protection.
public struct PublishedFolderAudit: Sendable {
  /// The problems found, in French, one per line; empty when the folder passes.
  public var problems: [String]
  /// Cells checked (published and hidden).
  public var cellCount: Int
  /// Hidden cells whose interval was recomputed.
  public var hiddenCount: Int
  /// Département extracts checked against `tableaux.csv`.
  public var extractCount = 0

  /// Whether the folder passes.
  public var passes: Bool { problems.isEmpty }

  /// How many problems are listed at most (the count of the others is given).
  static let problemLimit = 50

  /// Audits the folder `directory`; `privateAudit` is the path of `audit-prive.json`, if given.
  /// - Complexity: two simplex solves per hidden cell.
  public static func run(directory: String, privateAudit: String? = nil) throws -> PublishedFolderAudit {
    let folder = URL(fileURLWithPath: directory)
    let published = try PublishedCells(csv: folder.appendingPathComponent("tableaux.csv").path)
    let structure = try JSONFiles.object(folder.appendingPathComponent("structure.json"))
    let stated = try JSONFiles.object(folder.appendingPathComponent("audit.json"))
    var statedIntervals: [String: (Double, Double?)] = [:]
    for cell in stated["secretes"] as? [[String: Any]] ?? [] {
      guard let id = cell["cellule"] as? String, let interval = cell["intervalle"] as? [Any] else { continue }
      statedIntervals[id] = (
        (interval[0] as? NSNumber)?.doubleValue ?? .nan, (interval[1] as? NSNumber)?.doubleValue
      )
    }
    var secrets: [String: (value: Double, required: (Double, Double)?)] = [:]
    if let privateAudit {
      for cell in try JSONFiles.object(URL(fileURLWithPath: privateAudit))["secretes"] as? [[String: Any]]
        ?? []
      {
        guard let id = cell["cellule"] as? String, let value = (cell["valeur"] as? NSNumber)?.doubleValue
        else { continue }
        let required = (cell["protection_requise"] as? [NSNumber]).map {
          ($0[0].doubleValue, $0[1].doubleValue)
        }
        secrets[id] = (value, required)
      }
    }
    var audit = PublishedFolderAudit(problems: published.problems, cellCount: 0, hiddenCount: 0)
    var seen = Set<String>()
    for system in structure["systemes"] as? [[String: Any]] ?? [] {
      try audit.check(system, published, statedIntervals, secrets, &seen)
    }
    audit.checkExtracts(folder, against: published)
    for id in statedIntervals.keys where !seen.contains(id) {
      audit.problems.append("audit.json : la cellule \(id) n'est dans aucun système de structure.json")
    }
    if audit.problems.count > problemLimit {
      let more = audit.problems.count - problemLimit
      audit.problems = Array(audit.problems.prefix(problemLimit)) + ["… et \(more) autres problèmes"]
    }
    return audit
  }

  /// Every département extract (`departements/<code>/<code>.csv`) shows each of its cells exactly
  /// as `tableaux.csv` does: an extract may not publish what the national file hides.
  private mutating func checkExtracts(_ folder: URL, against published: PublishedCells) {
    let root = folder.appendingPathComponent("departements")
    guard let codes = try? FileManager.default.contentsOfDirectory(atPath: root.path) else { return }
    for code in codes.sorted() {
      let path = root.appendingPathComponent("\(code)/\(code).csv").path
      guard FileManager.default.fileExists(atPath: path) else { continue }
      guard let extract = try? PublishedCells(csv: path) else {
        problems.append("departements/\(code)/\(code).csv : fichier illisible")
        continue
      }
      extractCount += 1
      for (id, cell) in extract.cells.sorted(by: { $0.key < $1.key }) {
        guard let national = published.cells[id] else {
          problems.append("departements/\(code)/\(code).csv : la cellule \(id) n'est pas dans tableaux.csv")
          continue
        }
        if national.status != cell.status || national.value != cell.value {
          problems.append("departements/\(code)/\(code).csv : la cellule \(id) diffère de tableaux.csv")
        }
      }
    }
  }

  private mutating func check(
    _ system: [String: Any], _ published: PublishedCells, _ stated: [String: (Double, Double?)],
    _ secrets: [String: (value: Double, required: (Double, Double)?)], _ seen: inout Set<String>
  ) throws {
    let ids = system["cellules"] as? [String] ?? []
    let threshold = (system["seuil"] as? NSNumber)?.doubleValue ?? 0
    let onValues = system["base"] as? String == "value"
    var cells: [TableCell] = []
    var hidden: [Bool] = []
    var statuses: [CellStatus] = []
    for id in ids {
      seen.insert(id)
      guard let cell = published.cells[id] else {
        problems.append("tableaux.csv : la cellule \(id) de structure.json n'est pas publiée")
        return
      }
      cells.append(TableCell(id: id, value: cell.value ?? 0, contributors: 0))
      hidden.append(cell.status.isSuppressed)
      statuses.append(cell.status)
    }
    let equations = (system["equations"] as? [[NSNumber]] ?? []).map { numbers in
      TableEquation(total: numbers[0].intValue, parts: numbers.dropFirst().map(\.intValue))
    }
    let table = try AdditiveTable(cells: cells, equations: equations)
    cellCount += cells.count
    let intervals: [(cell: Int, lower: Double, upper: Double?)]
    do {
      intervals = try PublishedIntervals.intervals(of: table, hidden: hidden)
    } catch .unbalancedPublishedEquation(let number) {
      problems.append(
        "structure.json : l'équation de \(ids[equations[number].total]) ne s'équilibre pas avec les valeurs publiées"
      )
      return
    } catch {
      problems.append("les valeurs publiées du système de \(ids.first ?? "?") sont incompatibles entre elles")
      return
    }
    hiddenCount += intervals.count
    for (index, lower, upper) in intervals {
      let id = ids[index]
      let width = upper.map { $0 - lower } ?? .infinity
      if width <= 1e-6 {
        problems.append("\(id) : case secrète recalculable exactement à partir des valeurs publiées")
      }
      if onValues && statuses[index] == .primaryFrequency, let upper, upper < threshold - 1e-6 {
        problems.append(
          "\(id) : un lecteur sait que cette case secrète est inférieure au seuil de \(Int(threshold))")
      }
      if let (statedLower, statedUpper) = stated[id] {
        let agrees =
          abs(statedLower - lower) <= 1e-3 * max(1, abs(lower))
          && ((statedUpper == nil && upper == nil)
            || (statedUpper != nil && upper != nil
              && abs(statedUpper! - upper!) <= 1e-3 * max(1, abs(upper!))))
        if !agrees { problems.append("\(id) : l'intervalle recalculé diffère de celui d'audit.json") }
      } else {
        problems.append("\(id) : case secrète absente d'audit.json")
      }
      if let secret = secrets[id], let required = secret.required {
        let tolerance = 1e-6
        if lower > required.0 + tolerance || (upper.map { $0 < required.1 - tolerance } ?? false) {
          problems.append(
            "\(id) : protection insuffisante (l'intervalle ne couvre pas la protection requise)")
        }
      }
    }
  }
}
