import EnqueteCore

/// The fast path of validation: tells, without building strings or dictionaries, whether a report
/// is *clean* — every value in a plain spelling and within its constraints, the campaign's year, a
/// SIRET not seen before in the file, every rule (errors and warnings) satisfied. A clean report
/// is accepted with nothing to say; any other goes to `ReportValidator`, which finds and words
/// every problem. The fast path never decides a refusal, so it cannot refuse wrongly; tests hold
/// it to accepting only what the full validator accepts without a remark.
public struct FastReportChecker {
  private struct CompiledRule {
    let kind: Rule.Kind
    let when: RuleProgram?
    let check: RuleProgram?
    let count: RuleProgram?
    let equals: RuleProgram?
  }

  let report: SlotLayout
  let detail: SlotLayout?
  private let reportRules: [CompiledRule]
  private let detailRules: [CompiledRule]
  private let countRules: [CompiledRule]
  let compiledEverything: Bool
  private let campaignYear: Int?
  let departements: [[UInt8]: Int]
  private let yearSlot: Int?
  private let siretSlot: Int?
  let identifierSlot: Int?
  private let sirets: SiretRegistry
  var line = 0
  private let requiredSlots: [Int]
  private var stack: [Double] = []
  var values: [Double]
  var rows: [Double] = []
  var identifiers = Set<Int>()

  /// A checker for the reports of one file.
  public init(
    survey: SurveyID, campaignYear: Int?, sirets: SiretRegistry = SiretRegistry(),
    geography: Geography = .reference
  ) {
    self.sirets = sirets
    let definition = SurveyDefinition.builtIn(survey)
    let reportLayout = SlotLayout(definition.report)
    let detailLayout = definition.detail.map(SlotLayout.init)
    report = reportLayout
    detail = detailLayout
    self.campaignYear = campaignYear
    departements = Dictionary(
      uniqueKeysWithValues: geography.departements.enumerated().map { (Array($1.code.utf8), $0) })
    yearSlot = reportLayout.slot("annee")
    siretSlot = reportLayout.slot("siret")
    identifierSlot = detailLayout?.slot("mesure_id")
    values = [Double](repeating: .nan, count: reportLayout.variables.count)
    requiredSlots = reportLayout.variables.indices.filter {
      reportLayout.variables[$0].required && reportLayout.variables[$0].isSubmitted
    }
    var complete = true
    func compile(_ rule: Rule) -> CompiledRule {
      let isDetailRow = rule.table != definition.report.name
      let layout = isDetailRow ? detailLayout! : reportLayout
      let parent: SlotLayout? = isDetailRow ? reportLayout : nil
      func program(_ expression: Expression?, on layout: SlotLayout, parent: SlotLayout?) -> RuleProgram? {
        guard let expression else { return nil }
        guard let program = RuleProgram(expression, layout: layout, parent: parent) else {
          complete = false
          return nil
        }
        return program
      }
      return CompiledRule(
        kind: rule.kind, when: program(rule.when, on: layout, parent: parent),
        check: program(rule.check, on: layout, parent: parent),
        count: detailLayout.flatMap { program(rule.count, on: $0, parent: reportLayout) },
        equals: program(rule.equals, on: reportLayout, parent: nil))
    }
    let rules = RuleSet.builtIn(survey).rules
    reportRules = rules.filter { $0.table == definition.report.name && $0.kind != .detailCount }.map(compile)
    detailRules = rules.filter { $0.table != definition.report.name }.map(compile)
    countRules = rules.filter { $0.kind == .detailCount }.map(compile)
    compiledEverything = complete
  }

  /// Whether a report read from XML (or already decoded) is clean. A clean report's SIRET is
  /// remembered, to find a later duplicate.
  public mutating func isClean(_ raw: RawReport) -> Bool {
    guard compiledEverything, raw.diagnostics.isEmpty else { return false }
    line = raw.record.line
    guard fill(&values, layout: report, from: raw.record, offset: 0) else { return false }
    rows.removeAll(keepingCapacity: true)
    if let detail, !raw.detail.isEmpty {
      let width = detail.variables.count
      identifiers.removeAll(keepingCapacity: true)
      for (index, row) in raw.detail.enumerated() {
        rows.append(contentsOf: repeatElement(Double.nan, count: width))
        guard fill(&rows, layout: detail, from: row, offset: index * width, skip: siretSlotOfDetail) else {
          return false
        }
        if identifierSlot != nil, let identifier = row.values["mesure_id"]?.text {
          // A hash collision only sends the report to the full validator.
          guard identifiers.insert(identifier.hashValue).inserted else { return false }
        }
      }
    }
    return rulesHold(detailCount: raw.detail.count)
  }

