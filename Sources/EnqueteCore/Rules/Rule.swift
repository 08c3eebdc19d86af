/// A cross-field rule of a survey, as the rules file (`Schemas/v1/rules/*.rules.json`) declares it.
///
/// Adding a rule means adding an entry to that file: no Swift code. The kind gives the stable
/// diagnostic code; the French message stands beside the rule it explains.
public struct Rule: Hashable, Sendable, Identifiable {
  /// What sort of rule it is; each kind has its own stable diagnostic code.
  public enum Kind: String, Codable, Hashable, Sendable, CaseIterable {
    /// A total equals the sum of its breakdown.
    case sum
    /// A stock at the end equals the stock at the start plus the flows.
    case stockFlow = "stock-flow"
    /// A part does not exceed its whole (≤).
    case bound
    /// A soft plausibility check (a warning).
    case plausibility
    /// Dates of a detail row are in order.
    case dateOrder = "date-order"
    /// Other coherence conditions of a row.
    case consistency
    /// Counting the detail rows gives the report's figure.
    case detailCount = "detail-count"

    /// The stable code of the diagnostics this kind of rule emits.
    public var diagnosticCode: String {
      switch self {
      case .sum: "validate.sum-mismatch"
      case .stockFlow: "validate.stock-flow"
      case .bound: "validate.bound"
      case .plausibility: "validate.plausibility"
      case .dateOrder: "validate.date-order"
      case .consistency: "validate.inconsistent"
      case .detailCount: "validate.detail-mismatch"
      }
    }
  }

  /// Unique identifier, e.g. `mf.terminees-par-issue`.
  public let id: String
  /// Kind, which gives the diagnostic code.
  public let kind: Kind
  /// `error` rejects the report; `warning` accepts it with a remark.
  public let severity: Diagnostic.Severity
  /// The table whose rows it checks (`rapport` or `mesures`).
  public let table: String
  /// The rule applies only where this is true.
  public let when: Expression?
  /// The condition that must hold (for all kinds but `detail-count`).
  public let check: Expression?
  /// For `detail-count`: the detail table counted…
  public let detail: String?
  /// …the rows that satisfy this filter…
  public let count: Expression?
  /// …must number this (evaluated on the report).
  public let equals: Expression?
  /// French explanation for the sender.
  public let message: String

  /// The variable a diagnostic points at: the first one the rule reads.
  public var primaryVariable: String? {
    if let equals { return equals.variables.first }
    return check?.variables.first
  }

  /// Every variable the rule reads.
  public var variables: [String] {
    [when, check, count, equals].compactMap { $0 }.flatMap(\.variables)
  }
}
