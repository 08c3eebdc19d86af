import EnqueteCore
import Foundation
import Testing

@testable import EnqueteRender

@Suite struct FormatTests {
  @Test func frenchNumbersGroupThousandsAndUseADecimalComma() {
    #expect(FrenchNumber.text(1_234_567) == "1\u{202F}234\u{202F}567")
    #expect(FrenchNumber.text(999) == "999")
    #expect(FrenchNumber.text(12.345, decimals: 1) == "12,3")
    #expect(FrenchNumber.text(-0.04, decimals: 1) == "0,0")
    #expect(FrenchNumber.text(-2.5, decimals: 1) == "-2,5")
    #expect(FrenchNumber.cell(62.3) == "62,3")
    #expect(FrenchNumber.cell(509.75) == "509,75")
    #expect(FrenchNumber.evolution(from: 200, to: 205) == "+2,5 %")
    #expect(FrenchNumber.evolution(from: 0, to: 5) == nil)
    #expect(FrenchNumber.points(from: 61.8, to: 62.3) == "+0,5 point")
  }

  @Test func formulaLookingTextIsDefused() {
    for text in ["=HYPERLINK(\"http://x\")", "+33 1", "-2", "@SUM(A1)", "\tx"] {
      #expect(SpreadsheetText.defused(text) == "'" + text)
    }
    #expect(SpreadsheetText.defused("Association =") == "Association =")
  }

  @Test func zipChecksumsAreCRC32() {
    #expect(CRC32.checksum(Array("123456789".utf8)) == 0xCBF4_3926)
  }

  @Test func aWorkbookIsAZipThatPythonReadsBack() throws {
    var workbook = XLSXWorkbook()
    workbook.sheets = [
      .init(
        name: "t1",
        rows: [
          [.text("Code"), .text("Valeur")], [.text("=1+1"), .number(12.5)], [.text("a<b"), .text("s")],
        ])
    ]
    let url = FileManager.default.temporaryDirectory.appendingPathComponent(
      "enquete-\(UUID().uuidString).xlsx")
    defer { try? FileManager.default.removeItem(at: url) }
    try Data(workbook.bytes()).write(to: url)
    let python = Process()
    python.executableURL = URL(fileURLWithPath: "/usr/bin/env")
    python.arguments = [
      "python3", "-c",
      "import sys, zipfile; z = zipfile.ZipFile(sys.argv[1]); assert z.testzip() is None; "
        + "print(sorted(z.namelist())); print(z.read('xl/worksheets/sheet1.xml').decode())",
      url.path,
    ]
    let pipe = Pipe()
    python.standardOutput = pipe
    try python.run()
    let output = String(decoding: pipe.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
    python.waitUntilExit()
    #expect(python.terminationStatus == 0)
    #expect(output.contains("xl/workbook.xml"))
    #expect(output.contains("<v>12.5</v>"))
    #expect(output.contains("a&lt;b"))
  }
}
