/// The problems any submission file can have whatever its format, each with its code and its
/// French message in one place.
extension Diagnostic {
  /// The file has no byte (`file.empty`).
  public static func fileEmpty(_ file: String) -> Diagnostic {
    Diagnostic(
      .error, code: "file.empty", message: "Le fichier est vide : aucun rapport n'y figure.",
      location: .init(file: file, line: 1))
  }

  /// The file has a header but no report row (`file.no-report`): refused, so that the service
  /// does not believe it answered.
  public static func fileWithoutReport(_ file: String) -> Diagnostic {
    Diagnostic(
      .error, code: "file.no-report",
      message: "Le fichier ne contient aucun rapport : seule la ligne d'en-tête est présente. "
        + "Ajoutez une ligne par service (ou envoyez le fichier complet).",
      location: .init(file: file, line: 2))
  }

  /// The file cannot be opened or read (`file.unreadable`).
  public static func fileUnreadable(_ file: String) -> Diagnostic {
    Diagnostic(
      .error, code: "file.unreadable", message: "Le fichier ne peut pas être lu.", location: .init(file: file)
    )
  }

  /// The file is larger than `limit` bytes (`file.too-large`).
  public static func fileTooLarge(_ file: String, limit: Int) -> Diagnostic {
    Diagnostic(
      .error, code: "file.too-large",
      message: "Le fichier dépasse la taille maximale acceptée (\(limit / 1_048_576) Mo).",
      location: .init(file: file))
  }
}
