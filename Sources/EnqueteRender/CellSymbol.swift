import EnqueteCore

/// How a published cell reads in a table meant for people (the HTML pages, French Excel's CSV,
/// the xlsx): a number, or one of the symbols the methodology defines — `s` secret, `nd` not
/// available (nobody answered where services are expected), `-` nothing (no service or no
/// activity), or nothing at all where the table has no such cell.
enum CellSymbol: Equatable {
  /// A published value.
  case value(Double)
  /// `s`: hidden by statistical secrecy, whatever the reason.
  case secret
  /// `nd`: services are expected in the unit and none answered.
  case notAvailable
  /// `-`: a structural zero, or an indicator with nothing to compute.
  case nothing
  /// No cell (the table does not show this column at this unit).
  case absent

  /// The symbol of `cell`.
  init(_ cell: PublishedData.Cell?) {
    guard let cell else {
      self = .absent
      return
    }
    if cell.status.isSuppressed {
      self = .secret
    } else if cell.status == .notAvailable {
      self = .notAvailable
    } else if let value = cell.value, !(cell.status == .structuralZero && value == 0) {
      self = .value(value)
    } else {
      self = .nothing
    }
  }

  /// The symbol's text; nil for a value.
  var text: String? {
    switch self {
    case .value: nil
    case .secret: "s"
    case .notAvailable: "nd"
    case .nothing: "-"
    case .absent: ""
    }
  }
}
