import EnqueteCore
import Testing

/// The one French number formatter, and the one CSV writer and reader of enquete's own files.
@Suite struct FrenchTextTests {
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
    #expect(FrenchNumber.days(from: 36, to: 36) == "stable")
    #expect(FrenchNumber.days(from: 36, to: 39) == "+3 jours")
    #expect(FrenchNumber.days(from: 36, to: 35) == "-1 jour")
    #expect(FrenchNumber.days(from: 36.5, to: 34) == "-2,5 jours")
    #expect(FrenchNumber.days(from: nil, to: 34) == nil)
  }

  /// A rate to one decimal, halves away from zero (as the HTML report always rounded them).
  @Test func ratesArePercentagesToOneDecimal() {
    #expect(FrenchNumber.percent(0.951) == "95,1 %")
    #expect(FrenchNumber.percent(1) == "100,0 %")
    #expect(FrenchNumber.percent(1.0 / 16) == "6,3 %")
    #expect(FrenchNumber.percent(nil) == "–")
  }

  @Test func csvFieldsAreQuotedOnlyWhenNeeded() {
    #expect(CSVText.line(["a", "b,c", "d\"e", ""]) == "a,\"b,c\",\"d\"\"e\",\n")
    #expect(CSVText.line(["a;b", "c,d"], delimiter: ";", terminator: "\r\n") == "\"a;b\";c,d\r\n")
    // A Windows line break is one Character, equal to neither of its bytes: quoted all the same,
    // like either byte alone.
    #expect(CSVText.field("deux\r\nlignes") == "\"deux\r\nlignes\"")
    #expect(CSVText.field("a\rb", delimiter: ";") == "\"a\rb\"")
    #expect(CSVText.field("Orléans; Tours", delimiter: ";") == "\"Orléans; Tours\"")
    #expect(CSVText.field("Orléans, Tours", delimiter: ";") == "Orléans, Tours")
    #expect(CSVText.field("a\tb", delimiter: "\t") == "\"a\tb\"")
  }

  @Test func whatTheWriterWritesTheReaderReadsBack() {
    let records = [
      ["annee", "libelle"], ["2025", "Association \"La Clé\", Lyon"], ["2025", "deux\nlignes"],
      ["2025", "deux\r\nlignes"], ["", ""],
    ]
    #expect(CSVText.records(records.map { CSVText.line($0) }.joined()) == records)
    #expect(CSVText.records(records.map { CSVText.line($0, terminator: "\r\n") }.joined()) == records)
  }

  /// The reader splits records on `\n` and `\r\n` only: a lone `\r` is part of its field, a quote
  /// doubled inside quotes is one quote, and text with no final line break ends its last record.
  @Test func theReaderSplitsOnLineBreaksOutsideQuotesOnly() {
    #expect(
      CSVText.records("a\rb,c\r\nd,\"e\"\"f\"\n\"g\r\nh\",") == [
        ["a\rb", "c"], ["d", "e\"f"], ["g\r\nh", ""],
      ])
    #expect(CSVText.records("Orléans,Clé") == [["Orléans", "Clé"]])
    #expect(CSVText.records("") == [])
    #expect(CSVText.records("\n") == [[""]])
  }

  @Test func aCellIdentifierHasOneTextForm() {
    let id = CellID(variable: "nb_mediations_terminees", level: .departement, code: "33")
    #expect(id.description == "nb_mediations_terminees|departement|33")
    #expect(CellID(id.description) == id)
    #expect(CellID("nb|canton|33") == nil)
    #expect(CellID.variable(of: id.description) == "nb_mediations_terminees")
    #expect(AttackerKnowledge.cellID("nb", .national, "FR") == "nb|national|FR")
  }
}
