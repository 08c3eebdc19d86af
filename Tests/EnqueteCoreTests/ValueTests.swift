import EnqueteCore
import Foundation
import Testing

@Suite struct SiretTests {
  @Test func acceptsValidLuhnKeys() {
    #expect(Siret("73282932000074") != nil)
    #expect(Siret.luhnIsValid("79927398713"))
  }

  @Test(arguments: [
    "73282932000075", "7328293200007", "732829320000745", "7328293200007A", "3,12345E+13", "",
  ])
  func refusesWrongKeysAndShapes(text: String) {
    #expect(Siret(text) == nil)
  }

  @Test func checkDigitCompletesAValidNumber() {
    let prefix = "7328293200007"
    #expect(Siret(prefix + String(Siret.luhnCheckDigit(for: prefix))) != nil)
  }
}

@Suite struct CivilDateTests {
  @Test func dayNumbersRoundTripAcrossCenturies() {
    for day in stride(from: -700_000, through: 2_900_000, by: 997) {  // years 53 to 9909
      let date = CivilDate(dayNumber: day)
      #expect(date.dayNumber == day)
      #expect(CivilDate(year: date.year, month: date.month, day: date.day) == date)
    }
    #expect(CivilDate(year: 1970, month: 1, day: 1)!.dayNumber == 0)
    #expect(
      CivilDate(year: 2024, month: 3, day: 1)!.dayNumber - CivilDate(year: 2024, month: 2, day: 28)!.dayNumber
        == 2)
  }

  @Test func readsFrenchAndISOForms() {
    let date = CivilDate(year: 2024, month: 3, day: 5)
    #expect(CivilDate(parsing: "05/03/2024") == date)
    #expect(CivilDate(parsing: "5/3/2024") == date)
    #expect(CivilDate(parsing: "2024-03-05") == date)
    #expect(date?.french == "05/03/2024")
    #expect(date?.iso == "2024-03-05")
  }

  @Test(arguments: ["31/02/2019", "29/02/2023", "2024-13-01", "2024-3-5", "05/03/24", "", "aujourd'hui"])
  func refusesDatesThatDoNotExist(text: String) {
    #expect(CivilDate(parsing: text) == nil)
  }

  @Test func leapYears() {
    #expect(CivilDate(parsing: "29/02/2024") != nil)
    #expect(CivilDate(parsing: "29/02/2000") != nil)
    #expect(CivilDate(parsing: "29/02/1900") == nil)
  }
}

@Suite struct ValueTextTests {
  @Test func canonicalNumbersHaveNoExponentNorTrailingZeros() {
    #expect(Value.number(12.5).canonicalText == "12.5")
    #expect(Value.number(3).canonicalText == "3")
    #expect(Value.number(1234.05).canonicalText == "1234.05")
    #expect(Value.number(31_300_000).canonicalText == "31300000")
  }

  @Test func numbersAreRoundedAsPrintfRoundsThemWithEitherMark() {
    // The formatter writes what Foundation's `%.6f` writes, trailing zeros removed, on every kind
    // of value: rounding, negatives, tiny, huge (beyond the stack buffer), not a number.
    let values: [Double] = [
      0.1, 2.675, -12.345_678_9, 1e-7, -1e-7, 0.000_000_5, 123_456_789.123_456_7, 1e15 + 0.5, 1e20, 3.5e300,
      -0.0, .nan, .infinity, 1_000.000_000_4, 99.999_999_9,
    ]
    for value in values {
      var expected = String(format: "%.6f", value)
      if value == value.rounded(), abs(value) < 1e15 {
        expected = String(Int(value))
      } else {
        while expected.hasSuffix("0") { expected.removeLast() }
        if expected.hasSuffix(".") { expected.removeLast() }
      }
      #expect(Value.canonicalText(of: value) == expected, "\(value)")
      #expect(
        Value.canonicalText(of: value, separator: ",") == expected.replacingOccurrences(of: ".", with: ","))
    }
    #expect(Value.canonicalText(of: 1_234.5, separator: ",") == "1234,5")
    #expect(Evaluated.number(10_451.69).description == "10451,69")
  }

  @Test func frenchExcelDialectWritesDecimalCommaAndFrenchDates() {
    #expect(CSVDialect.frenchExcel.write(.number(1.5)) == "1,5")
    #expect(CSVDialect.frenchExcel.write(.date(CivilDate(year: 2019, month: 2, day: 3)!)) == "03/02/2019")
    #expect(CSVDialect.frenchExcel.write(.boolean(true)) == "oui")
    #expect(CSVDialect.openData.write(.boolean(false)) == "false")
  }
}
