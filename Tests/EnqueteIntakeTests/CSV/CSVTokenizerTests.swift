import EnqueteIntake
import Testing

@Suite struct CSVTokenizerTests {
  struct Read: Equatable {
    var fields: [[String]] = []
    var lines: [Int] = []
    var columns: [[Int]] = []
  }

  func read(_ text: String, chunkSize: Int = 1 << 16, limits: CSVLimits = .standard) throws -> Read {
    var reader = CSVReader()
    reader.chunkSize = chunkSize
    reader.limits = limits
    var result = Read()
    _ = try reader.read(bytes: Array(text.utf8)) { row in
      result.fields.append((0..<row.count).map { row.string($0) })
      result.lines.append(row.line)
      result.columns.append(row.columns)
    }
    return result
  }

  @Test func quotesDelimitersAndLineBreaksInsideFields() throws {
    let result = try read("a;b;c\r\n\"x;y\";\"dit \"\"oui\"\"\";\"deux\r\nlignes\"\r\n3;4;5\r\n")
    #expect(result.fields == [["a", "b", "c"], ["x;y", "dit \"oui\"", "deux\r\nlignes"], ["3", "4", "5"]])
    #expect(result.lines == [1, 2, 4])
  }

  @Test func everyChunkSizeGivesTheSameRowsLinesAndColumns() throws {
    let text = "nom;n\r\n\"A\r\nB\";1\r\n\"C\"\"D\";2\rE;3\n;\n\"\"\n"
    let whole = try read(text)
    #expect(whole.fields == [["nom", "n"], ["A\r\nB", "1"], ["C\"D", "2"], ["E", "3"], ["", ""], [""]])
    #expect(whole.lines == [1, 2, 4, 5, 6, 7])
    for size in 1...text.utf8.count { #expect(try read(text, chunkSize: size) == whole, "chunks of \(size)") }
  }

  @Test func columnsAreBytePositionsOnTheLine() throws {
    #expect(try read("ab;c;\"d\"\n").columns == [[1, 4, 6]])
  }

  @Test func lenientWithStrayQuotesAsSpreadsheetsAre() throws {
    #expect(try read("a\"b;\"c\"d\n").fields == [["a\"b", "cd"]])
  }

  @Test func noFinalLineBreakStillEndsTheLastRow() throws {
    #expect(try read("a;b\n1;2").fields == [["a", "b"], ["1", "2"]])
    #expect(try read("a;b\n1;").fields == [["a", "b"], ["1", ""]])
    #expect(try read("").fields == [])
  }

  @Test func anUnterminatedQuoteIsReportedWhereItOpens() throws {
    #expect(throws: CSVSyntaxError(kind: .unterminatedQuote, line: 2, column: 3)) {
      try read("a;b\n1;\"jamais fermé\n3;4\n")
    }
  }

  @Test func limitsStopHostileFiles() throws {
    let small = CSVLimits(maximumFieldBytes: 8, maximumFieldsPerRow: 3, maximumLineBytes: 20)
    #expect(throws: CSVSyntaxError(kind: .fieldTooLong, line: 1, column: 1)) {
      try read("123456789\n", limits: small)
    }
    #expect(throws: CSVSyntaxError(kind: .tooManyFields, line: 1, column: 7)) {
      try read("a;b;c;d\n", limits: small)
    }
    #expect(throws: CSVSyntaxError.self) {
      try read("\"" + String(repeating: "x", count: 100), limits: small)
    }
  }
}

@Suite struct CSVEncodingTests {

  func read(
    _ bytes: [UInt8]
  ) throws -> (fields: [[String?]], detection: CSVDetection, encoding: TextEncoding?) {
    var raw: [[ArraySlice<UInt8>]] = []
    let detection = try CSVReader().read(bytes: bytes) { row in
      raw.append((0..<row.count).map { ArraySlice(row[$0]) })
    }
    var decoder = FieldDecoder(announced: detection.announcedEncoding)
    let fields = raw.map { $0.map { decoder.decode($0) } }
    return (fields, detection, decoder.encoding)
  }

  @Test func windows1252IsRecognisedByItsFirstAccent() throws {
    let bytes: [UInt8] =
      Array("nom;ville\r\n".utf8) + [0x43, 0x9C, 0x75, 0x72, 0x3B, 0xC9, 0x76, 0x72, 0x79, 0x0D, 0x0A]
    let result = try read(bytes)
    #expect(result.fields == [["nom", "ville"], ["Cœur", "Évry"]])
    #expect(result.encoding == .windows1252)
    #expect(result.detection.delimiter == UInt8(ascii: ";"))
    #expect(result.detection.crlf)
  }

  @Test func utf8WithBOMIsAnnouncedAndBadBytesAfterItAreRefused() throws {
    let good = try read([0xEF, 0xBB, 0xBF] + Array("a,b\nÉ,2\n".utf8))
    #expect(good.detection.announcedEncoding == .utf8BOM)
    #expect(good.fields == [["a", "b"], ["É", "2"]])
    let bad = try read([0xEF, 0xBB, 0xBF] + Array("a,b\n".utf8) + [0xC9, 0x2C, 0x32, 0x0A])
    #expect(bad.fields[1][0] == nil)
  }

  @Test func utf16LittleEndianWithBOMIsTranscoded() throws {
    var bytes: [UInt8] = [0xFF, 0xFE]
    for unit in "nom\tâge\r\nZoé\t7\r\n".utf16 { bytes += [UInt8(unit & 0xFF), UInt8(unit >> 8)] }
    let result = try read(bytes)
    #expect(result.detection.announcedEncoding == .utf16LE)
    #expect(result.detection.delimiter == UInt8(ascii: "\t"))
    #expect(result.fields == [["nom", "âge"], ["Zoé", "7"]])
  }

  @Test(arguments: [("a;b;c", ";"), ("a,b,c", ","), ("a\tb\tc", "\t"), ("\"a;b\",c,d", ","), ("seul", ";")])
  func delimiterIsSniffedFromTheHeader(header: String, delimiter: String) {
    #expect(
      DelimiterSniffer.sniff(Array((header + "\n1;2,3\t4\n").utf8))
        == UInt8(ascii: Unicode.Scalar(delimiter)!))
  }
}
