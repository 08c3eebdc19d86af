import EnqueteCore
import Foundation
import Testing

@testable import EnqueteRender

@Suite struct FormatTests {
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
          [.text("Code"), .text("Valeur")], [.text("=1+1"), .number(12.5, decimals: 1)],
          [.text("a<b"), .text("s")],
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
    #expect(output.contains("s=\"3\"><v>12.5</v>"))
    #expect(output.contains("a&lt;b"))
  }
}
