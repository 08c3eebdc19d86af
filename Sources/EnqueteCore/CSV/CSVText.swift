/// The one CSV writer and the reader of enquete's own CSV files: RFC 4180 fields (quoted only
/// when they hold the delimiter, a quote or a line break; quotes doubled).
///
/// Submissions are read by `EnqueteIngest` (any encoding and dialect); this reads only what
/// enquete wrote (`tableaux.csv`, the département extracts), which is UTF-8 text.
public enum CSVText {
  /// A field, quoted when it holds `delimiter`, a quote or a line break.
  ///
  /// Looks at the UTF-8 bytes, not the `Character`s: `\r\n` is one `Character`, equal to neither
  /// `\r` nor `\n`, so a field holding a Windows line break went out unquoted; and the bytes are
  /// what a CSV reader splits on (scanning them is also what `tableaux.csv` and the extracts'
  /// thousands of fields cost least).
  /// - Complexity: O(bytes).
  public static func field(_ text: String, delimiter: Character = ",") -> String {
    let lineBreakOrQuote: (UInt8) -> Bool = { $0 == 0x22 || $0 == 0x0A || $0 == 0x0D }
    let needsQuotes =
      if let byte = delimiter.asciiValue {
        text.utf8.contains { $0 == byte || lineBreakOrQuote($0) }
      } else {
        text.contains(delimiter) || text.utf8.contains(where: lineBreakOrQuote)
      }
    guard needsQuotes else { return text }
    return "\"" + text.replacing("\"", with: "\"\"") + "\""
  }

  /// One record: the fields quoted when needed, joined by `delimiter`, ended by `terminator`.
  public static func line(
    _ fields: [String], delimiter: Character = ",", terminator: String = "\n"
  ) -> String {
    fields.map { field($0, delimiter: delimiter) }.joined(separator: String(delimiter)) + terminator
  }

  /// The fields of every record of an RFC 4180 text (comma, double quotes, `\n` or `\r\n`).
  ///
  /// Reads the UTF-8 bytes: every byte it looks for is ASCII, and a field is decoded once, at its
  /// end (walking `Character`s was a quarter of `enquete audit`, which reads `tableaux.csv` and 101
  /// extracts). A `\r` not followed by `\n` stays in its field, as before.
  /// - Complexity: O(bytes).
  public static func records(_ text: String) -> [[String]] {
    var records: [[String]] = []
    var fields: [String] = []
    var field: [UInt8] = []
    var quoted = false
    var afterQuote = false
    let bytes = Array(text.utf8)
    var index = 0
    func endField() {
      fields.append(String(decoding: field, as: UTF8.self))
      field.removeAll(keepingCapacity: true)
    }
    while index < bytes.count {
      let byte = bytes[index]
      index += 1
      if quoted {
        if byte == UInt8(ascii: "\"") {
          quoted = false
          afterQuote = true
        } else {
          field.append(byte)
        }
        continue
      }
      switch byte {
      case UInt8(ascii: "\""):
        if afterQuote { field.append(byte) }
        quoted = true
      case UInt8(ascii: ","):
        endField()
      case UInt8(ascii: "\r") where index < bytes.count && bytes[index] == UInt8(ascii: "\n"):
        index += 1
        fallthrough
      case UInt8(ascii: "\n"):
        endField()
        records.append(fields)
        fields = []
      default:
        field.append(byte)
      }
      afterQuote = false
    }
    if !field.isEmpty || !fields.isEmpty {
      endField()
      records.append(fields)
    }
    return records
  }
}
