import EnqueteCore
import Foundation

/// How roles and surveys are named to a person, in French.
enum RoleText {
  /// `service (SIRET 123…, 456…)`, `département 01`, `statisticien (médiation familiale)`.
  static func describe(_ role: Role) -> String {
    switch role {
    case .service(let sirets): "service (SIRET \(sirets.sorted().joined(separator: ", ")))"
    case .departement(let code): "département \(code)"
    case .statisticien(let surveys):
      "statisticien (\(surveys.sorted().map(\.frenchName).joined(separator: ", ")))"
    }
  }

  /// A survey's name with its capital: `Médiation familiale`, `Espaces de rencontre`.
  static func title(_ survey: SurveyID) -> String {
    survey.frenchName.prefix(1).uppercased() + survey.frenchName.dropFirst()
  }

  /// A rate as French text: `95,1 %`, or `—` when nothing is expected.
  static func percent(_ rate: Double?) -> String {
    rate.map(FrenchNumber.percent) ?? "—"
  }

  /// A date and time as French text in UTC: `14/03/2025 10:00 UTC`.
  static func dateTime(_ date: Date) -> String {
    var calendar = Calendar(identifier: .gregorian)
    calendar.timeZone = TimeZone(identifier: "UTC")!
    let parts = calendar.dateComponents([.year, .month, .day, .hour, .minute], from: date)
    func two(_ value: Int?) -> String { value.map { $0 < 10 ? "0\($0)" : "\($0)" } ?? "00" }
    return
      "\(two(parts.day))/\(two(parts.month))/\(parts.year ?? 0) \(two(parts.hour)):\(two(parts.minute)) UTC"
  }

  /// A size as French text: `64 Mio`, `256 Kio`, `900 octets`.
  static func size(_ bytes: Int) -> String {
    if bytes >= 1 << 20, bytes % (1 << 20) == 0 { return "\(bytes >> 20) Mio" }
    if bytes >= 1 << 10 { return "\(bytes >> 10) Kio" }
    return "\(bytes) octets"
  }
}
