import EnqueteCore

/// The départements as a choropleth map (inline SVG, no external request): each coloured by the
/// class of its rate per 100 000 inhabitants; secret hatched, non-response (`nd`) dotted, a
/// département without activity grey and one without any expected service (a « zone blanche »)
/// white, each with its own legend entry. Paris and the petite couronne are repeated enlarged in
/// the top left corner. Every département is a link to its extract, reachable by keyboard, and named with
/// its figure for screen readers.
public enum ChoroplethMap {
  /// One département's figure.
  public struct Area: Sendable {
    /// The département's code.
    public var code: String
    /// Its published value; nil when secret or not available.
    public var value: Double?
    /// Its status.
    public var status: CellStatus
    /// Whether no service at all is expected in the département (a « zone blanche »).
    public var noService: Bool

    /// Creates an area.
    public init(code: String, value: Double?, status: CellStatus, noService: Bool = false) {
      self.code = code
      self.value = value
      self.status = status
      self.noService = noService
    }
  }

  /// What the map shows: its title, the rate's legend title and the population it divides by.
  public struct Legend: Sendable {
    /// The map's title.
    public var title: String
    /// The legend's title (what the rate counts, per how many inhabitants).
    public var rateTitle: String
    /// The denominator's source (« Insee, estimations de population au 1er janvier 2025 »).
    public var population: ReferencePopulation
  }

  /// The five classes' upper bounds: quintiles of the positive rates.
  static func bounds(_ rates: [Double]) -> [Double] {
    let sorted = rates.filter { $0 > 0 }.sorted()
    guard !sorted.isEmpty else { return [] }
    return (1...5).map {
      sorted[min(sorted.count - 1, Int((Double($0) / 5 * Double(sorted.count)).rounded(.up)) - 1)]
    }
  }

  /// The rate per 100 000 inhabitants of a published value, to one decimal.
  static func rate(_ value: Double, population: Int) -> Double {
    (value / Double(population) * 100_000 * 10).rounded() / 10
  }

