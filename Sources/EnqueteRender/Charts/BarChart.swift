import EnqueteCore

/// A horizontal bar chart as inline SVG: one bar per category, its value and share written beside
/// it; a secret category is drawn hatched with `s`.
public enum BarChart {
  /// One bar.
  public struct Bar: Sendable {
    /// Its label.
    public var label: String
    /// Its value; nil when secret.
    public var value: Double?

    /// Creates a bar.
    public init(label: String, value: Double?) {
      self.label = label
      self.value = value
    }
  }

  /// The SVG of `bars`, titled `title` (for screen readers); shares are of `total` when given.
  public static func svg(title: String, bars: [Bar], total: Double?) -> String {
    let labelWidth = 230.0
    let barWidth = 260.0
    let rowHeight = 26.0
    let height = rowHeight * Double(bars.count) + 8
    let largest = bars.compactMap(\.value).max() ?? 0
    var out = """
      <svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 640 \(SVGText.number(height))" role="img" \
      aria-label="\(SVGText.escaped(title))" class="graphique"><title>\(SVGText.escaped(title))</title>
      """
    for (index, bar) in bars.enumerated() {
      let y = 4 + rowHeight * Double(index)
      out +=
        "<text x=\"\(SVGText.number(labelWidth - 8))\" y=\"\(SVGText.number(y + 17))\" text-anchor=\"end\">"
      out += SVGText.escaped(bar.label) + "</text>"
      guard let value = bar.value else {
        out +=
          "<rect x=\"\(SVGText.number(labelWidth))\" y=\"\(SVGText.number(y + 3))\" width=\"40\" height=\"18\" "
        out +=
          "class=\"secret\"/><text x=\"\(SVGText.number(labelWidth + 48))\" y=\"\(SVGText.number(y + 17))\">s</text>"
        continue
      }
      let width = largest > 0 ? max(1, value / largest * barWidth) : 0
      var caption = FrenchNumber.cell(value)
      if let total, total > 0 {
        caption += " (" + FrenchNumber.percent(value / total) + ")"
      }
      out +=
        "<rect x=\"\(SVGText.number(labelWidth))\" y=\"\(SVGText.number(y + 3))\" width=\"\(SVGText.number(width))\" "
      out += "height=\"18\" class=\"barre\"/>"
      out += "<text x=\"\(SVGText.number(labelWidth + width + 6))\" y=\"\(SVGText.number(y + 17))\">"
      out += SVGText.escaped(caption) + "</text>"
    }
    return out + "</svg>"
  }
}
