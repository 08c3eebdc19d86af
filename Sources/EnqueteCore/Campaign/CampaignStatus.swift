import Foundation

/// How many of a group's expected services have answered.
public struct ResponseRate: Sendable, Hashable {
  /// The group's code (département, région, cour d'appel), empty for the nation.
  public var code: String
  /// Its French name.
  public var name: String
  /// Services the directory expects.
  public var expected: Int
  /// Of which with a current accepted report.
  public var respondents: Int

  /// A rate.
  public init(code: String, name: String, expected: Int, respondents: Int) {
    self.code = code
    self.name = name
    self.expected = expected
    self.respondents = respondents
  }

  /// `respondents / expected`, nil when nothing is expected.
  public var rate: Double? { expected == 0 ? nil : Double(respondents) / Double(expected) }
}

/// An expected service to write to: it has not answered, or the last file it sent was refused.
public struct Reminder: Sendable, Hashable {
  /// Why it is written to.
  public enum Reason: String, Sendable, Hashable {
    /// Nothing received from it.
    case noAnswer = "aucune réponse"
    /// The last file holding one of its reports had none accepted (an earlier accepted version
    /// may still count).
    case lastFileRefused = "dernier fichier refusé"
  }

  /// The SIRET.
  public var siret: String
  /// The name in the directory.
  public var name: String
  /// Its département's code.
  public var departementCode: String
  /// Why.
  public var reason: Reason
  /// Whether it counts as a respondent all the same (an earlier accepted version is current).
  public var isRespondent: Bool

  /// A service to write to.
  public init(siret: String, name: String, departementCode: String, reason: Reason, isRespondent: Bool) {
    self.siret = siret
    self.name = name
    self.departementCode = departementCode
    self.reason = reason
    self.isRespondent = isRespondent
  }
}

/// Where a campaign stands: response rates nationally and by area, and whom to remind.
///
/// A **respondent** is a service of the directory with a current accepted report for the
/// campaign's survey and year. A service's **last file** is the last received file holding one of
/// its reports; it is refused when none of its reports in that file was accepted.
public struct CampaignStatus: Sendable, Hashable {
  /// The survey.
  public var survey: String
  /// The survey year.
  public var year: Int
  /// When it was opened.
  public var openedAt: Date
  /// When it was closed, nil while open.
  public var closedAt: Date?
  /// The whole directory.
  public var national: ResponseRate
  /// By région, in code order (régions with expected services only).
  public var byRegion: [ResponseRate]
  /// By département, in code order (départements with expected services only).
  public var byDepartement: [ResponseRate]
  /// By cour d'appel, in code order (espaces de rencontre only; empty otherwise).
  public var byCourAppel: [ResponseRate]
  /// Non-respondents and services whose last file was refused, by département then SIRET.
  public var reminders: [Reminder]
  /// SIRETs with a current accepted report that the directory does not list, sorted.
  public var unexpectedSirets: [String]
  /// Files received for the campaign (by their survey and year).
  public var fileCount: Int

  /// A campaign's status (the ledger computes it).
  public init(
    survey: String, year: Int, openedAt: Date, closedAt: Date?, national: ResponseRate,
    byRegion: [ResponseRate],
    byDepartement: [ResponseRate], byCourAppel: [ResponseRate], reminders: [Reminder],
    unexpectedSirets: [String],
    fileCount: Int
  ) {
    self.survey = survey
    self.year = year
    self.openedAt = openedAt
    self.closedAt = closedAt
    self.national = national
    self.byRegion = byRegion
    self.byDepartement = byDepartement
    self.byCourAppel = byCourAppel
    self.reminders = reminders
    self.unexpectedSirets = unexpectedSirets
    self.fileCount = fileCount
  }

  /// Services without a current accepted report.
  public var nonRespondents: [Reminder] { reminders.filter { !$0.isRespondent } }
  /// Services whose last file was refused.
  public var lastFileRefused: [Reminder] { reminders.filter { $0.reason == .lastFileRefused } }
}
