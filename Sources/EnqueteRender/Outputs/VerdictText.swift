import EnqueteCore

/// What validation said of files, as the French summary lines `validate` and `ingest` print.
public enum VerdictText {
  /// `3 rapports acceptés, 1 refusé, 2 avertissements`, or `fichier refusé en entier`.
  public static func summary(_ verdict: FileVerdict) -> String {
    guard verdict.isReadable else { return "fichier refusé en entier" }
    return "\(FrenchFormat.plural(verdict.acceptedCount, "rapport accepté", "rapports acceptés")), "
      + "\(FrenchFormat.plural(verdict.rejectedCount, "refusé", "refusés")), "
      + FrenchFormat.plural(verdict.warningCount, "avertissement", "avertissements")
  }

  /// The total line over several files.
  public static func total(_ verdicts: [FileVerdict]) -> String {
    let refusedFiles = verdicts.count { !$0.isReadable }
    return "Total : \(FrenchFormat.plural(verdicts.count, "fichier", "fichiers")) "
      + "(\(refusedFiles) refusé\(refusedFiles > 1 ? "s" : "") en entier), "
      + "\(FrenchFormat.plural(verdicts.map(\.acceptedCount).reduce(0, +), "rapport accepté", "rapports acceptés")), "
      + "\(FrenchFormat.plural(verdicts.map(\.rejectedCount).reduce(0, +), "refusé", "refusés")), "
      + FrenchFormat.plural(verdicts.map(\.warningCount).reduce(0, +), "avertissement", "avertissements")
  }
}
