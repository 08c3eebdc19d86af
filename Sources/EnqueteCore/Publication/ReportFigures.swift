/// One current accepted report as the aggregation stage reads it from the ledger: who the
/// service is, where, and its additive figures. Confidential: never logged.
public struct ReportFigures: Sendable, Hashable {
  /// The service's SIRET.
  public var siret: String
  /// Its name (shown in its own département's extract).
  public var name: String
  /// Its département's official code.
  public var departementCode: String
  /// Its numeric values, by variable name (missing optional variables are absent).
  public var numbers: [String: Double]
  /// Its per-measure waiting data, when it sent the detail (empty otherwise).
  public var measures: [MeasureDates]
  /// Whether it is not a report but an imputation of a non-respondent (its last accepted report
  /// carried forward, when the plan asks for it).
  public var imputed: Bool

  /// Creates a report's figures.
  public init(
    siret: String, name: String, departementCode: String, numbers: [String: Double],
    measures: [MeasureDates] = [], imputed: Bool = false
  ) {
    self.imputed = imputed
    self.siret = siret
    self.name = name
    self.departementCode = departementCode
    self.numbers = numbers
    self.measures = measures
  }
}

/// The dates of one measure that waiting-time statistics need.
public struct MeasureDates: Sendable, Hashable {
  /// When the service received the decision.
  public var reception: CivilDate?
  /// The first visit, if it took place.
  public var firstVisit: CivilDate?
  /// When the measure ended, if it did.
  public var end: CivilDate?

  /// Creates a measure's dates.
  public init(reception: CivilDate?, firstVisit: CivilDate?, end: CivilDate?) {
    self.reception = reception
    self.firstVisit = firstVisit
    self.end = end
  }

  /// The wait from receipt to first visit in days, observed when the visit took place; otherwise
  /// censored at the end of the measure or at `censoredAt` (31 December), whichever is earlier.
  /// Nil when the receipt date is unknown.
  public func wait(censoredAt: CivilDate) -> (days: Int, observed: Bool)? {
    guard let reception else { return nil }
    if let firstVisit { return (firstVisit.dayNumber - reception.dayNumber, true) }
    let stop = min(end ?? censoredAt, censoredAt)
    return (max(0, stop.dayNumber - reception.dayNumber), false)
  }
}
