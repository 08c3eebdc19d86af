import EnqueteCore

/// The départements as a tile-grid map (one square per département, placed as on a map of
/// France), coloured in five classes of a published value; a secret département is hatched, one
/// where nobody answered is dotted (`nd`), one without any activity grey and one without any
/// expected service white (a « zone blanche »). Each tile links to the département's extract.
public enum TileMap {
  /// One département's value.
  public struct Tile: Sendable {
    /// The département's code.
    public var code: String
    /// Its published value; nil when secret or absent.
    public var value: Double?
    /// Its status.
    public var status: CellStatus
    /// Whether no service at all is expected in the département (a « zone blanche »).
    public var noService: Bool

    /// Creates a tile.
    public init(code: String, value: Double?, status: CellStatus, noService: Bool = false) {
      self.code = code
      self.value = value
      self.status = status
      self.noService = noService
    }
  }

  /// The five classes' upper bounds: quintiles of the positive published values.
  static func bounds(_ values: [Double]) -> [Double] {
    let sorted = values.filter { $0 > 0 }.sorted()
    guard !sorted.isEmpty else { return [] }
    return (1...5).map {
      sorted[min(sorted.count - 1, Int((Double($0) / 5 * Double(sorted.count)).rounded(.up)) - 1)]
    }
  }

  /// The SVG map; `link` gives each département's page (relative URL), `name` its label.
  public static func svg(
    title: String, tiles: [Tile], link: (String) -> String?, name: (String) -> String
  ) -> String {
    let size = 38.0
    let gap = 3.0
    let positions = Geography.tiles
    let bounds = bounds(tiles.compactMap(\.value))
    let columns = (positions.values.map(\.column).max() ?? 0) + 1
    let lines = (positions.values.map(\.line).max() ?? 0) + 1
    let width = Double(columns) * (size + gap) + 170
    let height = Double(lines) * (size + gap) + 10
    var out = """
      <svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 \(SVGText.number(width)) \(SVGText.number(height))" \
      role="img" aria-label="\(SVGText.escaped(title))" class="carte"><title>\(SVGText.escaped(title))</title>\
      <defs><pattern id="hachures" width="6" height="6" patternUnits="userSpaceOnUse" \
      patternTransform="rotate(45)"><rect width="6" height="6" fill="#fff"/>\
      <line x1="0" y1="0" x2="0" y2="6" stroke="#6b6b6b" stroke-width="2"/></pattern>\
      <pattern id="points-nd" width="6" height="6" patternUnits="userSpaceOnUse">\
      <rect width="6" height="6" fill="#fff"/><circle cx="3" cy="3" r="1.3" fill="#6b6b6b"/></pattern></defs>
      """
    for tile in tiles.sorted(by: { $0.code < $1.code }) {
      guard let position = positions[tile.code] else { continue }
      let x = 4 + Double(position.column) * (size + gap)
      let y = 4 + Double(position.line) * (size + gap)
      let (fill, caption): (String, String)
      var dark = false
      if tile.status.isSuppressed {
        (fill, caption) = ("url(#hachures)", "secret statistique")
      } else if tile.status == .notAvailable {
        (fill, caption) = ("url(#points-nd)", "non disponible, aucun service attendu n'a répondu")
      } else if tile.noService {
        (fill, caption) = ("var(--zone-blanche)", "aucun service")
      } else if let value = tile.value, value > 0 {
        let index = bounds.firstIndex { value <= $0 } ?? 4
        (fill, caption) = ("var(--classe-\(index + 1))", FrenchNumber.cell(value))
        dark = index >= 3
      } else {
        (fill, caption) = ("var(--vide)", "néant")
      }
      var tileSVG = "<g><title>\(SVGText.escaped(name(tile.code))) : \(SVGText.escaped(caption))</title>"
      tileSVG +=
        "<rect x=\"\(SVGText.number(x))\" y=\"\(SVGText.number(y))\" width=\"\(SVGText.number(size))\" "
      tileSVG += "height=\"\(SVGText.number(size))\" rx=\"3\" style=\"fill:\(fill)\" class=\"tuile\"/>"
      tileSVG += "<text x=\"\(SVGText.number(x + size / 2))\" y=\"\(SVGText.number(y + size / 2 + 4))\" "
      tileSVG +=
        "text-anchor=\"middle\" class=\"code-tuile\(dark ? " sombre" : "")\">\(SVGText.escaped(tile.code))</text></g>"
      if let href = link(tile.code) {
        out += "<a href=\"\(SVGText.escaped(href))\">\(tileSVG)</a>"
      } else {
        out += tileSVG
      }
    }
    // Legend.
    let legendX = Double(columns) * (size + gap) + 16
    var lower = 1.0
    for (index, bound) in bounds.enumerated() {
      let y = 10 + Double(index) * 24
      out += "<rect x=\"\(SVGText.number(legendX))\" y=\"\(SVGText.number(y))\" width=\"18\" height=\"18\" "
      out += "style=\"fill:var(--classe-\(index + 1))\"/><text x=\"\(SVGText.number(legendX + 24))\" "
      out +=
        "y=\"\(SVGText.number(y + 14))\">\(FrenchNumber.cell(lower)) à \(FrenchNumber.cell(bound))</text>"
      lower = bound + 1
    }
    let others = [
      ("url(#hachures)", "secret statistique"), ("url(#points-nd)", "non disponible (nd)"),
      ("var(--vide)", "néant"), ("var(--zone-blanche)", "aucun service"),
    ]
    for (offset, (fill, label)) in others.enumerated() {
      let y = 10 + Double(bounds.count + offset) * 24
      out += "<rect x=\"\(SVGText.number(legendX))\" y=\"\(SVGText.number(y))\" width=\"18\" height=\"18\" "
      out += "style=\"fill:\(fill)\" class=\"tuile\"/><text x=\"\(SVGText.number(legendX + 24))\" "
      out += "y=\"\(SVGText.number(y + 14))\">\(label)</text>"
    }
    return out + "</svg>"
  }
}
