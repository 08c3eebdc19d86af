import EnqueteCore

/// Who a bearer token speaks for, and what it may reach.
///
/// - A **service** submits reports for its own SIRET(s) only.
/// - A **département** downloads its own extract of each publication, nothing else.
/// - A **statisticien** follows and reads everything of the surveys their institution owns (the
///   CNAF owns médiation familiale, the Justice ministry owns espaces de rencontre).
public enum Role: Sendable, Hashable {
  /// A mediation service or espace de rencontre, with the SIRETs it may submit for.
  case service(sirets: Set<String>)
  /// A département, by its code (`01`, `2A`, `971`).
  case departement(code: String)
  /// A statistician, with the surveys they own.
  case statisticien(surveys: Set<SurveyID>)

  /// The role's name as stored and shown (`service`, `departement`, `statisticien`).
  public var name: String {
    switch self {
    case .service: "service"
    case .departement: "departement"
    case .statisticien: "statisticien"
    }
  }

  /// The role's scope as stored: SIRETs, a code, or survey identifiers, comma-separated and sorted.
  public var scope: String {
    switch self {
    case .service(let sirets): sirets.sorted().joined(separator: ",")
    case .departement(let code): code
    case .statisticien(let surveys): surveys.map(\.rawValue).sorted().joined(separator: ",")
    }
  }

  /// The role a stored name and scope describe; nil when they do not make one.
  public init?(name: String, scope: String) {
    let parts = scope.split(separator: ",").map(String.init)
    switch name {
    case "service" where !parts.isEmpty: self = .service(sirets: Set(parts))
    case "departement" where parts.count == 1: self = .departement(code: parts[0])
    case "statisticien" where !parts.isEmpty:
      let surveys = parts.compactMap(SurveyID.init(rawValue:))
      guard surveys.count == parts.count else { return nil }
      self = .statisticien(surveys: Set(surveys))
    default: return nil
    }
  }

  /// Whether the role may submit a report for `siret`.
  public func maySubmit(for siret: String) -> Bool {
    if case .service(let sirets) = self { return sirets.contains(siret) }
    return false
  }

  /// Whether the role may follow `survey`'s campaigns (statisticians owning it).
  public func mayFollow(_ survey: SurveyID) -> Bool {
    if case .statisticien(let surveys) = self { return surveys.contains(survey) }
    return false
  }

  /// Whether the role may download département `code`'s extract of a `survey` publication: that
  /// département itself, or a statistician owning the survey.
  public func mayDownload(survey: SurveyID, departement code: String) -> Bool {
    switch self {
    case .departement(let own): own == code
    case .statisticien(let surveys): surveys.contains(survey)
    case .service: false
    }
  }
}
