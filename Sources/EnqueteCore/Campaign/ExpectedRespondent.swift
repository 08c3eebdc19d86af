/// A service a campaign expects an answer from: one line of the directory (`annuaire`) the
/// statistician opens the campaign with.
public struct ExpectedRespondent: Hashable, Sendable {
  /// The service's SIRET (14 digits, Luhn key checked).
  public var siret: String
  /// Its name, as the directory gives it (for the reminder mail merge).
  public var name: String
  /// The official code of its département (`01`, `2A`, `974`).
  public var departementCode: String

  /// An expected respondent.
  public init(siret: String, name: String, departementCode: String) {
    self.siret = siret
    self.name = name
    self.departementCode = departementCode
  }
}
