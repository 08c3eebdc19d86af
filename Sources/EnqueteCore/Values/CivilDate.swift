/// A calendar date without time or time zone, as surveys use them (`date_agrement`, `date_fin`…).
///
/// Dates in submissions are civil dates: converting them through `Date` and a time zone invites
/// off-by-one errors, so enquete keeps year, month and day and counts days itself.
public struct CivilDate: Hashable, Comparable, Sendable, CustomStringConvertible {
  /// The year, e.g. 2024.
  public let year: Int
  /// The month, 1–12.
  public let month: Int
  /// The day of the month, 1–31.
  public let day: Int

  /// A date, or nil when the day does not exist (31 February, month 13…).
  public init?(year: Int, month: Int, day: Int) {
    guard (1...9999).contains(year), (1...12).contains(month),
      (1...CivilDate.daysIn(month: month, year: year)).contains(day)
    else { return nil }
    self.year = year
    self.month = month
    self.day = day
  }

  /// The date `dayNumber` days after 1970-01-01 (negative before it); meaningful for years 1–9999.
  public init(dayNumber: Int) {
    // Howard Hinnant's civil_from_days.
    let z = dayNumber + 719_468
    let era = (z >= 0 ? z : z - 146_096) / 146_097
    let doe = z - era * 146_097
    let yoe = (doe - doe / 1460 + doe / 36524 - doe / 146_096) / 365
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100)
    let mp = (5 * doy + 2) / 153
    let d = doy - (153 * mp + 2) / 5 + 1
    let m = mp < 10 ? mp + 3 : mp - 9
    self.year = yoe + era * 400 + (m <= 2 ? 1 : 0)
    self.month = m
    self.day = d
  }

  /// Days since 1970-01-01, so that differences of dates are differences of day numbers.
  public var dayNumber: Int {
    let y = month <= 2 ? year - 1 : year
    let era = (y >= 0 ? y : y - 399) / 400
    let yoe = y - era * 400
    let mp = month > 2 ? month - 3 : month + 9
    let doy = (153 * mp + 2) / 5 + day - 1
    let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy
    return era * 146_097 + doe - 719_468
  }

  /// ISO 8601 form, `2024-03-05`.
  public var iso: String { "\(pad(year, 4))-\(pad(month, 2))-\(pad(day, 2))" }

  /// French form, `05/03/2024`.
  public var french: String { "\(pad(day, 2))/\(pad(month, 2))/\(pad(year, 4))" }

  /// ISO 8601 form.
  public var description: String { iso }

  /// Reads `yyyy-mm-dd` or `dd/mm/yyyy` (also `d/m/yyyy`); nil for anything else.
  public init?(parsing input: some StringProtocol) {
    let text = Substring(input)
    let parts: [Substring]
    if text.contains("-") {
      parts = text.split(separator: "-", omittingEmptySubsequences: false)
      guard parts.count == 3, parts[0].count == 4, parts[1].count == 2, parts[2].count == 2,
        let y = Int(parts[0]), let m = Int(parts[1]), let d = Int(parts[2])
      else { return nil }
      self.init(year: y, month: m, day: d)
    } else {
      parts = text.split(separator: "/", omittingEmptySubsequences: false)
      guard parts.count == 3, (1...2).contains(parts[0].count), (1...2).contains(parts[1].count),
        parts[2].count == 4, let d = Int(parts[0]), let m = Int(parts[1]), let y = Int(parts[2])
      else { return nil }
      self.init(year: y, month: m, day: d)
    }
  }

  /// Whether `year` is a leap year of the Gregorian calendar.
  public static func isLeap(_ year: Int) -> Bool { year % 4 == 0 && (year % 100 != 0 || year % 400 == 0) }

  /// The number of days of a month.
  public static func daysIn(month: Int, year: Int) -> Int {
    switch month {
    case 2: isLeap(year) ? 29 : 28
    case 4, 6, 9, 11: 30
    default: 31
    }
  }

  /// Chronological order.
  public static func < (lhs: CivilDate, rhs: CivilDate) -> Bool {
    (lhs.year, lhs.month, lhs.day) < (rhs.year, rhs.month, rhs.day)
  }

  private func pad(_ value: Int, _ width: Int) -> String {
    let digits = String(value)
    return String(repeating: "0", count: max(0, width - digits.count)) + digits
  }
}
