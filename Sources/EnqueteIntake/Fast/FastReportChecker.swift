import EnqueteCore

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// What the fast path says of a report.
public enum FastVerdict: Sendable {
  /// Accepted with nothing to say.
  case clean
  /// Accepted, with the warnings of plausibility rules it breaks (worded as the full validator
  /// words them).
  case acceptedWithWarnings(ValidatedReportSummary)
  /// Anything else: the full validator must look at it.
  case deferred
}

/// The fast path of validation: tells, without building strings or dictionaries, whether a report
/// is *clean* — every value in a plain spelling and within its constraints, the campaign's year, a
/// SIRET not seen before in the file, every rule satisfied — or clean but for warnings. Any other
/// report goes to `ReportValidator`, which finds and words every problem. The fast path never
/// decides a refusal, so it cannot refuse wrongly; tests hold it to the full validator's verdict
/// and wording on every sample and on mutated rows.
public struct FastReportChecker {
  let report: SlotLayout
  let detail: SlotLayout?
  let tape: RuleTape
  private let campaignYear: Int?
  let departements: DepartementIndex
  private let yearSlot: Int?
  let siretSlot: Int?
  let identifierSlot: Int?
  let detailSiretSlot: Int?
  private let courAppelSlot: Int?
  let sirets: SiretRegistry
  let requiredSlots: [Int]
  private let warnings: FastWarningWriter
  /// The typed values of accepted reports, from their slots.
  let typedReport: FastTypedValues
  let typedDetail: FastTypedValues?
  let detailPlan: FastTypedValues.TablePlan?
  var line = 0
  private var columnSlots: [Int] = []
  /// The fast path on rows still in the text (see `checkLine`), once `prepare` knows the columns.
  private(set) var lane: FastLineLane?
  var values: [Double]
  var rows: [Double] = []
  private var stack: [Double]
  var identifiers = Set<Int>()
  private var failedWarnings: [Int] = []

  /// A checker for the reports of one file (`file` names it in the warnings it words). Over the
  /// reference geography (nil), its compiled parts are shared by every file of the process.
  public init(
    survey: SurveyID, campaignYear: Int?, file: String = "", sirets: SiretRegistry = SiretRegistry(),
    geography: Geography? = nil
  ) {
    let parts = geography.map { FastCheckerParts(survey: survey, geography: $0) } ?? .reference(survey)
    self.sirets = sirets
    report = parts.report
    detail = parts.detail
    tape = parts.tape
    self.campaignYear = campaignYear
    departements = parts.departements
    yearSlot = parts.yearSlot
    siretSlot = parts.siretSlot
    courAppelSlot = parts.courAppelSlot
    identifierSlot = parts.identifierSlot
    detailSiretSlot = parts.detailSiretSlot
    values = [Double](repeating: .nan, count: parts.report.variables.count)
    stack = [Double](repeating: .nan, count: parts.tape.stackSize)
    requiredSlots = parts.requiredSlots
    warnings = parts.warnings.naming(file)
    typedReport = parts.typedReport
    typedDetail = parts.typedDetail
    detailPlan = parts.detailPlan
  }

  /// False when some rule cannot be compiled: every report then goes to the full validator.
  var compiledEverything: Bool { tape.isComplete }

  /// Whether the year, SIRET and every rule hold without even a warning, remembering the SIRET
  /// when they do (for reports whose slots are filled).
  mutating func holdsCleanly(detailCount: Int) -> Bool {
    rulesHold(detailCount: detailCount) && failedWarnings.isEmpty && record()
  }

  /// Maps each CSV column to its variable's slot; call once the header is read.
  public mutating func prepare(columns: [String?]) {
    columnSlots = columns.map { $0.flatMap(report.slot) ?? -1 }
    let required = Set(requiredSlots)
    let plans = columnSlots.map {
      ColumnPlan(slot: $0, layout: report, siretSlot: siretSlot, required: required)
    }
    lane =
      tape.isComplete && !plans.isEmpty ? FastLineLane(self, plans: plans, campaignYear: campaignYear) : nil
  }

