import Foundation

/// The two CSV dialects enquete's contracts describe.
///
/// Readers accept far more (any of `;`, `,`, tab; several encodings; both date forms), but each
/// published Table Schema describes one dialect exactly, the way Table Schema can.
public enum CSVDialect: String, CaseIterable, Hashable, Sendable {
  /// Open-data CSV: UTF-8, comma, decimal point, ISO dates (data.gouv.fr's recommendation).
  case openData = "open-data"
  /// What French Excel saves: semicolon, decimal comma, `dd/mm/yyyy`, Windows-1252 or UTF-8 with BOM.
  case frenchExcel = "excel-fr"

  /// Field delimiter.
  public var delimiter: Character { self == .openData ? "," : ";" }
  /// Decimal separator.
  public var decimalChar: Character { self == .openData ? "." : "," }
  /// Thousands separator declared in the Table Schema (French files may write `1 234,5`).
  public var groupChar: Character? { self == .openData ? nil : " " }
  /// Date format in Table Schema's (strftime) notation, nil for ISO.
  public var dateFormat: String? { self == .openData ? nil : "%d/%m/%Y" }
  /// Suffix of the Table Schema file (`.schema.json` or `.fr.schema.json`).
  public var schemaSuffix: String { self == .openData ? ".schema.json" : ".fr.schema.json" }
  /// Spellings of true that the Table Schema lists.
  public var trueValues: [String] {
    self == .openData ? ["true", "1"] : ["oui", "Oui", "OUI", "O", "o", "1", "true", "TRUE", "vrai", "VRAI"]
  }
  /// Spellings of false that the Table Schema lists.
  public var falseValues: [String] {
    self == .openData
      ? ["false", "0"] : ["non", "Non", "NON", "N", "n", "0", "false", "FALSE", "faux", "FAUX"]
  }

  /// `value` written in this dialect (decimal comma, French dates, `oui`/`non`).
  public func write(_ value: Value) -> String {
    switch (self, value) {
    case (.frenchExcel, .number(let number)):
      Value.canonicalText(of: number, separator: ",")
    case (.frenchExcel, .date(let date)): date.french
    case (.frenchExcel, .boolean(let flag)): flag ? "oui" : "non"
    default: value.canonicalText
    }
  }
}
