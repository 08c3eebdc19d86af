import EnqueteCore

/// What a new publication of a campaign changes against the previous one: a reader who holds both
/// can difference them. A cell secret before and published now reveals what was protected; a
/// published value that changed reveals the late or corrected reports behind the change.
public struct RepublicationCheck: Sendable, Hashable {
  /// Cells hidden in the previous publication and published in the new one.
  public var revealed: [String]
  /// Cells published in both with different values.
  public var changed: [String]
  /// Cells published before and hidden now (harmless: the old value stays known).
  public var hiddenAgain: [String]

  /// Compares the previous long CSV (`tableaux.csv` bytes) with the new publication's rows.
  /// - Complexity: O(cells).
  public static func compare(previous: [UInt8], with publication: Publication) throws -> RepublicationCheck {
    let before = try PublishedCells(bytes: previous).cells
    var check = RepublicationCheck(revealed: [], changed: [], hiddenAgain: [])
    var seen = Set<String>()
    for row in publication.rows {
      guard let id = row.cellID, seen.insert(id).inserted, let old = before[id] else { continue }
      switch (old.status.isSuppressed, row.status.isSuppressed) {
      case (true, false): check.revealed.append(id)
      case (false, true): check.hiddenAgain.append(id)
      case (false, false) where abs((old.value ?? 0) - (row.value ?? 0)) > 0.005: check.changed.append(id)
      default: break
      }
    }
    return check
  }

  /// French warnings for the statistician (cells named, never a value); empty when nothing to say.
  public func warnings(previousNumber: Int64, previousDate: String) -> [String] {
    var lines: [String] = []
    func sample(_ ids: [String]) -> String {
      ids.prefix(10).joined(separator: ", ") + (ids.count > 10 ? ", …" : "")
    }
    if !revealed.isEmpty {
      lines.append(
        "\(revealed.count) cellule(s) secrète(s) dans la publication n° \(previousNumber) du \(previousDate) "
          + "sont publiées cette fois : qui détient les deux versions les connaît [publish.republication-revele] "
          + "(\(sample(revealed)))")
    }
    if !changed.isEmpty {
      lines.append(
        "\(changed.count) valeur(s) publiée(s) ont changé depuis la publication n° \(previousNumber) : "
          + "leur différence porte sur les rapports reçus ou corrigés depuis [publish.republication-difference] "
          + "(\(sample(changed)))")
    }
    return lines
  }
}