  /// The fast path on a CSV row still in the file's text, read in one pass: each field is parsed
  /// by its column's kind while its end is searched (no tokenizing first). The row is taken only
  /// when it is plain — on one line ending with LF or CRLF before `end`, no quote, as many fields
  /// as the header, every value in a plain spelling and within bounds — and *clean*, as `check`
  /// would say `.clean`; its SIRET is then remembered at `line`. Anything else (a row with
  /// warnings too) returns nil and leaves nothing behind: the row goes the usual way.
  /// - Returns: the offset just past the row's line break when it was taken.
  /// - Complexity: O(row length + rule operations), nothing allocated. (Mutating only so that a
  /// caller holding the checker in place does not copy it to call this.)
  public mutating func checkLine(
    _ text: UnsafePointer<UInt8>, start: Int, end: Int, line: Int, delimiter: UInt8,
    encoding: FastTextEncoding
  ) -> Int? {
    guard start < end, let found = memchr(text + start, 0x0A, end - start),
      case .taken(let next)? = lane?.check(
        text, start: start, end: UnsafePointer<UInt8>(found.assumingMemoryBound(to: UInt8.self)) - text + 1,
        reach: end - start, line: line, delimiter: delimiter, encoding: encoding)
    else { return nil }
    return next
  }

  /// The offset of the last LF in `start..<count`, nil when there is none (found from the end:
  /// it is usually within the last row).
  private static func lastLineFeed(_ text: UnsafePointer<UInt8>, _ start: Int, _ count: Int) -> Int? {
    var index = count - 1
    while index >= start {
      if text[index] == 0x0A { return index }
      index -= 1
    }
    return nil
  }

  /// `checkLine` on the rows from `start` on, as many in a row as it takes, each ending with its
  /// line break within `reach` bytes of its start and before `count`: the offset past the last
  /// row taken (`start` when none was) and how many were taken. A row clean but for warnings is
  /// taken too, its summary (worded as `check` words it) handed to `onWarnings`.
  /// - Complexity: O(bytes taken + rule operations); warnings cost a few strings.
  public mutating func checkLines(
    _ text: UnsafePointer<UInt8>, start: Int, count: Int, reach: Int, line: Int, delimiter: UInt8,
    encoding: FastTextEncoding, onWarnings: (ValidatedReportSummary) -> Void,
    onTaken: ((ValidatedReport) -> Void)? = nil
  ) -> (end: Int, rows: Int) {
    // Rows are read up to the last LF of the text: each one before it has its LF there at the
    // latest, which bounds every scan (one search for the whole text, none for each row).
    guard let lane, let lastLineFeed = Self.lastLineFeed(text, start, count) else { return (start, 0) }
    let through = lastLineFeed + 1
    var end = start
    var rows = 0
    while end < through {
      switch lane.check(
        text, start: end, end: through, reach: reach, line: line + rows, delimiter: delimiter,
        encoding: encoding)
      {
      case .taken(let next):
        if let onTaken {
          onTaken(
            lineReport(
              text, start: end, next: next, line: line + rows, delimiter: delimiter, encoding: encoding))
        }
        end = next
      case .warned(let next):
        // The row's fields, its line break (LF or CRLF) left out, worded as `check` words them.
        let stop = next - 2 >= end && text[next - 2] == 0x0D ? next - 2 : next - 1
        guard
          let summary = warnings.summary(
            rules: lane.failedRules,
            row: PlainRow(text, start: end, end: stop, delimiter: delimiter),
            line: line + rows, columnSlots: columnSlots, layout: report, siret: lane.siretText,
            decode: { Self.decode($0, encoding) }),
          lane.record(line: line + rows)
        else { return (end, rows) }
        onWarnings(summary)
        if let onTaken {
          var report = lineReport(
            text, start: end, next: next, line: line + rows, delimiter: delimiter, encoding: encoding)
          report.diagnostics = summary.diagnostics
          onTaken(report)
        }
        end = next
      case .declined:
        return (end, rows)
      }
      rows += 1
    }
    return (end, rows)
  }

