import EnqueteCore

/// File verdicts as JSON, keys in a stable order, for programs (`enquete validate --format json`).
public enum VerdictJSON {
  /// One object per file.
  public static func render(_ verdicts: [FileVerdict]) -> String {
    OrderedJSON.array(verdicts.map(file)).rendered()
  }

  /// One file's verdict as a JSON object (what the portal's acknowledgement of receipt embeds).
  public static func file(_ verdict: FileVerdict) -> OrderedJSON {
    var members: [(String, OrderedJSON)] = [
      ("fichier", .string(verdict.file)),
      ("format", .string(verdict.format.rawValue)),
      ("enquete", verdict.survey.map { .string($0.rawValue) } ?? .null),
      ("lisible", .bool(verdict.isReadable)),
      ("rapports_lus", .number(Double(verdict.reportCount))),
      ("rapports_acceptes", .number(Double(verdict.acceptedCount))),
      ("rapports_refuses", .number(Double(verdict.rejectedCount))),
      ("avertissements", .number(Double(verdict.warningCount))),
      ("diagnostics", .array(verdict.diagnostics.map(diagnostic))),
      (
        "rapports",
        .array(
          verdict.reports.map { report in
            .object([
              ("siret", report.siret.map(OrderedJSON.string) ?? .null),
              ("ligne", .number(Double(report.line))),
              ("accepte", .bool(report.accepted && verdict.isReadable)),
              ("diagnostics", .array(report.diagnostics.map(diagnostic))),
            ])
          })
      ),
    ]
    if let companion = verdict.companion { members.insert(("fichier_mesures", .string(companion)), at: 1) }
    return .object(members)
  }

  static func diagnostic(_ diagnostic: Diagnostic) -> OrderedJSON {
    var members: [(String, OrderedJSON)] = [
      ("gravite", .string(diagnostic.severity.rawValue)),
      ("code", .string(diagnostic.code)),
      ("message", .string(diagnostic.message)),
      ("fichier", .string(diagnostic.location.file)),
      ("ligne", diagnostic.location.line.map { .number(Double($0)) } ?? .null),
      ("colonne", diagnostic.location.column.map { .number(Double($0)) } ?? .null),
    ]
    if let report = diagnostic.report { members.append(("rapport", .string(report))) }
    if let variable = diagnostic.variable { members.append(("variable", .string(variable))) }
    if let rule = diagnostic.rule { members.append(("regle", .string(rule))) }
    return .object(members)
  }
}
