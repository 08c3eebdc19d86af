/// Text from user data made safe for spreadsheets: a cell that starts with `=`, `+`, `-`, `@`, a
/// tab or a carriage return is read as a formula by Excel and LibreOffice (formula injection);
/// a leading apostrophe makes it plain text, as OWASP recommends.
public enum SpreadsheetText {
  /// `text`, defused when a spreadsheet would read it as a formula.
  public static func defused(_ text: String) -> String {
    guard let first = text.unicodeScalars.first, "=+-@\t\r".unicodeScalars.contains(first) else {
      return text
    }
    return "'" + text
  }
}