  /// The typed report of the row the lane just took, `text[start..<next]` (its line break
  /// included), its free text decoded in the file's encoding.
  private func lineReport(
    _ text: UnsafePointer<UInt8>, start: Int, next: Int, line: Int, delimiter: UInt8,
    encoding: FastTextEncoding
  ) -> ValidatedReport {
    let stop = next - 2 >= start && text[next - 2] == 0x0D ? next - 2 : next - 1
    let row = PlainRow(text, start: start, end: stop, delimiter: delimiter)
    return lane!.withSlots { slots in
      typedRow(row, slots: slots, line: line) { bytes in
        encoding == .windows1252 ? Windows1252.decode(bytes) : String(decoding: bytes, as: UTF8.self)
      }
    }
  }

  /// The typed report of a CSV row whose slots are `slots`, its free text through `decode`.
  func typedRow(
    _ row: some CSVFields, slots: UnsafeBufferPointer<Double>, line: Int,
    decode: (UnsafeBufferPointer<UInt8>) -> String?
  ) -> ValidatedReport {
    let values = typedReport.values(slots) { slot in
      guard let column = columnSlots.firstIndex(of: slot), column < row.count else { return nil }
      return row.withField(column) { decode($0) }
    }
    let siret = siretSlot.flatMap { slots[$0].isNaN ? nil : FastTypedValues.siret(slots[$0]) }
    return ValidatedReport(siret: siret, line: line, values: values, detail: [], diagnostics: [])
  }

  /// The typed report of the row ``check(row:line:isText:decode:)`` just accepted (with the
  /// warnings it found, when any).
  public func typed(
    row: some CSVFields, line: Int, diagnostics: [Diagnostic] = [],
    decode: (UnsafeBufferPointer<UInt8>) -> String?
  ) -> ValidatedReport {
    var report = values.withUnsafeBufferPointer { typedRow(row, slots: $0, line: line, decode: decode) }
    report.diagnostics = diagnostics
    return report
  }

  /// Text as the reader's decoder gives it, when that needs no decision: ASCII, or UTF-8 once the
  /// file is known to be UTF-8 (nil otherwise: the row then goes the usual way).
  private static func decode(_ bytes: UnsafeBufferPointer<UInt8>, _ encoding: FastTextEncoding) -> String? {
    if !bytes.contains(where: { $0 >= 0x80 }) { return String(decoding: bytes, as: UTF8.self) }
    return encoding == .utf8 ? String(validating: bytes, as: UTF8.self) : nil
  }

  /// The verdict on a CSV row (a report without detail), columns as `prepare` mapped them.
  /// `isText` tells whether bytes decode in the file's encoding, `decode` gives their text (nil
  /// when they do not decode).
  /// - Complexity: O(columns + rule operations); warnings cost a few strings.
  public mutating func check(
    row: some CSVFields, line: Int, isText: (UnsafeBufferPointer<UInt8>) -> Bool,
    decode: (UnsafeBufferPointer<UInt8>) -> String?
  ) -> FastVerdict {
    guard tape.isComplete, row.count == columnSlots.count else { return .deferred }
    self.line = line
    let read = readRow(row, isText: isText)
    guard read, rulesHold(detailCount: 0) else { return .deferred }
    if failedWarnings.isEmpty { return record() ? .clean : .deferred }
    guard
      let summary = warnings.summary(
        rules: failedWarnings, row: row, line: line, columnSlots: columnSlots,
        layout: report, siret: siretText, decode: decode)
    else { return .deferred }
    return record() ? .acceptedWithWarnings(summary) : .deferred
  }

