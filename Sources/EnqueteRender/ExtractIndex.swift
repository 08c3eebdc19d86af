import EnqueteCore

/// Where each département extract's rows are in a publication, found in one pass over its cells
/// instead of one pass per département: the cells of every unit, and each département's services.
struct ExtractIndex {
  /// The positions (in the publication's order) of the cells of each unit, by `niveau|code`.
  private let cellsByUnit: [String: [Int]]
  /// The positions of each département's service cells.
  private let serviceCells: [String: [Int]]
  /// Each département's services by SIRET, with their names, in order of first appearance.
  private let servicesOf: [String: [(siret: String, name: String)]]
  /// The départements the publication has a row for.
  private let published: Set<String>

  /// Indexes `data`.
  /// - Complexity: O(cells).
  init(_ data: PublishedData) {
    var cellsByUnit: [String: [Int]] = [:]
    var serviceCells: [String: [Int]] = [:]
    var servicesOf: [String: [(siret: String, name: String)]] = [:]
    var seen = Set<String>()
    var published = Set<String>()
    for (position, cell) in data.cells.enumerated() {
      cellsByUnit[Self.key(cell.level, cell.code), default: []].append(position)
      if cell.level == .departement { published.insert(cell.code) }
      guard cell.level == .service, let departement = cell.departement else { continue }
      serviceCells[departement, default: []].append(position)
      if seen.insert(departement + "|" + cell.code).inserted {
        servicesOf[departement, default: []].append((cell.code, cell.name))
      }
    }
    self.cellsByUnit = cellsByUnit
    self.serviceCells = serviceCells
    self.servicesOf = servicesOf
    self.published = published
  }

  /// The services of `departement` that appear in the publication (none when the département has
  /// no row of its own).
  func services(of departement: String) -> [(siret: String, name: String)] {
    published.contains(departement) ? servicesOf[departement] ?? [] : []
  }

  /// The positions, in the publication's order, of the cells of `units` and of the services of
  /// `departement`.
  func rows(of units: [(GeographicLevel, String)], servicesOf departement: String) -> [Int] {
    var positions = units.flatMap { cellsByUnit[Self.key($0.0, $0.1)] ?? [] }
    if published.contains(departement) { positions += serviceCells[departement] ?? [] }
    return positions.sorted()
  }

  private static func key(_ level: GeographicLevel, _ code: String) -> String {
    level.rawValue + "|" + code
  }
}
