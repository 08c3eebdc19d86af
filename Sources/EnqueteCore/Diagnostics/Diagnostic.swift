/// Where a problem was found: a file, and where known a line, a column, a report and a variable.
public struct SourceLocation: Hashable, Sendable, Codable {
  /// The file as the user named it.
  public var file: String
  /// 1-based line, when known.
  public var line: Int?
  /// 1-based column, when known (CSV fields, XML well-formedness errors).
  public var column: Int?

  /// A location in `file`.
  public init(file: String, line: Int? = nil, column: Int? = nil) {
    self.file = file
    self.line = line
    self.column = column
  }

  /// `file:line:col`, leaving out what is unknown.
  public var text: String {
    var text = file
    if let line { text += ":\(line)" }
    if let line = line, let column, line > 0 { text += ":\(column)" }
    return text
  }
}

/// A problem found in a submission, written for the service that must fix it.
///
/// Messages are in French and say what was found and what is expected; `code` is stable so that
/// programs (the portal, tests, mail merges) can act on it.
public struct Diagnostic: Hashable, Sendable, Codable {
  /// How serious it is.
  public enum Severity: String, Hashable, Sendable, Codable, Comparable {
    /// Informs (what was detected: encoding, delimiter…).
    case note
    /// Accepted, but worth checking.
    case warning
    /// Rejects the report, or the whole file when it cannot be read.
    case error

    /// The French word used in `file:line: erreur: …` lines.
    public var frenchLabel: String {
      switch self {
      case .note: "note"
      case .warning: "avertissement"
      case .error: "erreur"
      }
    }

    private var rank: Int {
      switch self {
      case .note: 0
      case .warning: 1
      case .error: 2
      }
    }

    /// Notes < warnings < errors.
    public static func < (lhs: Severity, rhs: Severity) -> Bool { lhs.rank < rhs.rank }
  }

  /// How serious it is.
  public var severity: Severity
  /// Stable machine code, e.g. `validate.sum-mismatch`.
  public var code: String
  /// French message for the sender.
  public var message: String
  /// Where.
  public var location: SourceLocation
  /// The report it concerns (its SIRET as written), when the file carries several.
  public var report: String?
  /// The variable it concerns, when one does.
  public var variable: String?
  /// The rule that found it, for cross-field rules.
  public var rule: String?

  /// A diagnostic.
  public init(
    _ severity: Severity, code: String, message: String, location: SourceLocation,
    report: String? = nil, variable: String? = nil, rule: String? = nil
  ) {
    self.severity = severity
    self.code = code
    self.message = message
    self.location = location
    self.report = report
    self.variable = variable
    self.rule = rule
  }

  /// The conventional one-line form: `file:line:col: erreur: message [code]`.
  public var line: String {
    var text = "\(location.text): \(severity.frenchLabel): "
    if let report { text += "rapport \(report) : " }
    return text + "\(message) [\(code)]"
  }
}
