#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// The fast path on CSV rows still in the file's text (`FastReportChecker.checkLine`): what it
/// needs, copied once into flat memory it owns, so that checking a row retains nothing and goes
/// through no run-time exclusivity check. One per checker (not shared between threads).
final class FastLineLane {
  private let plans: UnsafeMutableBufferPointer<ColumnPlan>
  private let values: UnsafeMutableBufferPointer<Double>
  private let stack: UnsafeMutablePointer<Double>
  private let ops: UnsafeMutableBufferPointer<RuleProgram.Op>
  private let terms: UnsafeMutableBufferPointer<LinearCheck.Term>
  private let rules: UnsafeMutableBufferPointer<RuleTape.Entry>
  /// 1 for each slot that must not be empty, 0 for the others.
  private let required: UnsafeMutableBufferPointer<Int>
  /// The slots a row may leave unwritten (all but the number columns'): emptied before each row.
  private let unwritten: UnsafeMutableBufferPointer<Int>
  /// Bounds of each slot (infinite when none).
  private let minimum: UnsafeMutableBufferPointer<Double>
  private let maximum: UnsafeMutableBufferPointer<Double>
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
    let slots = checker.report.variables.indices
    required = Self.copy(slots.map { checker.requiredSlots.contains($0) ? 1 : 0 })
    let numbers = Set(plans.filter { $0.kind == .integer || $0.kind == .number }.map(\.slot))
    unwritten = Self.copy(slots.filter { !numbers.contains($0) })
    minimum = Self.copy(checker.report.minimum)
    maximum = Self.copy(checker.report.maximum)
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
    required.deallocate()
    unwritten.deallocate()
    minimum.deallocate()
    maximum.deallocate()
  }

  /// The slots of the last row read (tests compare them with the row path's).
  var slots: [Double] { Array(values) }

  private static func copy<T>(_ array: [T]) -> UnsafeMutableBufferPointer<T> {
    let copy = UnsafeMutableBufferPointer<T>.allocate(capacity: max(array.count, 1))
    _ = copy.initialize(from: array)
    return UnsafeMutableBufferPointer(rebasing: copy[0..<array.count])
  }

  /// See `FastReportChecker.checkLine`: the offset past the row when it was taken (clean, its
  /// SIRET then remembered at `line`), nil to leave it to the usual path.
  /// - Complexity: O(row length + rule operations), nothing allocated.
  func check(
    _ text: UnsafePointer<UInt8>, start: Int, end: Int, line: Int, delimiter: UInt8,
    encoding: FastTextEncoding
  ) -> Int? {
    guard start < end, let found = memchr(text + start, 0x0A, end - start) else { return nil }
    let stop = UnsafePointer<UInt8>(found.assumingMemoryBound(to: UInt8.self)) - text
    let row = LineFieldReader.Bounds(text: text, start: start, stop: stop, end: end, delimiter: delimiter)
    let values = self.values.baseAddress!
    // Number columns write their slot (NaN when empty) in every row read to its end.
    for slot in unwritten { values[slot] = .nan }
    guard
      LineFieldReader.read(
        row, UnsafeBufferPointer(plans), into: values, layout: layout, departements: departements,
        encoding: encoding, sirets: sirets)
    else { return nil }
    // Every slot against its bounds (NaN, an empty value, compares false: it passes) and, if
    // required, not empty; without a branch per slot, so that the loop vectorises.
    var outside = 0
    for slot in 0..<self.values.count {
      let value = values[slot]
      outside |=
        (value < minimum[slot] ? 1 : 0) | (value > maximum[slot] ? 1 : 0) | (value.isNaN ? required[slot] : 0)
    }
    guard outside == 0 else { return nil }
    // As `FastReportChecker.rulesHold`: the year, the rules (a warning too defers), then the SIRET.
    if yearSlot >= 0, let year, values[yearSlot] != year { return nil }
    if courAppelSlot >= 0 { values[courAppelSlot] = 1 }
    guard
      RuleTape.reportRulesHold(
        UnsafeBufferPointer(rules), ops: UnsafeBufferPointer(ops), terms: UnsafeBufferPointer(terms),
        report: values, stack: stack, failed: { _ in false })
    else { return nil }
    if siretSlot >= 0 {
      let siret = values[siretSlot]
      guard !siret.isNaN, sirets.firstLine(of: Int(siret), recordingAt: line) == nil else { return nil }
    }
    return stop + 1
  }
}
