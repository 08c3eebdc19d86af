import Hummingbird

/// The portal's refusals, each with its French message beside it.
extension PortalError {
  /// No token with the request.
  static let unauthenticated = PortalError(
    status: .unauthorized, code: "jeton-absent",
    message: "Cette page demande un jeton d'accès : envoyez-le dans l'en-tête Authorization (Bearer) "
      + "ou connectez-vous avec lui.",
    headers: [.wwwAuthenticate: "Bearer realm=\"enquete\""])

  /// A token that is unknown or revoked (the two are told apart only in the audit log).
  static let invalidToken = PortalError(
    status: .unauthorized, code: "jeton-invalide",
    message: "Ce jeton d'accès n'est pas (ou plus) valide. Demandez-en un nouveau à l'équipe de l'enquête.",
    headers: [.wwwAuthenticate: "Bearer realm=\"enquete\", error=\"invalid_token\""])

  /// What the identity may not see, or what does not exist: the same answer for both.
  static let notFound = PortalError(
    status: .notFound, code: "introuvable",
    message: "Cette page n'existe pas, ou votre jeton n'y donne pas accès.")

  /// A role that may not submit files.
  static let notAService = PortalError(
    status: .forbidden, code: "depot-reserve-aux-services",
    message: "Seul un jeton de service peut déposer un fichier.")

  /// A file holding a report for a SIRET the token does not cover (whether it exists is not said).
  static func foreignSiret(line: Int) -> PortalError {
    PortalError(
      status: .forbidden, code: "siret-non-autorise",
      message: "Le rapport de la ligne \(line) porte un SIRET qui n'est pas rattaché à votre jeton : "
        + "un service ne dépose que pour ses propres SIRET. Le fichier n'a pas été enregistré.")
  }

  /// A body past the size limit.
  static func tooLarge(limit: Int) -> PortalError {
    PortalError(
      status: .contentTooLarge, code: "fichier-trop-volumineux",
      message:
        "Le fichier dépasse la taille maximale acceptée (\(RoleText.size(limit))). Il n'a pas été enregistré."
    )
  }

  /// A body that is neither XML nor CSV.
  static let unsupportedType = PortalError(
    status: .unsupportedMediaType, code: "type-non-accepte",
    message: "Seuls les fichiers XML (application/xml) et CSV (text/csv) sont acceptés, envoyés tels quels "
      + "ou dans un formulaire (multipart/form-data, champ « fichier »).")

  /// A form or body the portal cannot read.
  static func badRequest(_ message: String) -> PortalError {
    PortalError(status: .badRequest, code: "requete-invalide", message: message)
  }

  /// A campaign that does not take files (not opened, or closed).
  static func campaignNotOpen(_ campaign: String) -> PortalError {
    PortalError(
      status: .conflict, code: "campagne-fermee",
      message: "La campagne \(campaign) n'est pas ouverte : aucun fichier ne peut y être déposé.")
  }

  /// An upload that did not arrive whole in time.
  static let timeout = PortalError(
    status: .requestTimeout, code: "delai-depasse",
    message: "Le fichier n'est pas arrivé en entier dans le délai imparti. Il n'a pas été enregistré : "
      + "renvoyez-le.")
}
