import EnqueteCore
import Testing

@testable import EnqueteIntake

/// Summaries packed for later come back equal, in order, whatever they hold.
@Suite struct PackedSummariesTests {
  static func summary(_ index: Int) -> ValidatedReportSummary {
    let file = index.isMultiple(of: 2) ? "rapports-été.csv" : "autre.csv"
    return ValidatedReportSummary(
      siret: index.isMultiple(of: 3) ? nil : String(90_000_000_000_000 + index), line: 2 + index * 70_000,
      accepted: index.isMultiple(of: 4),
      diagnostics: (0..<(index % 3)).map { number in
        Diagnostic(
          [.note, .warning, .error][number % 3], code: "validate.rule-\(number)",
          message: "Trouvé : total = \(index),5 — attendu ≥ 0 « \(number) » 🙂",
          location: SourceLocation(
            file: file, line: number == 1 ? nil : 2 + index * 70_000, column: number == 0 ? 212 : nil),
          report: number == 2 ? nil : String(90_000_000_000_000 + index),
          variable: number == 0 ? "charges_totales" : nil,
          rule: number == 1 ? "plausibilite-\(index % 5)" : nil)
      })
  }

  @Test func summariesComeBackEqualAndInOrder() {
    var packed = PackedSummaries()
    let originals = (0..<500).map(Self.summary)
    for summary in originals { packed.append(summary) }
    var unpacked: [ValidatedReportSummary] = []
    packed.forEach { unpacked.append($0) }
    #expect(packed.count == 500)
    #expect(unpacked.count == originals.count)
    for (original, back) in zip(originals, unpacked) {
      #expect(
        back.siret == original.siret && back.line == original.line && back.accepted == original.accepted)
      #expect(back.diagnostics == original.diagnostics)
    }
  }

  @Test func anEmptyPackGivesNothing() {
    var calls = 0
    PackedSummaries().forEach { _ in calls += 1 }
    #expect(calls == 0)
  }
}
