/// The problems any submission file can have whatever its format, each with its code and its
/// French message in one place.
extension Diagnostic {
  /// The file has no byte (`file.empty`).
  public static func fileEmpty(_ file: String) -> Diagnostic {
    Diagnostic(
      .error, code: "file.empty", message: "Le fichier est vide : aucun rapport n'y figure.",
      location: .init(file: file, line: 1))
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
