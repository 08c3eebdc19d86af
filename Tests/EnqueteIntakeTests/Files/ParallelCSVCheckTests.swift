import EnqueteCore
import Foundation
import Testing

@testable import EnqueteIntake

/// Reading a file in pieces on two threads must give exactly what one pass gives: the same
/// counts, the same diagnostics in the same order, whether the guesses of where to cut held or
/// not, however the threads shared the pieces. With four pieces, the first is the front thread's
/// and the last (the last hundred rows of 400) the back thread's, whatever the timing.
@Suite struct ParallelCSVCheckTests {
  /// The lines of a sample report file in plain UTF-8 with LF line breaks.
  static let header: [String] = {
    let folder = IntakeSamples.root.appendingPathComponent("mediation-familiale/2025")
    for name in try! FileManager.default.contentsOfDirectory(atPath: folder.path).sorted()
    where name.hasSuffix(".csv") {
      let data = try! Data(contentsOf: folder.appendingPathComponent(name))
      guard data.first != 0xEF, !data.contains(0x0D), let text = String(data: data, encoding: .utf8) else {
        continue
      }
      return text.components(separatedBy: "\n")
    }
    fatalError("no UTF-8 sample with LF line breaks")
  }()

  /// A file of `rows` reports made from the sample's rows with fresh SIRETs; `edit` changes rows.
  static func file(rows: Int, edit: (Int, inout [String]) -> Void = { _, _ in }) throws -> String {
    let lines = header.filter { !$0.isEmpty }
    let delimiter = lines[0].contains(";") ? ";" : ","
    let columns = lines[0].split(separator: Character(delimiter)).map(String.init)
    let siretColumn = columns.firstIndex(of: "siret")!
    var text = lines[0] + "\n"
    for index in 0..<rows {
      var fields = lines[1 + index % (lines.count - 1)].split(
        separator: Character(delimiter), omittingEmptySubsequences: false
      ).map(String.init)
      fields[siretColumn] = Self.siret(index)
      edit(index, &fields)
      text += fields.joined(separator: delimiter) + "\n"
    }
    let path = FileManager.default.temporaryDirectory.appendingPathComponent(
      "parallel-\(UUID().uuidString).csv"
    ).path
    try Data(text.utf8).write(to: URL(fileURLWithPath: path))
    return path
  }

  /// A Luhn-valid SIRET made from `index`.
  static func siret(_ index: Int) -> String {
    let body = String(format: "8%012d", index)
    for last in 0...9 {
      let candidate = body + String(last)
      let sum = candidate.reversed().enumerated().map { position, character -> Int in
        let digit = Int(String(character))! * (position % 2 == 1 ? 2 : 1)
        return digit > 9 ? digit - 9 : digit
      }.reduce(0, +)
      if sum % 10 == 0 { return candidate }
    }
    fatalError()
  }

  static func signature(_ outcome: CSVReadOutcome, _ remarks: [ValidatedReportSummary]) -> [String] {
    [
      "\(outcome.rowCount + outcome.filteredRowCount) \(outcome.isReadable) \(String(describing: outcome.encoding))"
    ]
      + (outcome.diagnostics + remarks.flatMap(\.diagnostics)).map {
        "\($0.location.line ?? 0):\($0.location.column ?? 0) \($0.code) \($0.message)"
      }
  }

