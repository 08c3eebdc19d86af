import EnqueteCore
import Testing

@testable import EnqueteRender

/// The map tells apart a rate, the secret, non-response and a zone blanche, links every
/// département to its extract, and colours by rate per inhabitant, not by count.
@Suite struct ChoroplethMapTests {
  static let legend = ChoroplethMap.Legend(
    title: "Carte", rateTitle: "Médiations pour 100 000 habitants", population: .estimate2025)

  static func svg(_ areas: [ChoroplethMap.Area]) -> String {
    ChoroplethMap.svg(legend, areas: areas, link: { "departements/\($0)/index.html" }, name: { $0 })
  }

  @Test func everyStateHasItsOwnFillAndEveryDepartementALink() {
    let areas = Geography.reference.departements.map { departement in
      switch departement.code {
      case "28": ChoroplethMap.Area(code: "28", value: nil, status: .notAvailable)
      case "48": ChoroplethMap.Area(code: "48", value: nil, status: .secret)
      case "2A": ChoroplethMap.Area(code: "2A", value: 0, status: .structuralZero, noService: true)
      case "2B": ChoroplethMap.Area(code: "2B", value: 0, status: .structuralZero)
      default: ChoroplethMap.Area(code: departement.code, value: 100, status: .publishable)
      }
    }
    let svg = Self.svg(areas)
    #expect(svg.components(separatedBy: "<a href=").count - 1 == 101 + 4)  // the inset repeats four
    #expect(svg.contains("aria-label=\"28 : non disponible"))
    #expect(svg.contains("aria-label=\"48 : secret statistique\""))
    #expect(svg.contains("aria-label=\"2A : aucun service\""))
    #expect(svg.contains("aria-label=\"2B : néant\""))
    #expect(svg.contains("Médiations pour 100 000 habitants"))
    #expect(svg.contains("style=\"fill:url(#hachures)\" class=\"departement\"><title>48 :"))
    #expect(svg.contains("style=\"fill:url(#points-nd)\" class=\"departement\"><title>28 :"))
  }

  /// Lozère (about 77 000 inhabitants) and the Nord (2.6 million) with the same count: the
  /// Lozère's rate is far higher.
  @Test func theColourIsTheRatePerInhabitant() {
    let lozere = ChoroplethMap.rate(100, population: ReferencePopulation.estimate2025.of("48")!)
    let nord = ChoroplethMap.rate(100, population: ReferencePopulation.estimate2025.of("59")!)
    #expect(lozere > 30 * nord)
  }
}
