import Foundation

/// How dates and counts read in French output: dates in UTC, `3 rapports`. Numbers and rates:
/// ``FrenchNumber``.
public enum FrenchFormat {
  /// `2025-03-14 10:22 UTC`.
  public static func dateTime(_ date: Date) -> String {
    let formatter = DateFormatter()
    formatter.locale = Locale(identifier: "en_US_POSIX")
    formatter.timeZone = TimeZone(identifier: "UTC")
    formatter.dateFormat = "yyyy-MM-dd HH:mm 'UTC'"
    return formatter.string(from: date)
  }

  /// `30 juin 2026` (UTC), `1er juillet 2026`.
  public static func longDate(_ date: Date) -> String {
    var calendar = Calendar(identifier: .gregorian)
    calendar.timeZone = TimeZone(identifier: "UTC")!
    let parts = calendar.dateComponents([.year, .month, .day], from: date)
    let months = [
      "janvier", "février", "mars", "avril", "mai", "juin", "juillet", "août", "septembre", "octobre",
      "novembre", "décembre",
    ]
    let day = parts.day! == 1 ? "1er" : String(parts.day!)
    return "\(day) \(months[parts.month! - 1]) \(parts.year!)"
  }

  /// ISO 8601 in UTC (`2025-03-14T10:22:00Z`), for JSON.
  public static func iso(_ date: Date) -> String {
    let formatter = ISO8601DateFormatter()
    formatter.timeZone = TimeZone(identifier: "UTC")
    return formatter.string(from: date)
  }

  /// Reads `2025-03-14`, `2025-03-14T10:22:00Z` or `2025-03-14T10:22:00+01:00`.
  public static func parseDate(_ text: String) -> Date? {
    let formatter = ISO8601DateFormatter()
    if let date = formatter.date(from: text) { return date }
    formatter.formatOptions = [.withFullDate]
    return formatter.date(from: text)
  }

  /// `1 rapport` / `3 rapports`.
  public static func plural(_ count: Int, _ one: String, _ many: String) -> String {
    "\(count) \(count > 1 ? many : one)"
  }

  /// `a`, `a et b`, `a, b et c`.
  public static func list(_ items: [String]) -> String {
    guard let last = items.last else { return "" }
    return items.count == 1 ? last : items.dropLast().joined(separator: ", ") + " et " + last
  }
}
