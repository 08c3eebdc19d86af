import EnqueteCore
import EnqueteLedger
import EnqueteRender

/// What `enquete ingest` says of each file, in French text and in JSON.
public enum IngestOutput {
  /// One file's result.
  public struct Result: Sendable {
    /// The path given.
    public var path: String
    /// What ingestion did; nil when the ledger refused the file (`refusal`).
    public var outcome: Ingestion.Outcome?
    /// Why the ledger did not take the file (its campaign is not open).
    public var refusal: LedgerError?

    /// A file ingested.
    public init(path: String, outcome: Ingestion.Outcome) {
      self.path = path
      self.outcome = outcome
    }

    /// A file the ledger did not take.
    public init(path: String, refusal: LedgerError) {
      self.path = path
      self.refusal = refusal
    }

    /// The validation verdict, for a file validated and stored now.
    public var verdict: FileVerdict? {
      if case .stored(let verdict, _, _)? = outcome { return verdict }
      return nil
    }

    /// Whether anything in it was refused (a file received again counts as its first verdict).
    public var isRefused: Bool {
      switch outcome {
      case .stored(let verdict, _, _)?: !verdict.isValid
      case .duplicate(let file)?: file.verdict != .accepted
      case nil: false
      }
    }
  }

  /// `file : 3 rapports acceptés, … — enregistré (fichier n° 12, 1 version remplacée)`.
  public static func line(_ result: Result) -> String {
    switch result.outcome {
    case .stored(let verdict, let file, let superseded)?:
      var text = "\(result.path) : \(VerdictText.summary(verdict)) — enregistré (fichier n° \(file.id)"
      if superseded > 0 {
        text += ", " + FrenchFormat.plural(superseded, "version remplacée", "versions remplacées")
      }
      return text + ")"
    case .duplicate(let file)?:
      return
        "\(result.path) : déjà reçu le \(FrenchFormat.dateTime(file.receivedAt)) (fichier n° \(file.id), "
        + "\(HistoryOutput.verdict(file.verdict))) — non enregistré à nouveau"
    case nil:
      return "\(result.path) : non enregistré (campagne non ouverte)"
    }
  }

  /// `12 fichiers enregistrés, 3 déjà reçus`.
  public static func ledgerTotal(_ results: [Result]) -> String {
    let stored = results.count { $0.verdict != nil }
    let duplicates = results.count { if case .duplicate? = $0.outcome { true } else { false } }
    var text = FrenchFormat.plural(stored, "fichier enregistré", "fichiers enregistrés")
    text += ", " + FrenchFormat.plural(duplicates, "déjà reçu", "déjà reçus")
    let refused = results.count { $0.refusal != nil }
    if refused > 0 { text += ", " + FrenchFormat.plural(refused, "non enregistré", "non enregistrés") }
    return text
  }

  /// One object per file: what was done, and the validation verdict of files stored now.
  public static func json(_ results: [Result]) -> String {
    OrderedJSON.array(
      results.map { result in
        var members: [(String, OrderedJSON)] = [("fichier", .string(result.path))]
        switch result.outcome {
        case .stored(let verdict, let file, let superseded)?:
          members += [
            ("resultat", .string("enregistre")), ("fichier_n", .number(Double(file.id))),
            ("sha256", .string(file.sha256)), ("verdict", .string(file.verdict.rawValue)),
            ("versions_remplacees", .number(Double(superseded))), ("validation", VerdictJSON.file(verdict)),
          ]
        case .duplicate(let file)?:
          members += [
            ("resultat", .string("deja-recu")), ("fichier_n", .number(Double(file.id))),
            ("sha256", .string(file.sha256)), ("verdict", .string(file.verdict.rawValue)),
          ]
        case nil:
          members += [
            ("resultat", .string("non-enregistre")),
            ("erreur", .string(result.refusal.map { "\($0)" } ?? "")),
          ]
        }
        return .object(members)
      }
    ).rendered()
  }
}