  /// Reads the row's values into the slots; false to defer.
  private mutating func readRow(
    _ row: some CSVFields, isText: (UnsafeBufferPointer<UInt8>) -> Bool
  ) -> Bool {
    let report = self.report
    let departements = self.departements
    let read = values.withUnsafeMutableBufferPointer { values -> Bool in
      values.update(repeating: .nan)
      return columnSlots.withUnsafeBufferPointer { columnSlots in
        row.withAllFields { text, starts, ends -> Bool in
          for column in 0..<columnSlots.count {
            let slot = columnSlots[column]
            guard slot >= 0 else { continue }
            let field = UnsafeBufferPointer(
              start: text + starts[column], count: ends[column] - starts[column])
            guard let trimmed = FastValueReader.trimmed(field) else { continue }
            let kind = report.kinds[slot]
            if kind == .text, trimmed.contains(where: { $0 >= 0x80 }), !isText(trimmed) { return false }
            guard
              let value = FastValueReader.read(
                trimmed, kind, slot: slot, layout: report, departements: departements),
              value >= report.minimum[slot], value <= report.maximum[slot]
            else { return false }
            values[slot] = value
          }
          return true
        }
      }
    }
    guard read else { return false }
    for slot in requiredSlots where values[slot].isNaN { return false }
    return true
  }

  /// Year, duplicates and every rule: false at the first error-level problem; warning rules that
  /// fail are listed in `failedWarnings`.
  private mutating func rulesHold(detailCount: Int) -> Bool {
    failedWarnings.removeAll(keepingCapacity: true)
    if let slot = yearSlot, let campaignYear, values[slot] != Double(campaignYear) { return false }
    if let slot = courAppelSlot { values[slot] = 1 }
    // A SIRET already met is found by `record()`, once the rules hold.
    let tape = self.tape
    let width = detail?.variables.count ?? 0
    var failed: [Int] = []
    swap(&failed, &failedWarnings)
    defer { swap(&failed, &failedWarnings) }
    let terms = tape.terms
    return tape.ops.withUnsafeBufferPointer { ops in
      stack.withUnsafeMutableBufferPointer { stack in
        values.withUnsafeBufferPointer { report in
          let stack = stack.baseAddress!
          let report = report.baseAddress!
          let reportHolds = tape.reportRules.withUnsafeBufferPointer { rules in
            terms.withUnsafeBufferPointer { terms in
              RuleTape.reportRulesHold(rules, ops: ops, terms: terms, report: report, stack: stack) {
                failed.append($0)
                return true
              }
            }
          }
          guard reportHolds else { return false }
          guard detailCount > 0 else { return true }
          return rows.withUnsafeBufferPointer { all -> Bool in
            let all = all.baseAddress!
            for index in 0..<detailCount {
              let row = all + index * width
              for rule in tape.detailRules {
                if let when = rule.when, RuleTape.run(ops, when, row, parent: report, stack: stack) != 1 {
                  continue
                }
                if let check = rule.check, RuleTape.run(ops, check, row, parent: report, stack: stack) == 0 {
                  return false
                }
              }
            }
            for rule in tape.countRules {
              guard let count = rule.count, let equals = rule.equals else { continue }
              if let when = rule.when, RuleTape.run(ops, when, report, parent: report, stack: stack) != 1 {
                continue
              }
              let expected = RuleTape.run(ops, equals, report, parent: report, stack: stack)
              if expected.isNaN { continue }
              var counted = 0
              for index in 0..<detailCount
              where RuleTape.run(ops, count, all + index * width, parent: report, stack: stack) == 1 {
                counted += 1
              }
              if Swift.abs(Double(counted) - expected) > ExpressionEvaluator.tolerance { return false }
            }
            return true
          }
        }
      }
    }
  }

  /// Remembers the report's SIRET, to find a later duplicate; false if it was already there.
  private func record() -> Bool {
    guard let slot = siretSlot else { return true }
    return sirets.firstLine(of: Int(values[slot]), recordingAt: line) == nil
  }

  /// The SIRET read, as its 14 digits.
  private var siretText: String? {
    guard let slot = siretSlot, !values[slot].isNaN else { return nil }
    let digits = String(Int(values[slot]))
    return String(repeating: "0", count: max(0, 14 - digits.count)) + digits
  }
}
