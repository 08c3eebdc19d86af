import EnqueteCore

/// Small multiples of a few national figures over the years, as inline SVG: one panel per
/// figure, one bar per year with its value.
public enum EvolutionChart {
  /// One figure over the years.
  public struct Series: Sendable {
    /// Its label.
    public var label: String
    /// Its values by year, in increasing year order; nil when not published.
    public var values: [(year: Int, value: Double?)]

    /// Creates a series.
    public init(label: String, values: [(year: Int, value: Double?)]) {
      self.label = label
      self.values = values
    }
  }

  /// The SVG of `series`, three panels per row.
  public static func svg(title: String, series: [Series]) -> String {
    let panelWidth = 210.0
    let panelHeight = 170.0
    let columns = 3
    let rows = (series.count + columns - 1) / columns
    var out = """
      <svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 \(SVGText.number(panelWidth * Double(columns))) \
      \(SVGText.number(panelHeight * Double(max(rows, 1))))" role="img" aria-label="\(SVGText.escaped(title))" \
      class="graphique"><title>\(SVGText.escaped(title))</title>
      """
    for (index, figure) in series.enumerated() {
      let originX = panelWidth * Double(index % columns)
      let originY = panelHeight * Double(index / columns)
      out +=
        "<text x=\"\(SVGText.number(originX + 8))\" y=\"\(SVGText.number(originY + 14))\" class=\"titre-panneau\">"
      for (number, line) in SVGText.wrapped(figure.label, width: 30).prefix(2).enumerated() {
        out +=
          "<tspan x=\"\(SVGText.number(originX + 8))\" dy=\"\(number == 0 ? 0 : 14)\">\(SVGText.escaped(line))</tspan>"
      }
      out += "</text>"
      let largest = figure.values.compactMap(\.value).max() ?? 0
      let barWidth = 44.0
      for (position, point) in figure.values.enumerated() {
        let x = originX + 20 + Double(position) * (barWidth + 24)
        let base = originY + panelHeight - 22
        out +=
          "<text x=\"\(SVGText.number(x + barWidth / 2))\" y=\"\(SVGText.number(base + 16))\" text-anchor=\"middle\">"
        out += "\(point.year)</text>"
        guard let value = point.value else {
          out += "<text x=\"\(SVGText.number(x + barWidth / 2))\" y=\"\(SVGText.number(base - 6))\" "
          out += "text-anchor=\"middle\">s</text>"
          continue
        }
        let height = largest > 0 ? max(1, value / largest * (panelHeight - 82)) : 0
        out +=
          "<rect x=\"\(SVGText.number(x))\" y=\"\(SVGText.number(base - height))\" width=\"\(SVGText.number(barWidth))\" "
        out +=
          "height=\"\(SVGText.number(height))\" class=\"barre\(position == figure.values.count - 1 ? "" : " passee")\"/>"
        out += "<text x=\"\(SVGText.number(x + barWidth / 2))\" y=\"\(SVGText.number(base - height - 5))\" "
        out += "text-anchor=\"middle\" class=\"petit\">\(SVGText.escaped(FrenchNumber.cell(value)))</text>"
      }
    }
    return out + "</svg>"
  }
}
