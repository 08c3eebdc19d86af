import EnqueteCore
import Foundation

/// Writes reports as an XML submission, the way a service's software would.
struct XMLSubmissionWriter {
  let survey: SurveyDefinition

  /// The document: `<rapports>` with one `<rapport>` per report, the detail inside when given.
  func render(
    _ reports: [SampleReport], sender: String?, detail: (SampleReport) -> [[String: Value]]
  ) -> String {
    var out = #"<?xml version="1.0" encoding="UTF-8"?>"# + "\n"
    out += #"<rapports xmlns="\#(survey.namespace)""#
    if let sender { out += #" emetteur="\#(XMLText.escape(sender))""# }
    out += ">\n"
    for report in reports {
      out += "  <rapport>\n"
      for variable in survey.report.submittedVariables {
        guard let value = report.values[variable.name] else { continue }
        out += "    <\(variable.name)>\(XMLText.escape(value.canonicalText))</\(variable.name)>\n"
      }
      if let table = survey.detail {
        let rows = detail(report)
        if !rows.isEmpty {
          out += "    <\(table.name)>\n"
          for row in rows {
            out += "      <mesure"
            for variable in table.submittedVariables where !survey.report.primaryKey.contains(variable.name) {
              guard let value = row[variable.name] else { continue }
              out += #" \#(variable.name)="\#(XMLText.escape(value.canonicalText))""#
            }
            out += "/>\n"
          }
          out += "    </\(table.name)>\n"
        }
      }
      out += "  </rapport>\n"
    }
    return out + "</rapports>\n"
  }
}

/// The byte encodings a CSV submission arrives in.
enum CSVEncoding: String {
  case utf8 = "UTF-8"
  case utf8BOM = "UTF-8 avec BOM"
  case windows1252 = "Windows-1252"

  func encode(_ text: String) -> [UInt8] {
    switch self {
    case .utf8: Array(text.utf8)
    case .utf8BOM: [0xEF, 0xBB, 0xBF] + Array(text.utf8)
    case .windows1252: Windows1252.encode(text)
    }
  }
}

/// Writes rows of one table as CSV in a dialect: header of the submitted variables, RFC 4180 quoting.
struct CSVSubmissionWriter {
  let table: TableDefinition
  let dialect: CSVDialect

  /// The text (before encoding); Excel's files end lines with CRLF, open-data ones with LF.
  func render(_ rows: [[String: Value]]) -> String {
    let newline = dialect == .frenchExcel ? "\r\n" : "\n"
    let columns = table.submittedVariables
    var out = CSVText.line(columns.map(\.name), delimiter: dialect.delimiter, terminator: newline)
    for row in rows {
      let fields = columns.map { column in
        guard let value = row[column.name] else { return "" }
        var text = dialect.write(value)
        if column.type == .departement, dialect == .frenchExcel, text.hasPrefix("0") {
          text.removeFirst()  // Excel reads 01 as the number 1 and saves it so.
        }
        return text
      }
      out += CSVText.line(fields, delimiter: dialect.delimiter, terminator: newline)
    }
    return out
  }
}