  /// The file read on two threads (in `pieces` pieces) and in one pass; whether the back pieces'
  /// work was kept is checked when `keepsSecondPart` says what it must be.
  static func bothWays(
    _ path: String, keepsSecondPart: Bool?, pieces: Int = 4
  ) -> (parallel: [String], single: [String]) {
    var remarks: [ValidatedReportSummary] = []
    let check = ParallelCSVCheck(
      path: path, name: "f.csv", year: 2025, estimatedRows: 100, minimumBytes: 0, pieceCount: pieces)
    let (parallel, kept) = check.read { remarks.append($0) }!
    if let keepsSecondPart { #expect(kept == keepsSecondPart) }
    let parallelSignature = signature(parallel, remarks)
    remarks = []
    let pass = CSVReportPass(year: 2025, file: "f.csv", expectedReports: 100) { remarks.append($0) }
    let single = try! CSVSubmissionReader().read(
      path: path, name: "f.csv", filter: pass.filter, onRecord: pass.take)
    return (parallelSignature, signature(single, remarks))
  }

  @Test func aCleanFileReadsTheSameInTwoParts() throws {
    let path = try Self.file(rows: 400)
    defer { try? FileManager.default.removeItem(atPath: path) }
    let (parallel, single) = Self.bothWays(path, keepsSecondPart: true)
    #expect(parallel == single)
    #expect(single.first?.hasPrefix("400 true") == true)
  }

  @Test func problemsInBothPartsKeepTheirLinesAndOrder() throws {
    let path = try Self.file(rows: 400) { index, fields in
      if index % 37 == 5 { fields[5] = "abc" }  // refused: not a number
      if index % 53 == 7 { fields[6] = "1 234" }  // accepted, with a thousands separator
    }
    defer { try? FileManager.default.removeItem(atPath: path) }
    let (parallel, single) = Self.bothWays(path, keepsSecondPart: true)
    #expect(parallel == single)
    #expect(single.count > 10)
  }

  @Test func aSiretInBothPartsIsStillADuplicate() throws {
    let path = try Self.file(rows: 400) { index, fields in
      if index == 390 { fields[1] = ParallelCSVCheckTests.siret(3) }
    }
    defer { try? FileManager.default.removeItem(atPath: path) }
    let (parallel, single) = Self.bothWays(path, keepsSecondPart: false)
    #expect(parallel == single)
    #expect(single.contains { $0.contains("validate.duplicate-key") && $0.contains("ligne 5") })
  }

  @Test func aCutInsideAQuotedFieldFallsBackToOnePass() throws {
    // Names span many lines inside quotes and make most of each row: the first line break after
    // the middle of the file is inside a field.
    let path = try Self.file(rows: 300) { index, fields in
      fields[2] = "\"Service\n" + String(repeating: "ligne\n", count: 400) + "numéro \(index)\""
    }
    defer { try? FileManager.default.removeItem(atPath: path) }
    let (parallel, single) = Self.bothWays(path, keepsSecondPart: false)
    #expect(parallel == single)
  }

  @Test func encodingsSettledApartFallBackToOnePass() throws {
    // Windows-1252 accents early in the first part, UTF-8 ones late in the second: one pass reads
    // the whole file as Windows-1252 and refuses it at the first Í (C3 8D: 8D is no Windows-1252
    // character); the second part alone would have read it as UTF-8 without a word.
    let source = try Self.file(rows: 400) { index, fields in
      fields[2] = index < 50 ? "Maison \u{00E9}" : index < 350 ? "Maison" : "Maison \u{00CD}"
    }
    var bytes = Array(try Data(contentsOf: URL(fileURLWithPath: source)))
    try? FileManager.default.removeItem(atPath: source)
    // Turn the first part's é (UTF-8 C3 A9) into Windows-1252 (E9).
    var index = 0
    var converted = 0
    while index + 1 < bytes.count && converted < 50 {
      if bytes[index] == 0xC3 && bytes[index + 1] == 0xA9 {
        bytes.replaceSubrange(index...(index + 1), with: [0xE9])
        converted += 1
      }
      index += 1
    }
    let path = FileManager.default.temporaryDirectory.appendingPathComponent("mixed-\(UUID().uuidString).csv")
      .path
    try Data(bytes).write(to: URL(fileURLWithPath: path))
    defer { try? FileManager.default.removeItem(atPath: path) }
    let (parallel, single) = Self.bothWays(path, keepsSecondPart: false)
    #expect(parallel == single)
    #expect(single.first?.contains("false") == true)
  }

  @Test(arguments: [false, true])
  func manyPiecesSharedAnyHowReadTheSame(withLineBreaksInFields: Bool) throws {
    // 64 pieces of about six rows, with problems all over: each run the threads may share the
    // middle pieces differently; every run must give the single pass's result. Without line
    // breaks inside fields every cut is a row's start, so the back pieces' work is kept.
    let path = try Self.file(rows: 400) { index, fields in
      if index % 37 == 5 { fields[5] = "abc" }
      if index % 53 == 7 { fields[6] = "1 234" }
      if withLineBreaksInFields, index % 3 == 0 { fields[2] = "\"Maison\nsur deux lignes\"" }
    }
    defer { try? FileManager.default.removeItem(atPath: path) }
    for _ in 0..<20 {
      let (parallel, single) = Self.bothWays(
        path, keepsSecondPart: withLineBreaksInFields ? nil : true, pieces: 64)
      #expect(parallel == single)
    }
  }

  @Test func noHeaderToHandOverLeavesTheFileToOnePass() throws {
    // A line break inside a quoted column name: the first piece hands over no header the survey
    // knows (as when a header is cut by a piece), and one pass reads the file and words it.
    let source = try Self.file(rows: 400)
    var text = try String(contentsOfFile: source, encoding: .utf8)
    try? FileManager.default.removeItem(atPath: source)
    let firstComma = text.firstIndex(of: ",")!
    text.replaceSubrange(text.startIndex..<firstComma, with: "\"annee\nbis\"")
    let path = source + "-header.csv"
    try text.write(toFile: path, atomically: true, encoding: .utf8)
    defer { try? FileManager.default.removeItem(atPath: path) }
    let check = ParallelCSVCheck(
      path: path, name: "f.csv", year: 2025, estimatedRows: 100, minimumBytes: 0, pieceCount: 64)
    var remarks = 0
    #expect(check.read { _ in remarks += 1 } == nil)
    #expect(remarks == 0)
  }

  @Test func aDuplicateInsideTheSecondPartFallsBackToOnePass() throws {
    // Its message quotes the line of the first report, which the second part numbers from its own
    // start: one pass words it instead.
    let path = try Self.file(rows: 400) { index, fields in
      if index == 390 { fields[1] = ParallelCSVCheckTests.siret(300) }
    }
    defer { try? FileManager.default.removeItem(atPath: path) }
    let (parallel, single) = Self.bothWays(path, keepsSecondPart: false)
    #expect(parallel == single)
    #expect(single.contains { $0.contains("validate.duplicate-key") && $0.contains("ligne 302") })
  }
}
