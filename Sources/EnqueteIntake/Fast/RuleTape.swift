import EnqueteCore

/// A survey's rules compiled for the fast path, every program on one flat tape of operations, so
/// that checking a row walks plain memory and retains nothing.
struct RuleTape {
  /// One rule on the tape: where its programs are (nil when absent).
  struct Entry {
    /// Index of the rule in the survey's rule set.
    let rule: Int
    let severity: Diagnostic.Severity
    let when: Range<Int>?
    let check: Range<Int>?
    /// For detail-count rules: which rows count, and the report's expected count.
    let count: Range<Int>?
    let equals: Range<Int>?
    /// The check as a linear comparison, when it is one (report rules): faster than its program.
    let linear: LinearCheck?
    /// The condition as a linear comparison, when it is one (report rules).
    let linearWhen: LinearCheck?
  }

  /// Rules on the report's values, on each detail row, and counting detail rows.
  private(set) var reportRules: [Entry] = []
  private(set) var detailRules: [Entry] = []
  private(set) var countRules: [Entry] = []
  private(set) var ops: [RuleProgram.Op] = []
  /// The terms of the linear checks.
  private(set) var terms: [LinearCheck.Term] = []
  /// False when some rule cannot be compiled: the fast path then defers every report.
  private(set) var isComplete = true

  /// Compiles the rules of `survey` against its layouts.
  init(survey: SurveyDefinition, rules: RuleSet, report: SlotLayout, detail: SlotLayout?) {
    for (index, rule) in rules.rules.enumerated() {
      let isDetailRow = rule.table != survey.report.name
      if isDetailRow && detail == nil {
        isComplete = false
        continue
      }
      let layout = isDetailRow ? detail! : report
      let parent: SlotLayout? = isDetailRow ? report : nil
      let entry = Entry(
        rule: index, severity: rule.severity,
        when: append(rule.when, layout, parent), check: append(rule.check, layout, parent),
        count: detail.flatMap { append(rule.count, $0, report) }, equals: append(rule.equals, report, nil),
        linear: isDetailRow ? nil : rule.check.flatMap { LinearCheck($0, layout: report, terms: &terms) },
        linearWhen: isDetailRow ? nil : rule.when.flatMap { LinearCheck($0, layout: report, terms: &terms) })
      if rule.kind == .detailCount {
        countRules.append(entry)
      } else if isDetailRow {
        detailRules.append(entry)
      } else {
        reportRules.append(entry)
      }
    }
  }

  private mutating func append(
    _ expression: Expression?, _ layout: SlotLayout, _ parent: SlotLayout?
  ) -> Range<
    Int
  >? {
    guard let expression else { return nil }
    guard let program = RuleProgram(expression, layout: layout, parent: parent) else {
      isComplete = false
      return nil
    }
    let start = ops.count
    ops += program.ops
    return start..<ops.count
  }

  /// Room the evaluation stack needs: one value per operation of the longest program.
  var stackSize: Int { max(1, ops.count) }

  /// Runs the report rules `rules` on a report's slots: false at the first error-level rule
  /// broken; a warning-level rule broken is passed to `failed` (its index in the rule set), which
  /// says whether to go on.
  /// - Complexity: O(operations of the rules).
  @inline(__always)
  static func reportRulesHold(
    _ rules: UnsafeBufferPointer<Entry>, ops: UnsafeBufferPointer<RuleProgram.Op>,
    terms: UnsafeBufferPointer<LinearCheck.Term>, report: UnsafePointer<Double>,
    stack: UnsafeMutablePointer<Double>, failed: (Int) -> Bool
  ) -> Bool {
    // Fields read through the pointer: an entry is large, copying each one per row cost more
    // than the rules themselves.
    guard var rule = rules.baseAddress else { return true }
    for _ in 0..<rules.count {
      defer { rule += 1 }
      if let when = rule.pointee.when {
        let applies =
          rule.pointee.linearWhen?.run(terms, report) ?? run(ops, when, report, parent: report, stack: stack)
        if applies != 1 { continue }
      }
      let holds: Double
      if let linear = rule.pointee.linear {
        holds = linear.run(terms, report)
      } else if let check = rule.pointee.check {
        holds = run(ops, check, report, parent: report, stack: stack)
      } else {
        continue
      }
      if holds == 0 {
        guard rule.pointee.severity == .warning, failed(rule.pointee.rule) else { return false }
      }
    }
    return true
  }

  /// Runs the program at `range` on a row (its report as `parent`): its value, NaN when unknown.
  @inline(__always)
  static func run(
    _ tape: UnsafeBufferPointer<RuleProgram.Op>, _ range: Range<Int>, _ row: UnsafePointer<Double>,
    parent: UnsafePointer<Double>, stack: UnsafeMutablePointer<Double>
  ) -> Double {
    RuleProgram.run(UnsafeBufferPointer(rebasing: tape[range]), row, parent: parent, stack: stack)
  }
}
