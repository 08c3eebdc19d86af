import EnqueteCore

/// Escaping and number formatting for inline SVG written by hand.
enum SVGText {
  /// Text escaped for XML content and attributes.
  static func escaped(_ text: String) -> String { XMLText.escape(text) }

  /// A coordinate with at most one decimal, stable across machines.
  static func number(_ value: Double) -> String {
    let rounded = (value * 10).rounded() / 10
    return rounded == rounded.rounded() ? String(Int(rounded)) : String(rounded)
  }

  /// `text` cut into lines of at most `width` characters, at spaces (a longer word stays whole);
  /// a last line that does not fit ends with `…` when lines are dropped by the caller.
  static func wrapped(_ text: String, width: Int) -> [String] {
    var lines: [String] = []
    var line = ""
    for word in text.split(separator: " ") {
      if !line.isEmpty && line.count + 1 + word.count > width {
        lines.append(line)
        line = ""
      }
      line += (line.isEmpty ? "" : " ") + word
    }
    if !line.isEmpty { lines.append(line) }
    return lines
  }
}
