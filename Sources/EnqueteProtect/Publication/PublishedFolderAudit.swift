import EnqueteCore

/// `enquete audit DIR`: the audit of a published folder from its published files alone
/// (`tableaux.csv`, `structure.json`, `audit.json`), as any reader could run it; with the private
/// audit, also the required protection of every primary. It takes the files read (the pipeline
/// reads them); it opens none.
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

  /// One département extract (`departements/<code>/<code>.csv`): its cells, nil when unreadable.
  public typealias Extract = (code: String, cells: PublishedCells?)

  /// Audits a folder of `survey` from its files: `published` (`tableaux.csv`), `structure`,
  /// `stated` (`audit.json`), the private audit if given, and the département extracts in code
  /// order.
  /// - Complexity: two simplex solves per hidden cell.
  public static func run(
    survey: SurveyID, published: PublishedCells, structure: PublishedStructure, stated: PublishedAudit,
    privateAudit: PrivateAudit? = nil, extracts: [Extract] = []
  ) -> PublishedFolderAudit {
    var statedIntervals: [String: (Double, Double?)] = [:]
    for cell in stated.hidden where cell.interval.count >= 2 {
      statedIntervals[cell.cell] = (cell.interval[0] ?? .nan, cell.interval[1])
    }
    var secrets: [String: (value: Double, required: (Double, Double)?)] = [:]
    for cell in privateAudit?.hidden ?? [] {
      secrets[cell.cell] = (cell.value, cell.required.map { ($0[0], $0[1]) })
    }
    var audit = PublishedFolderAudit(problems: published.problems, cellCount: 0, hiddenCount: 0)
    var seen = Set<String>()
    var systems: [(cells: [String], equations: [[Int]])] = []
    for system in structure.systems {
      let ids = system.cells
      seen.formUnion(ids)
      guard
        system.equations.allSatisfy({ $0.allSatisfy { ids.indices.contains($0) } }),
        ids.allSatisfy({ published.cells[$0] != nil })
      else {
        audit.problems.append(
          "structure.json : le système de \(ids.first ?? "?") nomme une cellule absente de tableaux.csv")
        continue
      }
      systems.append((ids, system.equations))
    }
    let knowledge = AttackerKnowledge.builtIn(survey)
    let model = ReaderModel(structure: systems, published: published, knowledge: knowledge)
    for system in model.systems {
      audit.check(system, knowledge, statedIntervals, secrets)
    }
    audit.checkExtracts(extracts, against: published)
    for id in statedIntervals.keys where !seen.contains(id) {
      audit.problems.append("audit.json : la cellule \(id) n'est dans aucun système de structure.json")
    }
    if audit.problems.count > problemLimit {
      let more = audit.problems.count - problemLimit
      audit.problems = Array(audit.problems.prefix(problemLimit)) + ["… et \(more) autres problèmes"]
    }
    return audit
  }

  /// Every département extract shows each of its cells exactly as `tableaux.csv` does: an extract
  /// may not publish what the national file hides.
  private mutating func checkExtracts(_ extracts: [Extract], against published: PublishedCells) {
    for (code, extract) in extracts {
      guard let extract else {
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
    _ system: ReaderModel.System, _ knowledge: AttackerKnowledge, _ stated: [String: (Double, Double?)],
    _ secrets: [String: (value: Double, required: (Double, Double)?)]
  ) {
    let table = system.table
    let ids = table.cells.map(\.id)
    cellCount += ids.count
    let intervals: [(cell: Int, lower: Double, upper: Double?)]
    do {
      intervals = try PublishedIntervals.intervals(of: table, hidden: system.hidden)
    } catch .unbalancedPublishedEquation(let number) {
      problems.append(
        "structure.json : l'équation de \(ids[table.equations[number].total]) ne s'équilibre pas avec les valeurs publiées"
      )
      return
    } catch {
      problems.append("les valeurs publiées du système de \(ids.first ?? "?") sont incompatibles entre elles")
      return
    }
    hiddenCount += intervals.count
    let tolerance = 1e-6
    for (index, lower, upper) in intervals {
      let id = ids[index]
      let variable = String(id.prefix { $0 != "|" })
      let integral = table.cells[index].integral == true
      let exact =
        upper.map { upper in
          integral
            ? (upper + tolerance).rounded(.down) <= (lower - tolerance).rounded(.up)
            : upper - lower <= tolerance
        } ?? false
      if exact {
        problems.append(
          "\(id) : case secrète recalculable exactement à partir des fichiers publiés (\(knowledgeUsed(index, system)))"
        )
      }
      if knowledge.hiddenLowerBound(of: variable) != nil, let threshold = knowledge.threshold(of: variable),
        let upper, upper < Double(threshold) - tolerance
      {
        problems.append(
          "\(id) : un lecteur sait que cette case secrète est inférieure au seuil de \(threshold) (\(knowledgeUsed(index, system)))"
        )
      }
      if let (statedLower, statedUpper) = stated[id] {
        func tight(_ a: Double, _ b: Double) -> Bool { a > b + 1e-3 * max(1, abs(b)) }
        // A reader who knows more than audit.json says is a finding; so is an audit.json that
        // says more than a reader can derive (it would publish that knowledge).
        let narrower =
          tight(lower, statedLower)
          || (upper.map { upper in statedUpper.map { tight($0, upper) } ?? true } ?? false)
        let wider =
          tight(statedLower, lower)
          || (statedUpper.map { stated in upper.map { tight($0, stated) } ?? true } ?? false)
        if narrower {
          problems.append("\(id) : l'intervalle recalculé est plus étroit que celui d'audit.json")
        }
        if wider {
          problems.append(
            "\(id) : audit.json donne un intervalle plus étroit qu'un lecteur ne peut le déduire")
        }
      } else {
        problems.append("\(id) : case secrète absente d'audit.json")
      }
      if let secret = secrets[id], let required = secret.required {
        if lower > required.0 + tolerance || (upper.map { $0 < required.1 - tolerance } ?? false) {
          problems.append(
            "\(id) : protection insuffisante (l'intervalle ne couvre pas la protection requise ; \(knowledgeUsed(index, system)))"
          )
        }
      }
    }
  }

  /// The knowledge a reader had for the hidden cell `index`: the facts and bounds of the hidden
  /// cells tied to it (cell identifiers and rules, never a value).
  private func knowledgeUsed(_ index: Int, _ system: ReaderModel.System) -> String {
    let table = system.table
    var groups = DisjointSets(count: table.cells.count)
    for equation in table.equations { groups.link(equation.cells.lazy.filter { system.hidden[$0] }) }
    for constraint in table.constraints { groups.link(constraint.cells.lazy.filter { system.hidden[$0] }) }
    let root = groups.find(index)
    var used = ["équations des tableaux"]
    let tied = table.cells.indices.filter { system.hidden[$0] && groups.find($0) == root }
    if tied.contains(where: { table.cells[$0].knownLowerBound != nil }) { used.append("zéros publiés") }
    if tied.contains(where: { system.statuses[$0] != .secret }) { used.append("lettres de statut publiées") }
    var labels: [String] = []
    for constraint in table.constraints where constraint.cells.contains(where: { tied.contains($0) }) {
      if !labels.contains(constraint.knowledge) { labels.append(constraint.knowledge) }
    }
    return "connaissances : " + (used + labels.sorted()).joined(separator: ", ")
  }
}
