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

  /// Compares the previous publication (its `tableaux.csv` bytes) with the new one, cell by cell
  /// as the files show them.
  /// - Complexity: O(cells).
  public static func compare(
    previous: [UInt8], with current: PublishedData
  ) throws(PublishedData.Problem) -> RepublicationCheck {
    var before: [CellID: PublishedData.Cell] = [:]
    for cell in try PublishedData(csv: String(decoding: previous, as: UTF8.self)).cells
    where !cell.isIndicator {
      before[cell.id] = cell
    }
    var check = RepublicationCheck(revealed: [], changed: [], hiddenAgain: [])
    var seen = Set<CellID>()
    for cell in current.cells where !cell.isIndicator {
      guard seen.insert(cell.id).inserted, let old = before[cell.id] else { continue }
      let id = cell.id.description
      switch (old.status.isSuppressed, cell.status.isSuppressed) {
      case (true, false): check.revealed.append(id)
      case (false, true): check.hiddenAgain.append(id)
      case (false, false) where abs((old.value ?? 0) - (cell.value ?? 0)) > 0.005: check.changed.append(id)
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
