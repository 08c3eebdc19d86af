import EnqueteCore

/// One geographic hierarchy of a publication as a tree of codes: France, then the régions (or the
/// cours d'appel), their départements and the départements' services, as far down as `levels`
/// go. Codes carry their level (`R84`, `CA75`, `D01`, `S` + SIRET), so that a région and a
/// département with the same number stay apart.
struct GeographyTree {
  /// The tree, France as its total.
  let hierarchy: CodeHierarchy
  /// The publication unit of each code of ``hierarchy``, in its order.
  let units: [Int]

  /// The tree of `units` through `middle` (région or cour d'appel); nil when France is not there.
  /// - Complexity: O(units).
  init?(_ units: GeographicUnits, through middle: GeographicLevel, levels: Set<GeographicLevel>) {
    guard let national = units.index(.national, GeographicLevel.nationalCode) else { return nil }
    var hierarchy = CodeHierarchy(flat: [])
    var order = [national]
    func children(_ unit: Int, _ level: GeographicLevel) -> [Int] {
      guard levels.contains(level) else { return [] }
      return units.childrenGroups[unit].first { $0.first.map { units.units[$0].level == level } ?? false }
        ?? []
    }
    do {
      for top in children(national, middle) {
        let topPosition = try hierarchy.append(Self.code(units.units[top]), under: 0)
        order.append(top)
        for departement in children(top, .departement) {
          let position = try hierarchy.append(Self.code(units.units[departement]), under: topPosition)
          order.append(departement)
          for service in children(departement, .service) {
            try hierarchy.append(Self.code(units.units[service]), under: position)
            order.append(service)
          }
        }
      }
    } catch {
      return nil
    }
    self.hierarchy = hierarchy
    self.units = order
  }

  /// A unit's code in the tree.
  static func code(_ unit: GeographicUnit) -> String {
    switch unit.level {
    case .national: CodeHierarchy.totalCode
    case .region: "R" + unit.code
    case .courAppel: "CA" + unit.code
    case .departement: "D" + unit.code
    case .service: "S" + unit.code
    }
  }
}
