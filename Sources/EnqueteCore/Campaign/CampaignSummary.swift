import Foundation

/// A campaign as `campaign list` shows it.
public struct CampaignSummary: Sendable, Hashable {
  /// The survey.
  public var survey: String
  /// The survey year.
  public var year: Int
  /// When it was opened.
  public var openedAt: Date
  /// When it was closed, nil while open.
  public var closedAt: Date?
  /// The directory's file name.
  public var directoryName: String
  /// Services in the directory.
  public var expectedCount: Int
  /// Expected services with a current accepted report.
  public var respondentCount: Int

  /// A campaign's summary (the ledger reads it).
  public init(
    survey: String, year: Int, openedAt: Date, closedAt: Date?, directoryName: String, expectedCount: Int,
    respondentCount: Int
  ) {
    self.survey = survey
    self.year = year
    self.openedAt = openedAt
    self.closedAt = closedAt
    self.directoryName = directoryName
    self.expectedCount = expectedCount
    self.respondentCount = respondentCount
  }

  /// Whether files may still come in.
  public var isOpen: Bool { closedAt == nil }
}