  /// Whether a CSV row (a report without detail) is clean; `columns` maps each column to a slot.
  public mutating func isClean(
    row: some CSVFields, line: Int, columns: [Int?], textIsValid: (UnsafeBufferPointer<UInt8>) -> Bool
  ) -> Bool {
    guard compiledEverything, row.count == columns.count else { return false }
    self.line = line
    for slot in values.indices { values[slot] = .nan }
    let read = row.withAllFields { bytes, ends -> Bool in
      var start = 0
      for (column, slot) in columns.enumerated() {
        let end = ends[column]
        defer { start = end }
        guard let slot else { continue }
        guard let trimmed = FastReportChecker.trimmed(UnsafeBufferPointer(rebasing: bytes[start..<end]))
        else { continue }
        let kind = report.kinds[slot]
        if kind.isText, trimmed.contains(where: { $0 >= 0x80 }), !textIsValid(trimmed) { return false }
        guard let value = FastValueReader.read(trimmed, kind, departements: departements),
          within(report.variables[slot], value)
        else { return false }
        values[slot] = value
      }
      return true
    }
    guard read else { return false }
    for slot in requiredSlots where values[slot].isNaN { return false }
    rows.removeAll(keepingCapacity: true)
    return rulesHold(detailCount: 0)
  }

  var siretSlotOfDetail: Int? { detail?.slot("siret") }

  /// The slot of each CSV column (nil for a column that is no variable).
  public func slots(forColumns columns: [String?]) -> [Int?] { columns.map { $0.flatMap(report.slot) } }

  private func within(_ variable: VariableDefinition, _ value: Double) -> Bool {
    if let minimum = variable.minimum, value < minimum { return false }
    if let maximum = variable.maximum, value > maximum { return false }
    return true
  }

  /// Fills `slots[offset...]` from a record's text values; false to defer.
  private func fill(
    _ slots: inout [Double], layout: SlotLayout, from record: RawRecord, offset: Int, skip: Int? = nil
  ) -> Bool {
    for index in 0..<layout.variables.count { slots[offset + index] = .nan }
    for index in layout.submitted.indices {
      let entry = layout.submitted[index]
      guard entry.slot != skip else { continue }
      guard let raw = record.values[entry.name] else {
        if entry.required { return false }
        continue
      }
      func read(_ buffer: UnsafeBufferPointer<UInt8>) -> Bool {
        guard let trimmed = FastReportChecker.trimmed(buffer) else { return !entry.required }
        guard let value = FastValueReader.read(trimmed, layout.kinds[entry.slot], departements: departements),
          !(value < entry.minimum), !(value > entry.maximum)
        else { return false }
        slots[offset + entry.slot] = value
        return true
      }
      var text = raw.text
      let ok = text.utf8.withContiguousStorageIfAvailable(read) ?? text.withUTF8(read)
      guard ok else { return false }
    }
    return true
  }

  /// Year, duplicates and every rule; remembers the SIRET when all hold.
  mutating func rulesHold(detailCount: Int) -> Bool {
    if let slot = yearSlot, let campaignYear, values[slot] != Double(campaignYear) { return false }
    if let slot = derivedCourAppelSlot { values[slot] = 1 }
    let siret = siretSlot.map { Int(values[$0]) } ?? 0
    guard !sirets.contains(siret) else { return false }
    let ok = values.withUnsafeBufferPointer { report -> Bool in
      for rule in reportRules {
        if let when = rule.when, when.run(report, parent: report, stack: &stack) != 1 { continue }
        if let check = rule.check, check.run(report, parent: report, stack: &stack) == 0 { return false }
      }
      guard detailCount > 0, let width = detail?.variables.count else { return true }
      return rows.withUnsafeBufferPointer { all -> Bool in
        for index in 0..<detailCount {
          let row = UnsafeBufferPointer(rebasing: all[(index * width)..<((index + 1) * width)])
          for rule in detailRules {
            if let when = rule.when, when.run(row, parent: report, stack: &stack) != 1 { continue }
            if let check = rule.check, check.run(row, parent: report, stack: &stack) == 0 { return false }
          }
        }
        for rule in countRules {
          guard let count = rule.count, let equals = rule.equals else { continue }
          if let when = rule.when, when.run(report, parent: report, stack: &stack) != 1 { continue }
          let expected = equals.run(report, parent: report, stack: &stack)
          if expected.isNaN { continue }
          var counted = 0
          for index in 0..<detailCount {
            let row = UnsafeBufferPointer(rebasing: all[(index * width)..<((index + 1) * width)])
            if count.run(row, parent: report, stack: &stack) == 1 { counted += 1 }
          }
          if Swift.abs(Double(counted) - expected) > ExpressionEvaluator.tolerance { return false }
        }
        return true
      }
    }
    if ok { _ = sirets.firstLine(of: siret, recordingAt: line) }
    return ok
  }

  private var derivedCourAppelSlot: Int? { report.slot("cour_appel_code") }

  /// `bytes` without ASCII spaces and tabs at either end; nil when nothing is left.
  static func trimmed(_ bytes: UnsafeBufferPointer<UInt8>) -> UnsafeBufferPointer<UInt8>? {
    var start = 0
    var end = bytes.count
    while start < end, bytes[start] == 0x20 || bytes[start] == 0x09 { start += 1 }
    while end > start, bytes[end - 1] == 0x20 || bytes[end - 1] == 0x09 { end -= 1 }
    guard end > start else { return nil }
    // Other white space at either end (no-break spaces…) is for the full validator to judge.
    if bytes[start] >= 0x80 || bytes[end - 1] >= 0x80 {
      return start == 0 && end == bytes.count ? bytes : nil
    }
    return UnsafeBufferPointer(rebasing: bytes[start..<end])
  }
}

extension SlotLayout.Kind {
  var isText: Bool {
    if case .text = self { return true }
    return false
  }
}
