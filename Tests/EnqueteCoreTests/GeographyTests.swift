import EnqueteCore
import Testing

@Suite struct GeographyTests {
  let geography = Geography.reference

  @Test func countsMatchTheReferenceLists() {
    #expect(geography.departements.count == 101)
    #expect(geography.regions.count == 18)
    #expect(geography.coursAppel.count == 37)
  }

  @Test func everyDepartementHasAKnownRegionAndCourAppel() {
    for departement in geography.departements {
      #expect(geography.region(code: departement.regionCode) != nil, "\(departement.code)")
      #expect(geography.courAppel(code: departement.courAppelCode) != nil, "\(departement.code)")
    }
  }

  @Test func coursAppelStraddlingRegionsAreTheElevenOfTheBrief() {
    let straddling = geography.coursAppel.filter { geography.regions(ofCourAppel: $0.code).count > 1 }.map(
      \.code)
    #expect(
      Set(straddling) == [
        "agen", "bourges", "dijon", "grenoble", "nimes", "paris", "pau", "poitiers", "rennes", "versailles",
        "saint-denis-reunion",
      ])
  }

  @Test func mayotteGoesToSaintDenis() {
    #expect(geography.departement(code: "976")?.courAppelCode == "saint-denis-reunion")
    #expect(geography.departement(code: "976")?.isOverseas == true)
  }

  @Test(arguments: [
    ("1", "01", true), ("01", "01", false), ("2a", "2A", true), ("2B", "2B", false), (" 13", "13", true),
    ("974", "974", false),
  ])
  func normalisesCodesAsOfficesTypeThem(raw: String, code: String, changed: Bool) {
    let result = geography.normalizeDepartementCode(raw)
    #expect(result?.code == code)
    #expect(result?.changed == changed)
  }

  @Test(arguments: ["96", "20", "975", "", "0", "2C", "100"])
  func refusesCodesNoDepartementHas(raw: String) {
    #expect(geography.normalizeDepartementCode(raw) == nil)
  }
}

@Suite struct ReferencePopulationTests {
  @Test func everyDepartementHasAPopulation() {
    for departement in Geography.reference.departements {
      #expect((ReferencePopulation.estimate2025.of(departement.code) ?? 0) > 0, "\(departement.code)")
    }
    #expect(ReferencePopulation.estimate2025.year == 2025)
  }
}

@Suite struct AdditiveToleranceTests {
  @Test func sumsOfManyAmountsBalanceDespiteRounding() throws {
    // 30 000 amounts with cents: their floating-point sum differs from the exact total in the last
    // digits, which must not make the table look inconsistent.
    let parts = (0..<30_000).map { Double(($0 * 7_919) % 9_999_999) / 100 }
    let exact = Double(parts.map { Int(($0 * 100).rounded()) }.reduce(0, +)) / 100
    var cells = [TableCell(id: "total", value: exact, contributors: parts.count)]
    cells += parts.enumerated().map { TableCell(id: "p\($0.offset)", value: $0.element, contributors: 1) }
    let table = try AdditiveTable(
      cells: cells, equations: [TableEquation(total: 0, parts: Array(1...parts.count))])
    #expect(table.unbalancedEquations() == [])
    // A real difference of one euro is still caught.
    var wrong = cells
    wrong[0].value += 1
    let broken = try AdditiveTable(cells: wrong, equations: table.equations)
    #expect(broken.unbalancedEquations() == [0])
  }
}
