import EnqueteCore
import Foundation
import Testing

@testable import EnqueteIntake

/// The fast path may only accept, silently, what the full validator accepts without a remark: on
/// every sample and on mutated copies, both paths must give the same counts and the same
/// diagnostics, in the same order and the same words (the fast path words warnings itself).
@Suite struct FastPathAgreementTests {
  static func signature(_ verdict: FileVerdict) -> [String] {
    ["\(verdict.reportCount) \(verdict.acceptedCount) \(verdict.rejectedCount) \(verdict.isReadable)"]
      + verdict.allDiagnostics.map {
        "\($0.location.file):\($0.location.line ?? 0):\($0.location.column ?? 0) \($0.severity) \($0.code) "
          + "\($0.report ?? "") \($0.variable ?? "") \($0.rule ?? "") \($0.message)"
      }
  }

  /// Every report typed, as the ledger receives them: line, SIRET, values (every bit), detail (as
  /// stored), diagnostics.
  static func typed(_ reports: [ValidatedReport]) -> [String] {
    // Each value exactly: its case and, for a number, every bit.
    func exact(_ values: [String: Value]) -> String {
      values.sorted { $0.key < $1.key }.map { key, value in
        switch value {
        case .integer(let integer): "\(key)=i\(integer)"
        case .number(let number): "\(key)=n\(number.bitPattern)"
        case .boolean(let flag): "\(key)=b\(flag)"
        case .string(let text): "\(key)=s«\(text)»"
        case .date(let date): "\(key)=d\(date.iso)"
        }
      }.joined(separator: ";")
    }
    return reports.map { report in
      "\(report.line) \(report.siret ?? "-") \(exact(report.values))"
        // The detail as the ledger keeps it: the fast path writes it from its slots, the
        // reference validator's rows are written by `ValueJSON`.
        + " \(report.detailCount) \(report.detailJSON ?? "-") "
        + report.diagnostics.map { "\($0.code) \($0.location.line ?? 0) \($0.message)" }.joined(
          separator: " | ")
    }
  }

  /// The verdicts, then the typed reports, of the fast path (counting only, and keeping typed
  /// reports from disk and from memory: what `validate`, `ingest` and the portal run) and of the
  /// reference validator alone.
  static func bothPaths(_ path: String, year: Int? = nil) -> (fast: [String], full: [String]) {
    let checker = Intake(campaignYear: year)
    let full = checker.check(
      .onDisk(path: path), keeping: .reports, path: path, onRemarks: nil, fastPath: false)
    let kept = checker.check(.onDisk(path: path), keeping: .reports, path: path)
    let inMemory = (try? SubmittedFile.read(path: path)).map {
      checker.check($0, keeping: .reports, path: path)
    }
    return (
      signature(checker.check(path: path)) + signature(kept.verdict) + typed(kept.reports)
        + typed(inMemory?.reports ?? []),
      signature(full.verdict) + signature(full.verdict) + typed(full.reports) + typed(full.reports)
    )
  }

  @Test func samplesGetTheSameVerdictOnBothPaths() {
    let folders = ["mediation-familiale", "espace-rencontre", "invalid"].map {
      IntakeSamples.root.appendingPathComponent($0).path
    }
    for path in Intake.files(in: folders) {
      let (fast, full) = Self.bothPaths(path, year: path.contains("/invalid/") ? 2025 : nil)
      #expect(fast == full, "\(path)")
    }
  }

