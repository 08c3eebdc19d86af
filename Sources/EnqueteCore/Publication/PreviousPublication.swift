/// The publication a campaign already had, as a new publication of it must take into account:
/// a reader holds both (`EnqueteProtect`'s `RepublicationProtection`).
public struct PreviousPublication: Sendable {
  /// Its number in the ledger.
  public var number: Int64
  /// When it was published, as the messages give it (« 2026-01-15 10:00 UTC »).
  public var date: String
  /// The cells it hid (identifiers `variable|niveau|code`).
  public var hidden: Set<String>
  /// Reports whose figures are the same in both publications.
  public var unchanged: [ReportFigures]
  /// Reports of the previous publication that are no longer current (corrected or withdrawn).
  public var withdrawn: [ReportFigures]
  /// Reports of the new publication that the previous one did not have (late or corrected).
  public var added: [ReportFigures]
  /// What to do when protecting the new publication against it needs hiding cells it showed.
  public var policy: RepublicationPolicy

  /// The previous publication made from `before` (its hidden cells `hidden`), against the new
  /// one made from `now`: reports are matched on their whole figures, so a report sent again
  /// unchanged counts as unchanged.
  public init(
    number: Int64, date: String, hidden: Set<String>, before: [ReportFigures], now: [ReportFigures],
    policy: RepublicationPolicy
  ) {
    let previous = Set(before)
    let current = Set(now)
    self.number = number
    self.date = date
    self.hidden = hidden
    self.unchanged = now.filter { previous.contains($0) }
    self.withdrawn = before.filter { !current.contains($0) }
    self.added = now.filter { !previous.contains($0) }
    self.policy = policy
  }

  /// Whether any report differs between the two publications.
  public var hasChanges: Bool { !withdrawn.isEmpty || !added.isEmpty }
}

/// What `enquete publish` does when a new publication of a campaign, protected against the
/// previous one, would hide cells the previous one showed.
public enum RepublicationPolicy: String, Sendable, Hashable, CaseIterable {
  /// Refuse, and say the statistician's options (the default).
  case refuse = "refuser"
  /// Publish with those cells hidden (their previous value stays public).
  case hide = "masquer"
}
