import EnqueteCore
import Foundation

/// Everything the renderers draw from: the published data (this year and, for the evolution, the
/// earlier ones, with the key figures' changes at constant scope), the plan and catalog for the words, and the campaign's public facts (response
/// rate, files received, messages sent). Holds no secret value.
public struct ReportFacts: Sendable {
  /// The publication plan.
  public var plan: PublicationPlan
  /// The survey's catalog (variable labels).
  public var catalog: SurveyDefinition
  /// This year's published data.
  public var current: PublishedData
  /// The previous year's published data, when there was a publication.
  public var previous: PublishedData?
  /// Every earlier year's last publication, in increasing year order (the multi-year series).
  public var history: [PublishedData]
  /// The key figures' changes from the previous year at constant scope.
  public var constantScope: [ConstantScopeEvolution]
  /// Services with a current accepted report.
  public var respondents: Int
  /// Services the campaign expected.
  public var expected: Int
  /// Files received, by verdict.
  public var files: FileCounts
  /// Messages sent to services, by rule code and severity, most frequent first.
  public var messages: [MessageCount]
  /// `enquete <version>`.
  public var tool: String
  /// When the publication was recorded (the date the report gives); nil when not said.
  public var publishedAt: Date?
  /// The campaign's previous publication that this one replaces, and what changed since.
  public var revision: PublicationRevision?

  /// Files received by verdict.
  public struct FileCounts: Sendable, Hashable {
    /// All files.
    public var total: Int
    /// Files whose every report was accepted.
    public var accepted: Int
    /// Files with some reports accepted.
    public var partial: Int
    /// Files refused as a whole or with every report refused.
    public var refused: Int
    /// Current accepted reports.
    public var acceptedReports: Int

    /// Creates counts.
    public init(total: Int, accepted: Int, partial: Int, refused: Int, acceptedReports: Int) {
      self.total = total
      self.accepted = accepted
      self.partial = partial
      self.refused = refused
      self.acceptedReports = acceptedReports
    }
  }

  /// How many messages of one rule were sent.
  public struct MessageCount: Sendable, Hashable {
    /// The diagnostic code (`validate.sum-mismatch`…).
    public var code: String
    /// `error` or `warning`.
    public var severity: String
    /// How many.
    public var count: Int

    /// Creates a count.
    public init(code: String, severity: String, count: Int) {
      self.code = code
      self.severity = severity
      self.count = count
    }
  }

  /// Creates the facts.
  public init(
    plan: PublicationPlan, catalog: SurveyDefinition, current: PublishedData, previous: PublishedData?,
    respondents: Int, expected: Int, files: FileCounts, messages: [MessageCount], tool: String,
    history: [PublishedData]? = nil, constantScope: [ConstantScopeEvolution] = [], publishedAt: Date? = nil,
    revision: PublicationRevision? = nil
  ) {
    self.publishedAt = publishedAt
    self.revision = revision
    self.plan = plan
    self.catalog = catalog
    self.current = current
    self.previous = previous
    self.history = history ?? (previous.map { [$0] } ?? [])
    self.constantScope = constantScope
    self.respondents = respondents
    self.expected = expected
    self.files = files
    self.messages = messages
    self.tool = tool
  }
}
