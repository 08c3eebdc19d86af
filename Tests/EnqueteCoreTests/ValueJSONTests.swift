import EnqueteCore
import Foundation
import Testing

/// The per-measure detail the ledger keeps is JSON that SQLite's `json_each` and any JSON reader
/// read back to the values written.
@Suite struct ValueJSONTests {
  static let rows: [[String: Value]] = [
    [
      "mesure_id": .string("M-1"), "date_reception": .date(CivilDate(year: 2024, month: 3, day: 5)!),
      "entretiens": .integer(0), "duree": .number(1.86), "ordonnee": .boolean(true),
    ],
    [
      "mesure_id": .string("quote \" backslash \\ tab \t é"),
      "date_reception": .date(CivilDate(year: 987, month: 12, day: 31)!),
      "entretiens": .integer(-42), "duree": .number(-0.5), "ordonnee": .boolean(false),
    ],
    // Another set of keys: written with its own order.
    ["z": .integer(Int.max), "a": .integer(Int.min + 1), "m": .integer(1_234_567)],
  ]

  @Test func theDetailReadsBackToTheValuesWritten() throws {
    let json = ValueJSON.table(Self.rows)
    let table = try #require(JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String: Any])
    let columns = try #require(table["columns"] as? [String])
    let rows = try #require(table["rows"] as? [[Any]])
    #expect(columns == ["a", "date_reception", "duree", "entretiens", "m", "mesure_id", "ordonnee", "z"])
    #expect(rows.count == 3)
    func cell(_ row: Int, _ column: String) -> Any { rows[row][columns.firstIndex(of: column)!] }
    #expect(cell(0, "date_reception") as? String == "2024-03-05")
    #expect(cell(1, "date_reception") as? String == "0987-12-31")
    #expect(cell(1, "mesure_id") as? String == "quote \" backslash \\ tab \t é")
    #expect((cell(0, "entretiens") as? NSNumber)?.intValue == 0)
    #expect((cell(1, "entretiens") as? NSNumber)?.intValue == -42)
    #expect((cell(0, "duree") as? NSNumber)?.doubleValue == 1.86)
    #expect((cell(2, "z") as? NSNumber)?.int64Value == Int64.max)
    #expect((cell(2, "a") as? NSNumber)?.int64Value == Int64.min + 1)
    #expect((cell(2, "m") as? NSNumber)?.intValue == 1_234_567)
    // A value a row does not have is null.
    #expect(cell(2, "mesure_id") is NSNull)
    #expect(cell(0, "z") is NSNull)
  }

  @Test func columnsAreWrittenOnceInOrderAndRowsFollowThem() {
    let json = ValueJSON.table(Self.rows)
    #expect(
      json.hasPrefix(
        #"{"columns":["a","date_reception","duree","entretiens","m","mesure_id","ordonnee","z"],"rows":[[null,"2024-03-05",1.86,0,null,"M-1",true,null]"#
      ))
    #expect(json.hasSuffix(#"[-9223372036854775807,null,null,null,1234567,null,null,9223372036854775807]]}"#))
  }

  /// The reader of the ledger's detail gives back, column by column, what the writer wrote:
  /// strings unescaped, numbers and booleans as written, nil for null and for an unknown column.
  @Test func theTableReaderReadsBackWhatTheWriterWrote() {
    var read: [[String?]] = []
    let readable = ValueJSONTableReader.forEachRow(
      in: ValueJSON.table(Self.rows), columns: ["mesure_id", "ordonnee", "absente", "z", "date_reception"]
    ) { read.append($0) }
    #expect(readable)
    #expect(
      read == [
        ["M-1", "true", nil, nil, "2024-03-05"],
        ["quote \" backslash \\ tab \t é", "false", nil, nil, "0987-12-31"],
        [nil, nil, nil, "9223372036854775807", nil],
      ])
  }

  @Test func theTableReaderReadsSQLiteSpacingAndEscapesAndRefusesWhatIsNotATable() {
    var read: [[String?]] = []
    let spaced =
      #"{ "columns" : [ "a" , "b" ] , "rows" : [ [ "x\u00e9\ud83d\ude00\/" , 2.5 ] , [ null , -1 ] ] }"#
    #expect(ValueJSONTableReader.forEachRow(in: spaced, columns: ["b", "a"]) { read.append($0) })
    #expect(read == [["2.5", "xé😀/"], ["-1", nil]])
    for broken in [
      "", "[]", #"{"columns":["a"],"rows":[[1,2]]}"#, #"{"columns":["a"],"rows":[[1]"#,
      #"{"columns":["a"],"rows":[["\q"]]}"#, #"{"rows":[],"columns":[]}"#,
    ] {
      #expect(!ValueJSONTableReader.forEachRow(in: broken, columns: ["a"]) { _ in }, "\(broken)")
    }
    var rows = 0
    #expect(
      ValueJSONTableReader.forEachRow(in: #"{"columns":[],"rows":[]}"#, columns: ["a"]) { _ in rows += 1 })
    #expect(rows == 0)
  }
}
