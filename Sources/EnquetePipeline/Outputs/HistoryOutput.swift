import EnqueteCore
import EnqueteLedger

/// A service's history (every file received, every version) as French text and as JSON.
public enum HistoryOutput {
  /// The text `enquete history` prints.
  public static func text(siret: String, _ entries: [HistoryEntry]) -> String {
    guard !entries.isEmpty else { return "Aucun fichier reçu du SIRET \(siret).\n" }
    var out = "Historique du SIRET \(siret) : \(FrenchFormat.plural(entries.count, "fichier", "fichiers"))\n"
    for entry in entries {
      let file = entry.file
      out += "\n\(FrenchFormat.dateTime(file.receivedAt))  fichier n° \(file.id)  \(file.name)  "
      out += "sha256 \(file.sha256.prefix(12))  \(verdict(file.verdict))\n"
      for report in entry.reports {
        let survey = report.survey.flatMap(SurveyID.init(rawValue:))?.frenchName ?? "enquête inconnue"
        out += "  \(survey) \(report.year.map(String.init) ?? "année inconnue"), ligne \(report.line) : "
        out += state(report) + "\n"
      }
    }
    return out
  }

  static func state(_ report: ReportVersion) -> String {
    var text: String
    if let version = report.version {
      text = "version \(version), "
      if report.isCurrent {
        text += "courante"
      } else if let next = report.supersededBy {
        text += "remplacée par la version \(next.version) (fichier n° \(next.fileID))"
      } else {
        text += "remplacée"
      }
    } else {
      text = "refusé (\(FrenchFormat.plural(report.errorCount, "erreur", "erreurs")))"
    }
    if report.warningCount > 0 {
      text += ", \(FrenchFormat.plural(report.warningCount, "avertissement", "avertissements"))"
    }
    return text
  }

  static func verdict(_ verdict: SubmissionFileRecord.Verdict) -> String {
    switch verdict {
    case .accepted: "accepté"
    case .partial: "accepté en partie"
    case .refused: "refusé"
    }
  }

  /// The history as JSON, keys in a stable order.
  public static func json(siret: String, _ entries: [HistoryEntry]) -> String {
    OrderedJSON.object([
      ("siret", .string(siret)),
      (
        "fichiers",
        .array(
          entries.map { entry in
            .object([
              ("fichier", .number(Double(entry.file.id))),
              ("nom", .string(entry.file.name)),
              ("sha256", .string(entry.file.sha256)),
              ("recu_le", .string(FrenchFormat.iso(entry.file.receivedAt))),
              ("verdict", .string(entry.file.verdict.rawValue)),
              ("rapports", .array(entry.reports.map(report))),
            ])
          })
      ),
    ]).rendered()
  }

  static func report(_ report: ReportVersion) -> OrderedJSON {
    .object([
      ("enquete", report.survey.map(OrderedJSON.string) ?? .null),
      ("annee", report.year.map { .number(Double($0)) } ?? .null),
      ("ligne", .number(Double(report.line))),
      ("accepte", .bool(report.accepted)),
      ("version", report.version.map { .number(Double($0)) } ?? .null),
      ("courante", .bool(report.isCurrent)),
      ("remplacee_par_version", report.supersededBy.map { .number(Double($0.version)) } ?? .null),
      ("remplacee_par_fichier", report.supersededBy.map { .number(Double($0.fileID)) } ?? .null),
      ("erreurs", .number(Double(report.errorCount))),
      ("avertissements", .number(Double(report.warningCount))),
    ])
  }
}
