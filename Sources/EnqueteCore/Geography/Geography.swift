import Foundation

/// The reference geography: départements, régions, cours d'appel and how they group.
///
/// Régions and cours d'appel both group départements but do not nest: eleven cours d'appel straddle
/// two or three régions. Secrecy must therefore treat them as two hierarchies over the same cells.
public struct Geography: Sendable {
  /// The 101 départements, in the order of their codes.
  public let departements: [Departement]
  /// The 18 régions, in the order of their codes.
  public let regions: [Region]
  /// The cours d'appel, in the order of their codes.
  public let coursAppel: [CourAppel]

  private let departementsByCode: [String: Departement]
  private let regionsByCode: [String: Region]
  private let coursAppelByCode: [String: CourAppel]

  /// The geography shipped with the package (`Sources/EnqueteCore/Reference/`).
  public static let reference = Geography()

  private init() {
    let courOf = Dictionary(
      uniqueKeysWithValues: ReferenceTable(
        bytes: PackageResources.departements_cours_appel_csv, name: "departements_cours_appel"
      ).records.map { ($0["departement_code"]!, $0["cour_appel_code"]!) })
    departements = ReferenceTable(bytes: PackageResources.departements_csv, name: "departements")
      .records.map {
        let code = $0["code"]!
        guard let cour = courOf[code] else { preconditionFailure("département \(code) has no cour d'appel") }
        return Departement(code: code, name: $0["nom"]!, regionCode: $0["region_code"]!, courAppelCode: cour)
      }
    regions = ReferenceTable(bytes: PackageResources.regions_csv, name: "regions").records
      .map { Region(code: $0["code"]!, name: $0["nom"]!) }
    coursAppel = ReferenceTable(bytes: PackageResources.cours_appel_csv, name: "cours_appel").records
      .map { CourAppel(code: $0["code"]!, name: $0["nom"]!, seat: $0["siege"]!) }
      .sorted { $0.code < $1.code }
    departementsByCode = Dictionary(uniqueKeysWithValues: departements.map { ($0.code, $0) })
    regionsByCode = Dictionary(uniqueKeysWithValues: regions.map { ($0.code, $0) })
    coursAppelByCode = Dictionary(uniqueKeysWithValues: coursAppel.map { ($0.code, $0) })
  }

  /// The département of an exact official code (`01`, `2A`, `974`); nil when unknown.
  public func departement(code: String) -> Departement? { departementsByCode[code] }

  /// The région of an INSEE code; nil when unknown.
  public func region(code: String) -> Region? { regionsByCode[code] }

  /// The cour d'appel of a code; nil when unknown.
  public func courAppel(code: String) -> CourAppel? { coursAppelByCode[code] }

  /// The départements of a région, in code order.
  public func departements(inRegion code: String) -> [Departement] {
    departements.filter { $0.regionCode == code }
  }

  /// The départements of a cour d'appel's jurisdiction, in code order.
  public func departements(inCourAppel code: String) -> [Departement] {
    departements.filter { $0.courAppelCode == code }
  }

  /// The régions a cour d'appel's jurisdiction spreads over (one for most, two or three for some).
  public func regions(ofCourAppel code: String) -> [Region] {
    Set(departements(inCourAppel: code).map(\.regionCode)).sorted().compactMap { region(code: $0) }
  }

  /// Reads a département code as offices type it: `1` → `01`, `2a` → `2A`, ` 13 ` → `13`.
  ///
  /// Returns the normalised code and whether it differed from the input (the caller warns then),
  /// or nil when no département has that code.
  public func normalizeDepartementCode(_ raw: some StringProtocol) -> (code: String, changed: Bool)? {
    let trimmed =
      String(raw).unicodeScalars.allSatisfy({ $0 != " " && $0 != "\t" })
      ? String(raw) : raw.trimmingCharacters(in: .whitespaces)
    var code = trimmed.uppercased()
    if code.count == 1, code.allSatisfy(\.isASCII), code.first!.isNumber { code = "0" + code }
    guard departementsByCode[code] != nil else { return nil }
    return (code, code != String(raw))
  }
}
