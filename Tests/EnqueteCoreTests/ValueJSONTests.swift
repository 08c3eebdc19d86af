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
    let json = ValueJSON.array(Self.rows)
    let read = try #require(JSONSerialization.jsonObject(with: Data(json.utf8)) as? [[String: Any]])
    #expect(read.count == 3)
    #expect(read[0]["date_reception"] as? String == "2024-03-05")
    #expect(read[1]["date_reception"] as? String == "0987-12-31")
    #expect(read[1]["mesure_id"] as? String == "quote \" backslash \\ tab \t é")
    #expect((read[0]["entretiens"] as? NSNumber)?.intValue == 0)
    #expect((read[1]["entretiens"] as? NSNumber)?.intValue == -42)
    #expect((read[0]["duree"] as? NSNumber)?.doubleValue == 1.86)
    #expect((read[2]["z"] as? NSNumber)?.int64Value == Int64.max)
    #expect((read[2]["a"] as? NSNumber)?.int64Value == Int64.min + 1)
    #expect((read[2]["m"] as? NSNumber)?.intValue == 1_234_567)
  }

  @Test func keysAreInOrderInEveryObject() {
    let json = ValueJSON.array(Self.rows)
    #expect(
      json.hasPrefix(
        #"[{"date_reception":"2024-03-05","duree":1.86,"entretiens":0,"mesure_id":"M-1","ordonnee":true}"#))
    #expect(json.hasSuffix(#"{"a":-9223372036854775807,"m":1234567,"z":9223372036854775807}]"#))
  }
}
