/// A level of the published geography, with the codes the open-data files use (`niveau`).
///
/// Régions and cours d'appel both group départements and do not nest: a publication that shows
/// both is one system of linked tables for the secrecy stage.
public enum GeographicLevel: String, Codable, Hashable, Sendable, CaseIterable, Comparable {
  /// France as a whole (code `FR`).
  case national
  /// A région (INSEE code).
  case region
  /// A cour d'appel's jurisdiction.
  case courAppel = "cour_appel"
  /// A département (official code).
  case departement
  /// One service (its SIRET); shown only in its département's extract.
  case service

  /// The code of the single national unit.
  public static let nationalCode = "FR"

  /// The French name of the level, as tables show it.
  public var frenchName: String {
    switch self {
    case .national: "France"
    case .region: "Région"
    case .courAppel: "Cour d'appel"
    case .departement: "Département"
    case .service: "Service"
    }
  }

  /// Levels order from the widest to the narrowest.
  public static func < (lhs: GeographicLevel, rhs: GeographicLevel) -> Bool {
    allCases.firstIndex(of: lhs)! < allCases.firstIndex(of: rhs)!
  }
}