  @Test func mutatedRowsGetTheSameVerdictOnBothPaths() throws {
    let folder = FileManager.default.temporaryDirectory.appendingPathComponent(
      "enquete-fast-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: folder) }
    let tricky = [
      "", " 12", "12 ", "1 234", "1\u{00A0}234", "12,5", "12.5", "-1", "1e3", "Oui", "non", "O", "2A", "2a",
      "1", "01",
      "31/02/2024", "29/02/2024", "2024-02-30", "00000000000000", "abc", "0,001", "é", "Association", "caf ",
      "99999999",
    ]
    let sources = Intake.files(in: [
      IntakeSamples.root.appendingPathComponent("mediation-familiale/2025").path
    ])
    .filter { $0.hasSuffix(".csv") && $0.contains("/rapport-") }.prefix(6)
    var variants = 0
    for source in sources {
      let bytes = try Data(contentsOf: URL(fileURLWithPath: source))
      guard let text = String(data: bytes, encoding: .utf8) else { continue }
      var lines = text.components(separatedBy: "\n")
      guard lines.count >= 2 else { continue }
      let delimiter: Character = lines[0].contains(";") ? ";" : ","
      let width = lines[0].split(separator: delimiter, omittingEmptySubsequences: false).count
      for column in 0..<width {
        for value in tricky where (column + value.count) % 3 == 0 {
          var fields = lines[1].split(separator: delimiter, omittingEmptySubsequences: false).map(String.init)
          guard fields.count == width, !lines[1].contains("\"") else { continue }
          fields[column] = value
          let original = lines[1]
          lines[1] = fields.joined(separator: String(delimiter))
          let path = folder.appendingPathComponent("v\(variants).csv").path
          try Data(lines.joined(separator: "\n").utf8).write(to: URL(fileURLWithPath: path))
          lines[1] = original
          let (fast, full) = Self.bothPaths(path, year: 2025)
          #expect(fast == full, "column \(column) = «\(value)» in \(source)")
          variants += 1
        }
      }
    }
    #expect(variants > 100)
  }

  /// A detail column no measure of a report has a value for (`date_fin`, when every measure is
  /// still under way) is left out of the ledger's table by both paths alike: the fast path's
  /// table, written with every column, gives way to the reference's.
  @Test func aDetailColumnEmptyInEveryMeasureIsLeftOutByBothPaths() throws {
    let folder = FileManager.default.temporaryDirectory.appendingPathComponent(
      "enquete-fast-detail-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: folder) }
    let name = "rapport-67416912379086"
    let source = IntakeSamples.root.appendingPathComponent("espace-rencontre/2025/\(name)")
    /// The file's lines, each a dictionary of its fields changed by `change`, written back.
    func rewrite(_ suffix: String, _ change: (inout [String: String]) -> Void) throws {
      let text = try #require(
        String(data: Data(contentsOf: URL(fileURLWithPath: source.path + suffix)), encoding: .utf8))
      let newline = text.contains("\r\n") ? "\r\n" : "\n"
      var lines = text.components(separatedBy: newline)
      let header = lines[0].split(separator: ";", omittingEmptySubsequences: false).map(String.init)
      for index in lines.indices.dropFirst() where !lines[index].isEmpty {
        let fields = lines[index].split(separator: ";", omittingEmptySubsequences: false).map(String.init)
        var row = Dictionary(uniqueKeysWithValues: zip(header, fields))
        change(&row)
        lines[index] = header.map { row[$0]! }.joined(separator: ";")
      }
      try Data(lines.joined(separator: newline).utf8).write(to: folder.appendingPathComponent(name + suffix))
    }
    // Every measure still under way at the end of the year, the report's counts saying so.
    try rewrite(".csv") { report in
      for ended in [
        "nb_mesures_terminees_terme", "nb_mesures_terminees_decision", "nb_mesures_terminees_interruption",
        "nb_mesures_jamais_commencees", "nb_mesures_terminees",
      ] {
        report[ended] = "0"
      }
      report["nb_mesures_en_cours_fin"] = String(
        Int(report["nb_mesures_en_cours_debut"]!)! + Int(report["nb_mesures_recues"]!)!)
    }
    try rewrite("-mesures.csv") { measure in
      measure["date_fin"] = ""
      measure["issue"] = "en_cours"
      if measure["date_premier_rdv"] == "" { measure["date_premier_rdv"] = "01/12/2025" }
    }
    let report = folder.appendingPathComponent(name + ".csv").path
    let (fast, full) = Self.bothPaths(report, year: 2025)
    #expect(fast == full)
    let typed = Intake(campaignYear: 2025).check(.onDisk(path: report), keeping: .reports, path: report)
    #expect(typed.verdict.allDiagnostics.allSatisfy { $0.severity == .note })
    let details = typed.reports.compactMap(\.detailJSON)
    #expect(details.count == 1)
    #expect(
      details.allSatisfy { $0.hasPrefix(#"{"columns":["contexte_vif","date_decision","date_premier_rdv","#) })
  }
}
