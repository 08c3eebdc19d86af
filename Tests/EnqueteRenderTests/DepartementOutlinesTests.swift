import Foundation
import Testing

@testable import EnqueteRender

/// The map's outlines are what the project derives from the reference GeoJSON: projected,
/// simplified, every département present (`ENQUETE_RECORD=1` writes the derived file).
@Suite struct DepartementOutlinesTests {
  static let render = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
    .deletingLastPathComponent().deletingLastPathComponent().appendingPathComponent("Sources/EnqueteRender")

  @Test func theCommittedPathsAreDerivedFromTheReferenceGeoJSON() throws {
    let geoJSON = try Data(
      contentsOf: Self.render.appendingPathComponent("Reference/departements-101-drom-rapproches.geojson"))
    let derived = try DepartementOutlines.derive(geoJSON: geoJSON)
    let file = Self.render.appendingPathComponent("Charts/DepartementOutlines+Paths.swift")
    let text = """
      // Derived from Reference/departements-101-drom-rapproches.geojson by DepartementOutlinesTests
      // (ENQUETE_RECORD=1 writes it): do not edit.
      extension DepartementOutlines {
        static let encoded = \"\"\"
      \(derived.split(separator: "\n").map { "    " + $0 }.joined(separator: "\n"))
          \"\"\"
      }

      """
    if ProcessInfo.processInfo.environment["ENQUETE_RECORD"] == "1" {
      try Data(text.utf8).write(to: file)
    }
    #expect(try String(contentsOf: file, encoding: .utf8) == text)
    #expect(DepartementOutlines.decoded.paths.count == 101)
    #expect(DepartementOutlines.decoded.height > 0)
  }

  @Test func aStraightRunOfPointsSimplifiesToItsEnds() {
    let line = (0...10).map { (Double($0), 0.01 * Double($0 % 2)) } + [(5, 5)]
    #expect(DepartementOutlines.simplified(line).count == 3)
  }
}
