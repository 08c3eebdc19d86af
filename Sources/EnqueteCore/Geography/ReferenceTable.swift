/// A small comma-separated table shipped with the package (no quotes, UTF-8, header first).
///
/// Only for the trusted reference files compiled into the binary; submissions go through the
/// ingestion stage's CSV reader.
struct ReferenceTable {
  /// Column names of the header line.
  let header: [String]
  /// Data rows, as many fields as the header.
  let rows: [[String]]

  init(bytes: [UInt8], name: String) {
    var lines = String(decoding: bytes, as: UTF8.self)
      .split(whereSeparator: \.isNewline)
      .map { $0.split(separator: ",", omittingEmptySubsequences: false).map(String.init) }
    precondition(!lines.isEmpty, "reference table \(name) is empty")
    header = lines.removeFirst()
    for line in lines {
      precondition(line.count == header.count, "reference table \(name): a row has \(line.count) fields")
    }
    rows = lines
  }

  /// The rows as dictionaries keyed by column name.
  var records: [[String: String]] {
    rows.map { Dictionary(uniqueKeysWithValues: zip(header, $0)) }
  }
}
