import EnqueteCore

/// An Office Open XML workbook (`.xlsx`) with one sheet per table: numbers as numbers with a
/// French-readable format (thousands grouped, a fixed number of decimals per column), text as
/// inline strings (never formulas), secret cells as the text `s`; a bold, frozen heading row and
/// column widths. Deterministic.
struct XLSXWorkbook {
  /// One sheet: its name (at most 31 characters), rows of cells (the first is the heading, frozen
  /// when `frozenHeading`), and column widths in characters.
  struct Sheet {
    var name: String
    var rows: [[Cell]]
    var widths: [Double] = []
    var frozenHeading = true
  }

  /// A cell: a number shown with `decimals` decimals (0, 1 or 2), or a text.
  enum Cell {
    case number(Double, decimals: Int)
    case text(String)
  }

  var sheets: [Sheet] = []

  /// The `.xlsx` file's bytes.
  func bytes() -> [UInt8] {
    var zip = ZipStore()
    let overrides = sheets.indices.map {
      "<Override PartName=\"/xl/worksheets/sheet\($0 + 1).xml\" ContentType=\"application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml\"/>"
    }.joined()
    zip.add(
      "[Content_Types].xml",
      xml(
        "<Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\"><Default Extension=\"rels\" ContentType=\"application/vnd.openxmlformats-package.relationships+xml\"/><Default Extension=\"xml\" ContentType=\"application/xml\"/><Override PartName=\"/xl/workbook.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml\"/><Override PartName=\"/xl/styles.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml\"/>\(overrides)</Types>"
      ))
    zip.add(
      "_rels/.rels",
      xml(
        "<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\"><Relationship Id=\"rId1\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument\" Target=\"xl/workbook.xml\"/></Relationships>"
      ))
    let sheetList = sheets.enumerated().map { index, sheet in
      "<sheet name=\"\(escaped(sheet.name))\" sheetId=\"\(index + 1)\" r:id=\"rId\(index + 1)\"/>"
    }.joined()
    zip.add(
      "xl/workbook.xml",
      xml(
        "<workbook xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\" xmlns:r=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships\"><sheets>\(sheetList)</sheets></workbook>"
      ))
    let relations = sheets.indices.map {
      "<Relationship Id=\"rId\($0 + 1)\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet\" Target=\"worksheets/sheet\($0 + 1).xml\"/>"
    }.joined()
    let stylesID = sheets.count + 1
    zip.add(
      "xl/_rels/workbook.xml.rels",
      xml(
        "<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">\(relations)<Relationship Id=\"rId\(stylesID)\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles\" Target=\"styles.xml\"/></Relationships>"
      ))
    zip.add(
      "xl/styles.xml",
      xml(
        "<styleSheet xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\"><numFmts count=\"1\"><numFmt numFmtId=\"164\" formatCode=\"#,##0.0\"/></numFmts><fonts count=\"2\"><font><sz val=\"11\"/><name val=\"Calibri\"/></font><font><b/><sz val=\"11\"/><name val=\"Calibri\"/></font></fonts><fills count=\"2\"><fill><patternFill patternType=\"none\"/></fill><fill><patternFill patternType=\"gray125\"/></fill></fills><borders count=\"1\"><border><left/><right/><top/><bottom/><diagonal/></border></borders><cellStyleXfs count=\"1\"><xf numFmtId=\"0\" fontId=\"0\" fillId=\"0\" borderId=\"0\"/></cellStyleXfs><cellXfs count=\"5\"><xf numFmtId=\"0\" fontId=\"0\" fillId=\"0\" borderId=\"0\" xfId=\"0\"/><xf numFmtId=\"0\" fontId=\"1\" fillId=\"0\" borderId=\"0\" xfId=\"0\" applyFont=\"1\" applyAlignment=\"1\"><alignment wrapText=\"1\" vertical=\"top\"/></xf><xf numFmtId=\"3\" fontId=\"0\" fillId=\"0\" borderId=\"0\" xfId=\"0\" applyNumberFormat=\"1\"/><xf numFmtId=\"164\" fontId=\"0\" fillId=\"0\" borderId=\"0\" xfId=\"0\" applyNumberFormat=\"1\"/><xf numFmtId=\"4\" fontId=\"0\" fillId=\"0\" borderId=\"0\" xfId=\"0\" applyNumberFormat=\"1\"/></cellXfs><cellStyles count=\"1\"><cellStyle name=\"Normal\" xfId=\"0\" builtinId=\"0\"/></cellStyles></styleSheet>"
      ))
    for (index, sheet) in sheets.enumerated() {
      zip.add("xl/worksheets/sheet\(index + 1).xml", worksheet(sheet))
    }
    return zip.bytes()
  }

  /// The style of a number with `decimals` decimals: built-in `#,##0` (3), `#,##0.0` (164),
  /// built-in `#,##0.00` (4).
  static func numberStyle(_ decimals: Int) -> Int { decimals <= 0 ? 2 : decimals == 1 ? 3 : 4 }

  private func worksheet(_ sheet: Sheet) -> [UInt8] {
    var out = "<worksheet xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\">"
    if sheet.frozenHeading {
      out +=
        "<sheetViews><sheetView workbookViewId=\"0\"><pane ySplit=\"1\" topLeftCell=\"A2\" activePane=\"bottomLeft\" state=\"frozen\"/></sheetView></sheetViews>"
    }
    if !sheet.widths.isEmpty {
      out += "<cols>"
      for (index, width) in sheet.widths.enumerated() {
        out +=
          "<col min=\"\(index + 1)\" max=\"\(index + 1)\" width=\"\(Self.number(width))\" customWidth=\"1\"/>"
      }
      out += "</cols>"
    }
    out += "<sheetData>"
    for (rowIndex, row) in sheet.rows.enumerated() {
      out += "<row r=\"\(rowIndex + 1)\">"
      for (columnIndex, cell) in row.enumerated() {
        let reference = Self.column(columnIndex) + String(rowIndex + 1)
        let style = rowIndex == 0 && sheet.frozenHeading ? " s=\"1\"" : ""
        switch cell {
        case .number(let value, let decimals):
          out += "<c r=\"\(reference)\" s=\"\(Self.numberStyle(decimals))\"><v>\(Self.number(value))</v></c>"
        case .text(let text):
          out +=
            "<c r=\"\(reference)\" t=\"inlineStr\"\(style)><is><t xml:space=\"preserve\">\(escaped(text))</t></is></c>"
        }
      }
      out += "</row>"
    }
    return xml(out + "</sheetData></worksheet>")
  }

  /// `A`, `B`, …, `Z`, `AA`…
  static func column(_ index: Int) -> String {
    var index = index
    var name = ""
    repeat {
      name = String(UnicodeScalar(UInt8(65 + index % 26))) + name
      index = index / 26 - 1
    } while index >= 0
    return name
  }

  /// A number as XML text: no exponent, at most two decimals.
  static func number(_ value: Double) -> String {
    Value.canonicalText(of: (value * 100).rounded() / 100)
  }

  private func xml(_ body: String) -> [UInt8] {
    Array(("<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n" + body).utf8)
  }

  private func escaped(_ text: String) -> String {
    var out = ""
    for scalar in text.unicodeScalars {
      switch scalar {
      case "&": out += "&amp;"
      case "<": out += "&lt;"
      case ">": out += "&gt;"
      case "\"": out += "&quot;"
      default:
        // XML 1.0 forbids most control characters.
        if scalar.value < 0x20 && scalar != "\t" && scalar != "\n" && scalar != "\r" { continue }
        out.unicodeScalars.append(scalar)
      }
    }
    return out
  }
}
