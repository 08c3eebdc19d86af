import EnqueteCore
import Testing

@Suite struct ExpressionTests {
  private func evaluate(_ text: String, _ values: [String: Value] = [:]) throws -> Evaluated {
    ExpressionEvaluator(values: values).evaluate(try ExpressionParser.parse(text))
  }

  @Test func precedenceAndPrintingRoundTrip() throws {
    let expression = try ExpressionParser.parse("a + b * 2 = (c - d) - e and not x or y")
    #expect(expression.description == "a + b * 2 = c - d - e and not x or y")
    #expect(try ExpressionParser.parse(expression.description) == expression)
    #expect(try ExpressionParser.parse("a - (b - c)").description == "a - (b - c)")
    #expect(expression.variables == ["a", "b", "c", "d", "e", "x", "y"])
  }

  @Test func arithmeticAndComparisons() throws {
    let values: [String: Value] = ["a": .integer(3), "b": .number(1.5), "total": .integer(6)]
    #expect(try evaluate("a + b * 2 = total", values) == .boolean(true))
    #expect(try evaluate("a + b * 2 != total", values) == .boolean(false))
    #expect(try evaluate("abs(a - total) <= 0.5 * total", values) == .boolean(true))
    #expect(try evaluate("max(a, b, 2) = 3", values) == .boolean(true))
    #expect(try evaluate("-a < 0", values) == .boolean(true))
  }

  @Test func moneyIsEqualWithinHalfACent() throws {
    let values: [String: Value] = ["x": .number(0.1), "y": .number(0.2), "z": .number(0.3)]
    #expect(try evaluate("x + y = z", values) == .boolean(true))
    #expect(try evaluate("x + y = z + 0.01", values) == .boolean(false))
  }

  @Test func emptyVariablesMakeTheResultUnknown() throws {
    #expect(try evaluate("a + 1 = 2") == .unknown)
    #expect(try evaluate("present(a)") == .boolean(false))
    #expect(try evaluate("empty(a)") == .boolean(true))
    #expect(try evaluate("empty(a) or a > 1") == .boolean(true))
    #expect(try evaluate("present(a) and a > 1") == .boolean(false))
  }

  @Test func datesCompareAndSubtract() throws {
    let values: [String: Value] = [
      "debut": .date(CivilDate(year: 2024, month: 1, day: 30)!),
      "fin": .date(CivilDate(year: 2024, month: 3, day: 1)!),
      "annee": .integer(2024), "issue": .string("en_cours"),
    ]
    #expect(try evaluate("debut <= fin", values) == .boolean(true))
    #expect(try evaluate("fin - debut = 31", values) == .boolean(true))
    #expect(try evaluate("year(fin) = annee", values) == .boolean(true))
    #expect(try evaluate("issue = 'en_cours'", values) == .boolean(true))
  }

  @Test(arguments: [
    "a = b = c", "a +", "sqrt(a)", "present(a + b)", "'unterminated", "a # b", "(a", "and a", "abs(a, b)",
  ])
  func malformedExpressionsAreRefused(text: String) {
    #expect(throws: ExpressionSyntaxError.self) { try ExpressionParser.parse(text) }
  }
}
