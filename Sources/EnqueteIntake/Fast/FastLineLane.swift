/// The fast path on CSV rows still in the file's text (`FastReportChecker.checkLine`): what it
/// needs, copied once into flat memory it owns, so that checking a row retains nothing and goes
/// through no run-time exclusivity check. One per checker (not shared between threads).
final class FastLineLane {
  /// What `check` says of a row.
  enum Verdict {
    /// Clean and taken, its SIRET remembered: the offset past the row.
    case taken(Int)
    /// Clean but for the warning rules in `failedRules` (SIRET not remembered yet): the offset
    /// past the row.
    case warned(Int)
    /// Left to the usual path.
    case declined
  }

  private let plans: UnsafeMutableBufferPointer<ColumnPlan>
  private let values: UnsafeMutableBufferPointer<Double>
  private let stack: UnsafeMutablePointer<Double>
  private let ops: UnsafeMutableBufferPointer<RuleProgram.Op>
  private let terms: UnsafeMutableBufferPointer<LinearCheck.Term>
  private let rules: UnsafeMutableBufferPointer<RuleTape.Entry>
  /// The warning rules the last row broke (indices in the rule set), and how many.
  private let failed: UnsafeMutableBufferPointer<Int>
  private let failedCount: UnsafeMutablePointer<Int>
  /// Whether a required variable has no column (every row then goes the usual way).
  private let requiredWithoutColumn: Bool
  /// The slots a row may leave unwritten (all but the number columns'): emptied before each row.
  private let unwritten: UnsafeMutableBufferPointer<Int>
  /// Slots, -1 when the survey has no such variable.
  private let yearSlot: Int
  private let courAppelSlot: Int
  private let siretSlot: Int
  /// The campaign's year, if the reports must carry it.
  private let year: Double?
  private let layout: SlotLayout
  private let departements: DepartementIndex
  private let sirets: SiretRegistry

  /// A lane for rows whose columns `plans` describes, checked as `checker` checks them.
  init(_ checker: FastReportChecker, plans: [ColumnPlan], campaignYear: Int?) {
    self.plans = Self.copy(plans)
    values = .allocate(capacity: checker.report.variables.count)
    values.initialize(repeating: .nan)
    stack = .allocate(capacity: checker.tape.stackSize)
    stack.initialize(repeating: .nan, count: checker.tape.stackSize)
    ops = Self.copy(checker.tape.ops)
    terms = Self.copy(checker.tape.terms)
    rules = Self.copy(checker.tape.reportRules)
    failed = .allocate(capacity: max(1, rules.count))
    failedCount = .allocate(capacity: 1)
    failedCount.initialize(to: 0)
    let slots = checker.report.variables.indices
    requiredWithoutColumn = !Set(checker.requiredSlots).isSubset(of: plans.map(\.slot))
    let numbers = Set(plans.filter { $0.kind == .integer || $0.kind == .number }.map(\.slot))
    unwritten = Self.copy(slots.filter { !numbers.contains($0) })
    yearSlot = checker.report.slot("annee") ?? -1
    courAppelSlot = checker.report.slot("cour_appel_code") ?? -1
    siretSlot = checker.siretSlot ?? -1
    year = campaignYear.map(Double.init)
    layout = checker.report
    departements = checker.departements
    sirets = checker.sirets
  }

  deinit {
    plans.deallocate()
    values.deallocate()
    stack.deallocate()
    ops.deallocate()
    terms.deallocate()
    rules.deallocate()
    failed.deallocate()
    failedCount.deallocate()
    unwritten.deallocate()
  }

  /// The slots of the last row read (tests compare them with the row path's).
  var slots: [Double] { Array(values) }

  /// Calls `body` with the slots of the last row read.
  func withSlots<T>(_ body: (UnsafeBufferPointer<Double>) -> T) -> T { body(UnsafeBufferPointer(values)) }

  private static func copy<T>(_ array: [T]) -> UnsafeMutableBufferPointer<T> {
    let copy = UnsafeMutableBufferPointer<T>.allocate(capacity: max(array.count, 1))
    _ = copy.initialize(from: array)
    return UnsafeMutableBufferPointer(rebasing: copy[0..<array.count])
  }

  /// The warning rules the last row `.warned` of broke, in the rule set's order.
  var failedRules: [Int] { Array(failed[0..<failedCount.pointee]) }

  /// The SIRET of the last row read, as its 14 digits.
  var siretText: String? {
    guard siretSlot >= 0, !values[siretSlot].isNaN else { return nil }
    let digits = String(Int(values[siretSlot]))
    return String(repeating: "0", count: max(0, 14 - digits.count)) + digits
  }

  /// Remembers the SIRET of the last row read, at `line`: false if it was met before.
  func record(line: Int) -> Bool {
    guard siretSlot >= 0 else { return true }
    let siret = values[siretSlot]
    return !siret.isNaN && sirets.firstLine(of: Int(siret), recordingAt: line) == nil
  }

  /// See `FastReportChecker.checkLine`; a row clean but for warnings is `.warned`, for the caller
  /// to word them and then `record` it. A LF must lie in `start..<end`; a row whose LF is not
  /// before `start + reach` is declined (the usual path words the limit on line length).
  /// - Complexity: O(row length + rule operations), nothing allocated.
  func check(
    _ text: UnsafePointer<UInt8>, start: Int, end: Int, reach: Int, line: Int, delimiter: UInt8,
    encoding: FastTextEncoding
  ) -> Verdict {
    guard !requiredWithoutColumn else { return .declined }
    let row = LineFieldReader.Bounds(text: text, start: start, end: end, delimiter: delimiter)
    let values = self.values.baseAddress!
    // Number columns write their slot (NaN when empty) in every row read to its end.
    for slot in unwritten { values[slot] = .nan }
    // Each value is judged against its bounds, and required ones against emptiness, as it is read.
    let stop = LineFieldReader.read(
      row, UnsafeBufferPointer(plans), into: values, layout: layout, departements: departements,
      encoding: encoding, sirets: sirets)
    guard stop >= 0, stop - start < reach else { return .declined }
    // As `FastReportChecker.rulesHold`: the year, the rules, then the SIRET.
    if yearSlot >= 0, let year, values[yearSlot] != year { return .declined }
    if courAppelSlot >= 0 { values[courAppelSlot] = 1 }
    let failed = self.failed
    let failedCount = self.failedCount
    failedCount.pointee = 0
    guard
      RuleTape.reportRulesHold(
        UnsafeBufferPointer(rules), ops: UnsafeBufferPointer(ops), terms: UnsafeBufferPointer(terms),
        report: values, stack: stack,
        failed: {
          failed[failedCount.pointee] = $0
          failedCount.pointee += 1
          return true
        })
    else { return .declined }
    if failedCount.pointee > 0 { return .warned(stop + 1) }
    return record(line: line) ? .taken(stop + 1) : .declined
  }
}
