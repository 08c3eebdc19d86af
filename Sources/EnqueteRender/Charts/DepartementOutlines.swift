import Foundation

/// The départements' outlines as SVG path data for the national report's map: projected and
/// simplified by the project from the reference GeoJSON (`Reference/`, overseas départements set
/// beside the mainland), and kept as a string literal (`DepartementOutlines+Paths.swift`) that
/// `DepartementOutlinesTests` derives again and compares.
enum DepartementOutlines {
  /// The map's width in SVG units.
  static let width = 600.0
  /// The largest distance, in SVG units, a simplified outline may stray from the original.
  static let tolerance = 0.4
  /// The départements of the Île-de-France inset (enlarged in a corner: Paris and the petite
  /// couronne are a few units wide on the national map).
  static let insetCodes: Set<String> = ["75", "92", "93", "94"]

  /// The map's height and each département's path data, read from ``encoded``.
  static let decoded: (height: Double, paths: [String: String]) = {
    var lines = encoded.split(separator: "\n").map(String.init)
    let height = Double(lines.removeFirst()) ?? 0
    var paths: [String: String] = [:]
    for line in lines {
      guard let space = line.firstIndex(of: " ") else { continue }
      paths[String(line[..<space])] = String(line[line.index(after: space)...])
    }
    return (height, paths)
  }()

  /// The points of a département's outline, read back from its path data (every ring's `Mx,y`
  /// then relative moves).
  static func points(of code: String) -> [(Double, Double)] {
    guard let path = decoded.paths[code] else { return [] }
    var points: [(Double, Double)] = []
    for ring in path.split(separator: "M") {
      let parts = ring.split(separator: "l", maxSplits: 1)
      let start = parts[0].split(separator: ",").compactMap { Double($0) }
      guard start.count == 2 else { continue }
      var current = (start[0], start[1])
      points.append(current)
      // Numbers are separated by a space, or start with their minus sign.
      let moves = parts.count > 1 ? String(parts[1].dropLast()) : ""
      let numbers = moves.replacingOccurrences(of: "-", with: " -").split(separator: " ").compactMap {
        Double($0)
      }
      for index in stride(from: 0, to: numbers.count - 1, by: 2) {
        current = (current.0 + numbers[index], current.1 + numbers[index + 1])
        points.append(current)
      }
    }
    return points
  }

  /// Why the GeoJSON cannot be read.
  struct Problem: Error, CustomStringConvertible {
    var description: String
  }

  /// The encoded outlines (height, then `code path` lines in code order) of a GeoJSON
  /// FeatureCollection of départements (`properties.code`; Polygon or MultiPolygon in lon/lat).
  /// - Complexity: O(points × log points) for the simplification.
  static func derive(geoJSON: Data) throws -> String {
    guard let root = try JSONSerialization.jsonObject(with: geoJSON) as? [String: Any],
      let features = root["features"] as? [[String: Any]]
    else { throw Problem(description: "not a FeatureCollection") }
    var shapes: [(code: String, polygons: [[[(Double, Double)]]])] = []
    for feature in features {
      guard let code = (feature["properties"] as? [String: Any])?["code"] as? String,
        let geometry = feature["geometry"] as? [String: Any], let type = geometry["type"] as? String
      else { throw Problem(description: "a feature without code or geometry") }
      let coordinates = geometry["coordinates"]
      let polygons: [Any]
      switch type {
      case "Polygon": polygons = [coordinates as Any]
      case "MultiPolygon": polygons = coordinates as? [Any] ?? []
      default: throw Problem(description: "\(code): geometry \(type)")
      }
      shapes.append(
        (
          code,
          try polygons.map { polygon in
            try (polygon as? [[[Double]]] ?? []).map { ring in
              try ring.map { point in
                guard point.count >= 2 else {
                  throw Problem(description: "\(code): a point without two numbers")
                }
                return (point[0], point[1])
              }
            }
          }
        ))
    }
    // Equirectangular at France's mean latitude: at this scale indistinguishable from Lambert-93.
    let factor = cos(46.5 * .pi / 180)
    let points = shapes.flatMap { $0.polygons.flatMap { $0.flatMap { $0 } } }
    guard let minX = points.map({ $0.0 * factor }).min(), let maxX = points.map({ $0.0 * factor }).max(),
      let minY = points.map({ -$0.1 }).min(), let maxY = points.map({ -$0.1 }).max(), maxX > minX
    else { throw Problem(description: "no point") }
    let margin = 4.0
    let scale = (width - 2 * margin) / (maxX - minX)
    let height = ((maxY - minY) * scale + 2 * margin).rounded()
    func project(_ point: (Double, Double)) -> (Double, Double) {
      ((point.0 * factor - minX) * scale + margin, (-point.1 - minY) * scale + margin)
    }
    var out = "\(Int(height))\n"
    for shape in shapes.sorted(by: { $0.code < $1.code }) {
      let rings = shape.polygons.flatMap { $0 }.map { simplified($0.map(project)) }.filter { $0.count >= 3 }
      out += shape.code + " " + rings.map(pathData).joined() + "\n"
    }
    return out
  }

  /// `Mx,y` then relative moves `dx dy` in tenths of a unit, rounded once on the absolute
  /// positions (no drift), `Z`: about half the size of absolute coordinates.
  static func pathData(_ ring: [(Double, Double)]) -> String {
    func text(_ tenths: Int) -> String {
      let sign = tenths < 0 ? "-" : ""
      let magnitude = abs(tenths)
      return sign + (magnitude % 10 == 0 ? "\(magnitude / 10)" : "\(magnitude / 10).\(magnitude % 10)")
    }
    let rounded = ring.map { (Int(($0.0 * 10).rounded()), Int(($0.1 * 10).rounded())) }
    guard let first = rounded.first else { return "" }
    var out = "M\(text(first.0)),\(text(first.1))l"
    var previous = first
    for (index, point) in rounded.enumerated().dropFirst() {
      let dx = text(point.0 - previous.0)
      let dy = text(point.1 - previous.1)
      out += (index > 1 && !dx.hasPrefix("-") ? " " : "") + dx + (dy.hasPrefix("-") ? "" : " ") + dy
      previous = point
    }
    return out + "z"
  }

  /// Douglas–Peucker: the fewest points of `ring` within ``tolerance`` of it (closing point
  /// dropped).
  static func simplified(_ ring: [(Double, Double)]) -> [(Double, Double)] {
    var points = ring
    if let first = points.first, let last = points.last, first == last { points.removeLast() }
    guard points.count > 3 else { return points }
    var keep = [Bool](repeating: false, count: points.count)
    keep[0] = true
    keep[points.count - 1] = true
    var stack = [(0, points.count - 1)]
    while let (start, end) = stack.popLast() {
      guard end > start + 1 else { continue }
      let (ax, ay) = points[start]
      let (bx, by) = points[end]
      let length = max(hypot(bx - ax, by - ay), 1e-12)
      var farthest = start
      var distance = 0.0
      for index in (start + 1)..<end {
        let (px, py) = points[index]
        let away =
          hypot(bx - ax, by - ay) < 1e-12
          ? hypot(px - ax, py - ay) : abs((bx - ax) * (ay - py) - (ax - px) * (by - ay)) / length
        if away > distance {
          distance = away
          farthest = index
        }
      }
      if distance > tolerance {
        keep[farthest] = true
        stack.append((start, farthest))
        stack.append((farthest, end))
      }
    }
    return points.indices.filter { keep[$0] }.map { points[$0] }
  }
}
