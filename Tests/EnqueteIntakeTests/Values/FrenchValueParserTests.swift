import EnqueteCore
import Testing

@testable import EnqueteIntake

@Suite struct FrenchValueParserTests {
  @Test(arguments: [
    ("12", 12), ("1 234", 1234), ("1\u{00A0}234", 1234), ("1\u{202F}234", 1234), (" 7 ", 7), ("-3", -3),
    ("+4", 4),
  ])
  func integers(text: String, value: Int) { #expect(FrenchValueParser.integer(text) == value) }

  @Test(arguments: ["12,5", "douze", "", "1.234", "1e3", "--1", "99999999999999999999"])
  func notIntegers(text: String) { #expect(FrenchValueParser.integer(text) == nil) }

  @Test(arguments: [("1 234,5", 1234.5), ("1234.5", 1234.5), ("0,82", 0.82), ("12", 12.0), ("-0,5", -0.5)])
  func numbers(text: String, value: Double) { #expect(FrenchValueParser.number(text) == value) }

  @Test(arguments: ["1.234,5", "1,2,3", ",", "12 €", "NaN", "inf", "1e5"])
  func notNumbers(text: String) { #expect(FrenchValueParser.number(text) == nil) }

  @Test func booleansInEveryUsualSpelling() {
    for text in ["oui", "Oui", "O", "1", "true", "TRUE", "vrai"] {
      #expect(FrenchValueParser.boolean(text) == true)
    }
    for text in ["non", "N", "0", "false", "Faux"] { #expect(FrenchValueParser.boolean(text) == false) }
    #expect(FrenchValueParser.boolean("peut-être") == nil)
  }
}

@Suite struct FieldCheckerTests {
  let checker = FieldChecker(file: "f.csv", geography: .reference)
  let survey = SurveyDefinition.builtIn(.mediationFamiliale)

  func check(_ text: String, _ name: String) -> (Value?, [String]) {
    let (value, problems) = checker.check(
      RawValue(text: text, line: 2, column: 5), survey.report.variable(named: name)!, report: nil)
    return (value, problems.map(\.code))
  }

  @Test func siretsAreNormalisedOrRefusedWithTheRightCode() {
    #expect(check("732 829 320 00074", "siret").0 == .string("73282932000074"))
    #expect(check("732 829 320 00074", "siret").1 == ["validate.siret-normalised"])
    #expect(check("73282932000075", "siret").1 == ["validate.siret-luhn"])
    #expect(check("7,32829E+13", "siret").1 == ["validate.siret-format"])
  }

  @Test func departementsLoseNoLeadingZero() {
    #expect(check("1", "departement_code").0 == .string("01"))
    #expect(check("2a", "departement_code").1 == ["validate.departement-normalised"])
    #expect(check("96", "departement_code").1 == ["validate.unknown-departement"])
  }

  @Test func enumsIgnoreCaseAndAccentsAndBoundsAreChecked() {
    #expect(check("Association", "statut_gestionnaire").0 == .string("association"))
    #expect(check("Collectivité", "statut_gestionnaire").0 == .string("collectivite"))
    #expect(check("fondation", "statut_gestionnaire").1 == ["validate.enum"])
    #expect(check("-3", "nb_seances").1 == ["validate.minimum"])
    #expect(check("0", "nb_lieux_accueil").1 == ["validate.minimum"])
    #expect(check("1 234,5", "etp_mediateurs").0 == .number(1234.5))
  }

  @Test func messagesNameTheVariableAndWhatIsExpected() {
    let (_, problems) = checker.check(
      RawValue(text: "douze", line: 3, column: 9), survey.report.variable(named: "nb_seances")!, report: "X")
    #expect(problems.first?.message.contains("nb_seances") == true)
    #expect(problems.first?.message.contains("« douze »") == true)
    #expect(problems.first?.location == SourceLocation(file: "f.csv", line: 3, column: 9))
  }
}