  /// The SVG map; `link` gives each département's page (relative URL), `name` its label.
  public static func svg(
    _ legend: Legend, areas: [Area], link: (String) -> String?, name: (String) -> String
  ) -> String {
    let outlines = DepartementOutlines.decoded
    let rates = Dictionary(
      uniqueKeysWithValues: areas.compactMap { area -> (String, Double)? in
        guard !area.status.isSuppressed, let value = area.value, let people = legend.population.of(area.code)
        else { return nil }
        return (area.code, rate(value, population: people))
      })
    let bounds = bounds(Array(rates.values))
    let legendWidth = 230.0
    let width = DepartementOutlines.width + legendWidth
    let height = max(outlines.height, 330)
    var out = """
      <svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 \(SVGText.number(width)) \(SVGText.number(height))" \
      role="group" aria-labelledby="carte-titre" class="carte"><title id="carte-titre">\(SVGText.escaped(legend.title))</title>\
      <defs><pattern id="hachures" width="6" height="6" patternUnits="userSpaceOnUse" \
      patternTransform="rotate(45)"><rect width="6" height="6" fill="#fff"/>\
      <line x1="0" y1="0" x2="0" y2="6" stroke="#6b6b6b" stroke-width="2"/></pattern>\
      <pattern id="points-nd" width="5" height="5" patternUnits="userSpaceOnUse">\
      <rect width="5" height="5" fill="#fff"/><circle cx="2.5" cy="2.5" r="1.1" fill="#555"/></pattern></defs>
      """
    func style(_ area: Area) -> (fill: String, caption: String) {
      if area.status.isSuppressed { return ("url(#hachures)", "secret statistique") }
      if area.status == .notAvailable {
        return ("url(#points-nd)", "non disponible, aucun service attendu n'a répondu")
      }
      if area.noService { return ("var(--zone-blanche)", "aucun service") }
      guard let rate = rates[area.code], rate > 0 else { return ("var(--vide)", "néant") }
      let index = bounds.firstIndex { rate <= $0 } ?? 4
      return (
        "var(--classe-\(index + 1))",
        "\(FrenchNumber.text(rate, decimals: 1)) pour 100 000 habitants (\(FrenchNumber.cell(area.value ?? 0)))"
      )
    }
    func shape(_ area: Area, transform: String = "") -> String {
      guard let path = outlines.paths[area.code] else { return "" }
      let (fill, caption) = style(area)
      let label = "\(name(area.code)) : \(caption)"
      let body =
        "<path d=\"\(path)\" style=\"fill:\(fill)\" class=\"departement\"\(transform)><title>\(SVGText.escaped(label))</title></path>"
      guard let href = link(area.code) else { return body }
      return "<a href=\"\(SVGText.escaped(href))\" aria-label=\"\(SVGText.escaped(label))\">\(body)</a>"
    }
    let ordered = areas.sorted { $0.code < $1.code }
    out += "<g class=\"metropole\">" + ordered.map { shape($0) }.joined() + "</g>"
    // Paris and the petite couronne, enlarged in a box at the top left of the map (above the
    // overseas départements).
    let inset = ordered.filter { DepartementOutlines.insetCodes.contains($0.code) }
    if !inset.isEmpty {
      let (x, y, side, zoom) = (2.0, 2.0, 118.0, 4.5)
      out +=
        "<g class=\"encart\"><rect x=\"\(SVGText.number(x))\" y=\"\(SVGText.number(y))\" width=\"\(SVGText.number(side))\" "
      out +=
        "height=\"\(SVGText.number(side))\" class=\"cadre-encart\"/><text x=\"\(SVGText.number(x + 4))\" y=\"\(SVGText.number(y + 11))\" class=\"titre-encart\">"
      out += "Paris et petite couronne</text>"
      let transform =
        " transform=\"translate(\(SVGText.number(x + side / 2)) \(SVGText.number(y + side / 2 + 6))) scale(\(SVGText.number(zoom))) translate(\(SVGText.number(-Self.insetCentre.0)) \(SVGText.number(-Self.insetCentre.1)))\""
      out += inset.map { shape($0, transform: transform) }.joined() + "</g>"
    }
    // Legend: title and unit, the classes, then the other states.
    let legendX = DepartementOutlines.width + 16
    out += "<text x=\"\(SVGText.number(legendX))\" y=\"18\" class=\"titre-legende\">"
    for (number, line) in SVGText.wrapped(legend.rateTitle, width: 34).prefix(3).enumerated() {
      out +=
        "<tspan x=\"\(SVGText.number(legendX))\" dy=\"\(number == 0 ? 0 : 14)\">\(SVGText.escaped(line))</tspan>"
    }
    out += "</text>"
    var entries: [(String, String)] = []
    var lower = rates.values.filter { $0 > 0 }.min() ?? 0
    for (index, bound) in bounds.enumerated() {
      entries.append(
        (
          "var(--classe-\(index + 1))",
          "\(FrenchNumber.text(lower, decimals: 1)) à \(FrenchNumber.text(bound, decimals: 1))"
        ))
      lower = bound + 0.1
    }
    entries += [
      ("url(#hachures)", "secret statistique"), ("url(#points-nd)", "non disponible (nd)"),
      ("var(--vide)", "néant"), ("var(--zone-blanche)", "aucun service (zone blanche)"),
    ]
    for (offset, (fill, label)) in entries.enumerated() {
      let y = 58 + Double(offset) * 24
      out += "<rect x=\"\(SVGText.number(legendX))\" y=\"\(SVGText.number(y))\" width=\"18\" height=\"18\" "
      out += "style=\"fill:\(fill)\" class=\"departement\"/><text x=\"\(SVGText.number(legendX + 24))\" "
      out += "y=\"\(SVGText.number(y + 14))\">\(SVGText.escaped(label))</text>"
    }
    let sourceY = 58 + Double(entries.count) * 24 + 10
    for (number, line) in SVGText.wrapped(
      "Population : \(legend.population.source). Fond : IGN – ADMIN EXPRESS ; Insee – COG ; mise en forme france-geojson ; outre-mer rapprochés, hors échelle.",
      width: 40
    ).enumerated() {
      out +=
        "<text x=\"\(SVGText.number(legendX))\" y=\"\(SVGText.number(sourceY + Double(number) * 13))\" class=\"source-carte\">\(SVGText.escaped(line))</text>"
    }
    return out + "</svg>"
  }

  /// The centre of Paris and the petite couronne on the map (the middle of their extent).
  static let insetCentre: (Double, Double) = {
    let points = DepartementOutlines.insetCodes.flatMap { DepartementOutlines.points(of: $0) }
    guard let minX = points.map(\.0).min(), let maxX = points.map(\.0).max(),
      let minY = points.map(\.1).min(),
      let maxY = points.map(\.1).max()
    else { return (0, 0) }
    return ((minX + maxX) / 2, (minY + maxY) / 2)
  }()
}
