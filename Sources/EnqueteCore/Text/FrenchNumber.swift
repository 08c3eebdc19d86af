/// Numbers as French tables print them: `12 345` (narrow no-break space between thousands),
/// `45,2` (decimal comma), deterministic whatever the machine's locale.
public enum FrenchNumber {
  /// The narrow no-break space that groups thousands.
  public static let groupSeparator = "\u{202F}"

  /// `value` with `decimals` digits after the comma, thousands grouped (`separator`).
  public static func text(_ value: Double, decimals: Int = 0, separator: String = groupSeparator) -> String {
    let scale = (0..<decimals).reduce(1.0) { value, _ in value * 10 }
    let scaled = (abs(value) * scale).rounded()
    let negative = value < 0 && scaled > 0
    let whole = Int(scaled / scale)
    let fraction = Int(scaled - Double(whole) * scale)
    var digits = String(whole)
    var grouped = ""
    while digits.count > 3 {
      grouped = separator + digits.suffix(3) + grouped
      digits.removeLast(3)
    }
    grouped = digits + grouped
    if decimals > 0 {
      let padded = String(fraction)
      grouped += "," + String(repeating: "0", count: decimals - padded.count) + padded
    }
    return (negative ? "-" : "") + grouped
  }

  /// The value as the tables show it: whole numbers without decimals, others with one decimal when
  /// that is exact, else two.
  public static func cell(_ value: Double, separator: String = groupSeparator) -> String {
    if value == value.rounded() || abs(value) >= 1000 { return text(value, separator: separator) }
    let tenths = value * 10
    return text(value, decimals: abs(tenths - tenths.rounded()) < 1e-9 ? 1 : 2, separator: separator)
  }

  /// `95,1 %`: a rate (0…1) as a percentage to one decimal, or `–` when there is no rate.
  public static func percent(_ rate: Double?) -> String {
    guard let rate else { return "–" }
    return text(rate * 100, decimals: 1) + " %"
  }

  /// `+0,4 point` / `-1,2 points`: the change of a share between two years.
  public static func points(from previous: Double?, to current: Double?) -> String? {
    guard let previous, let current else { return nil }
    return signedPoints(current - previous)
  }

  /// `+3 jours` / `-1,5 jour` / `stable`: the change of a duration in days between two years (a
  /// percentage of a number of days says little: 36 days to 36 read « +0,0 % »).
  public static func days(from previous: Double?, to current: Double?) -> String? {
    guard let previous, let current else { return nil }
    let change = current - previous
    guard abs(change) >= 0.05 else { return "stable" }
    let decimals = abs(change - change.rounded()) < 0.05 ? 0 : 1
    return (change >= 0 ? "+" : "") + text(change, decimals: decimals)
      + (abs(change) >= 2 ? " jours" : " jour")
  }

  /// `+3,2 %` / `-1,0 %` evolution from `previous` to `current`; nil when not computable.
  public static func evolution(from previous: Double?, to current: Double?) -> String? {
    guard let previous, let current, previous > 0 else { return nil }
    return signedPercent((current - previous) / previous * 100)
  }

  /// `+3,2 %` / `-1,0 %`: a change already in percent.
  public static func signedPercent(_ change: Double) -> String {
    (change >= 0 ? "+" : "") + text(change, decimals: 1) + " %"
  }

  /// `+0,4 point` / `-1,2 points`: a change already in points.
  public static func signedPoints(_ change: Double) -> String {
    (change >= 0 ? "+" : "") + text(change, decimals: 1) + (abs(change) >= 2 ? " points" : " point")
  }
}
