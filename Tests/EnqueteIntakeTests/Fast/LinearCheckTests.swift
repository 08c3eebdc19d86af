import EnqueteCore
import Testing

@testable import EnqueteIntake

/// A rule's linear form must give exactly what its postfix program gives, unknown values included.
@Suite struct LinearCheckTests {
  @Test(arguments: SurveyID.allCases)
  func linearFormsAgreeWithTheirPrograms(survey: SurveyID) {
    let definition = SurveyDefinition.builtIn(survey)
    let layout = SlotLayout(definition.report)
    var terms: [LinearCheck.Term] = []
    var random = SiretTableTests.SplitMix(state: 3)
    var compared = 0
    for rule in RuleSet.builtIn(survey).rules where rule.table == definition.report.name {
      guard let check = rule.check, let linear = LinearCheck(check, layout: layout, terms: &terms),
        let program = RuleProgram(check, layout: layout)
      else { continue }
      var stack = [Double](repeating: .nan, count: program.ops.count)
      for trial in 0..<2_000 {
        // Small integers often make both sides equal; cents and unknown values test the rest.
        let row = (0..<layout.variables.count).map { _ -> Double in
          let draw = random.next() % 100
          if draw < 3 { return .nan }
          return trial % 2 == 0 ? Double(draw % 7) : Double(random.next() % 1_000_000) / 100
        }
        let byProgram = row.withUnsafeBufferPointer { row in
          program.ops.withUnsafeBufferPointer { ops in
            stack.withUnsafeMutableBufferPointer {
              RuleProgram.run(ops, row.baseAddress!, parent: row.baseAddress!, stack: $0.baseAddress!)
            }
          }
        }
        let byForm = row.withUnsafeBufferPointer { row in
          terms.withUnsafeBufferPointer { linear.run($0, row.baseAddress!) }
        }
        #expect(byProgram.isNaN ? byForm.isNaN : byProgram == byForm, "\(rule.id)")
        compared += 1
      }
    }
    #expect(compared > 0)
  }
}
