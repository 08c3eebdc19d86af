/// One unit of the published geography: France, a région, a cour d'appel, a département or a
/// service, with the units it adds up into.
public struct GeographicUnit: Hashable, Sendable {
  /// Its level.
  public var level: GeographicLevel
  /// Its code (`FR`, INSEE région code, cour d'appel code, département code, SIRET).
  public var code: String
  /// Its French name.
  public var name: String
  /// The département it belongs to (its own code for a département; nil above).
  public var departementCode: String?

  /// Creates a unit.
  public init(level: GeographicLevel, code: String, name: String, departementCode: String?) {
    self.level = level
    self.code = code
    self.name = name
    self.departementCode = departementCode
  }

  /// `niveau|code`, unique in a publication.
  public var key: String { "\(level.rawValue)|\(code)" }
}

/// The units of a publication and how they add up.
public struct GeographicUnits: Sendable {
  /// Every unit, widest level first, then in code order (services by SIRET).
  public let units: [GeographicUnit]
  /// For each unit, the groups of units that add up to it: one per hierarchy (France is the sum
  /// of the régions and, separately, of the cours d'appel).
  public let childrenGroups: [[[Int]]]
  private let indexByKey: [String: Int]

  /// The units of `levels` over the reference geography, with `services` (code, name, département)
  /// under their départements.
  /// - Complexity: O(units).
  public init(levels: Set<GeographicLevel>, geography: Geography, services: [(String, String, String)]) {
    var units: [GeographicUnit] = []
    func add(_ level: GeographicLevel, _ code: String, _ name: String, _ departement: String?) {
      if levels.contains(level) {
        units.append(GeographicUnit(level: level, code: code, name: name, departementCode: departement))
      }
    }
    add(.national, GeographicLevel.nationalCode, "France", nil)
    for region in geography.regions { add(.region, region.code, region.name, nil) }
    for cour in geography.coursAppel { add(.courAppel, cour.code, cour.name, nil) }
    for departement in geography.departements {
      add(.departement, departement.code, departement.name, departement.code)
    }
    for (siret, name, departement) in services.sorted(by: { $0.0 < $1.0 }) {
      add(.service, siret, name, departement)
    }
    var indexByKey: [String: Int] = [:]
    for (index, unit) in units.enumerated() { indexByKey[unit.key] = index }
    var groups = [[[Int]]](repeating: [], count: units.count)
    func group(_ parent: String, _ children: [Int]) {
      if let index = indexByKey[parent], !children.isEmpty { groups[index].append(children) }
    }
    func indices(_ level: GeographicLevel) -> [Int] { units.indices.filter { units[$0].level == level } }
    let departementIndices = indices(.departement)
    let regionIndices = indices(.region)
    let courIndices = indices(.courAppel)
    let national = "\(GeographicLevel.national.rawValue)|\(GeographicLevel.nationalCode)"
    group(national, regionIndices)
    group(national, courIndices)
    if regionIndices.isEmpty && courIndices.isEmpty { group(national, departementIndices) }
    for index in regionIndices {
      group(
        units[index].key,
        departementIndices.filter {
          geography.departement(code: units[$0].code)?.regionCode == units[index].code
        })
    }
    for index in courIndices {
      group(
        units[index].key,
        departementIndices.filter {
          geography.departement(code: units[$0].code)?.courAppelCode == units[index].code
        })
    }
    for index in indices(.service) {
      if let departement = units[index].departementCode,
        let parent = indexByKey["\(GeographicLevel.departement.rawValue)|\(departement)"]
      {
        if let last = groups[parent].indices.last {
          groups[parent][last].append(index)
        } else {
          groups[parent].append([index])
        }
      }
    }
    self.units = units
    self.childrenGroups = groups
    self.indexByKey = indexByKey
  }

  /// The index of the unit with this level and code.
  public func index(_ level: GeographicLevel, _ code: String) -> Int? {
    indexByKey["\(level.rawValue)|\(code)"]
  }

  /// The units that take a service's figures: the service, its département, région, cour d'appel
  /// and France (those of the levels present).
  public func units(containing departementCode: String, siret: String, geography: Geography) -> [Int] {
    guard let departement = geography.departement(code: departementCode) else { return [] }
    return [
      index(.service, siret), index(.departement, departement.code), index(.region, departement.regionCode),
      index(.courAppel, departement.courAppelCode), index(.national, GeographicLevel.nationalCode),
    ].compactMap { $0 }
  }
}
