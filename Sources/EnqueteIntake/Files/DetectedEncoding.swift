import EnqueteCore

/// The text encoding of a submitted file, as the ledger records it: what a byte-order mark
/// announces; for XML, else what the declaration says (UTF-8 by default); for CSV, else ASCII,
/// UTF-8 when the bytes are valid UTF-8, and Windows-1252 otherwise (as the CSV reader decides).
public enum DetectedEncoding {
  /// The encoding of `bytes`, a file of `format`, as the ledger records it.
  public static func of(_ bytes: [UInt8], format: SubmissionFormat) -> String {
    if let (encoding, _) = TextEncoding.byteOrderMark(bytes) { return encoding.rawValue }
    switch format {
    case .xml:
      return declaredXMLEncoding(bytes.prefix(256)) ?? "UTF-8"
    case .csv:
      if bytes.allSatisfy({ $0 < 0x80 }) { return "ASCII" }
      return String(validating: bytes, as: UTF8.self) != nil
        ? TextEncoding.utf8.rawValue : TextEncoding.windows1252.rawValue
    }
  }

  /// The `encoding="…"` of an XML declaration, uppercased.
  static func declaredXMLEncoding(_ head: ArraySlice<UInt8>) -> String? {
    let text = String(decoding: head, as: UTF8.self)
    guard text.hasPrefix("<?xml"), let end = text.range(of: "?>"),
      let key = text[..<end.lowerBound].range(of: "encoding=")
    else { return nil }
    let rest = text[key.upperBound...]
    guard let quote = rest.first, quote == "\"" || quote == "'" else { return nil }
    let value = rest.dropFirst().prefix { $0 != quote }
    return value.isEmpty ? nil : value.uppercased()
  }
}
