/// What each stable diagnostic code means, in French words, for readers who never saw the
/// diagnostics themselves: the quality annex of a report counts the messages sent to services by
/// code, and a statistician reads « Clé de contrôle du SIRET erronée », not
/// `validate.siret-luhn`. The codes are listed in `Schemas/README.md` (« Diagnostic codes »).
public enum DiagnosticCodeWording {
  /// The French wording of `code`; nil for a code this list does not know (the code is then
  /// shown as is).
  public static func french(_ code: String) -> String? { wording[code] }

  /// Every code the intake and the ledger use, with its wording.
  public static let wording: [String: String] = [
    "file.empty": "Fichier vide",
    "file.too-large": "Fichier trop volumineux",
    "file.unreadable": "Fichier illisible",
    "file.no-report": "Fichier CSV sans aucun rapport",
    "xml.malformed": "Fichier XML mal formé",
    "xml.encoding": "Fichier XML dans un autre codage que celui qu'il déclare",
    "xml.forbidden-dtd": "Déclaration DOCTYPE ou entité interdite",
    "xml.too-deep": "Imbrication XML excessive",
    "xml.too-many-errors": "Trop d'erreurs XML (les suivantes ne sont pas détaillées)",
    "xml.unknown-namespace": "Espace de noms XML inconnu (enquête ou version du schéma)",
    "xml.schema": "Élément XML non conforme au schéma (inconnu, manquant ou mal placé)",
    "xml.detected": "Format XML détecté",
    "csv.encoding": "Codage des caractères illisible",
    "csv.unterminated-quote": "Guillemet ouvert jamais fermé",
    "csv.field-too-long": "Champ CSV trop long",
    "csv.too-many-fields": "Trop de champs sur une ligne CSV",
    "csv.line-too-long": "Ligne CSV trop longue",
    "csv.missing-column": "Colonne obligatoire absente de l'en-tête",
    "csv.duplicate-column": "Colonne en double dans l'en-tête",
    "csv.unknown-layout": "En-tête ne correspondant à aucune table de l'enquête",
    "csv.detail-without-report": "Détail par mesure envoyé sans son fichier de rapports",
    "csv.field-count": "Ligne au nombre de champs différent de l'en-tête",
    "csv.extra-column": "Colonne inconnue ignorée",
    "csv.detected": "Format CSV détecté",
    "validate.type": "Valeur d'un type inattendu (nombre, date, oui/non)",
    "validate.required": "Valeur obligatoire manquante",
    "validate.enum": "Valeur hors de la liste des codes permis",
    "validate.pattern": "Valeur d'une forme non permise",
    "validate.minimum": "Valeur inférieure au minimum permis",
    "validate.maximum": "Valeur supérieure au maximum permis",
    "validate.siret-format": "SIRET qui n'a pas 14 chiffres",
    "validate.siret-luhn": "Clé de contrôle du SIRET erronée",
    "validate.siret-normalised": "SIRET écrit avec des espaces (corrigé)",
    "validate.unknown-departement": "Code de département inconnu",
    "validate.departement-normalised": "Code de département écrit sans son zéro (corrigé)",
    "validate.wrong-year": "Rapport d'une autre année que celle de la campagne",
    "validate.duplicate-key": "Rapport ou mesure en double dans un fichier",
    "validate.orphan-detail": "Mesures sans rapport de leur service",
    "validate.sum-mismatch": "Ventilation dont la somme diffère du total",
    "validate.stock-flow": "Stocks et flux incohérents (en cours, entrées, sorties)",
    "validate.bound": "Partie supérieure à son total",
    "validate.plausibility": "Valeur peu plausible (alerte, rapport accepté)",
    "validate.date-order": "Dates dans un ordre impossible",
    "validate.inconsistent": "Réponses incohérentes entre elles",
    "validate.detail-mismatch": "Détail par mesure en désaccord avec le rapport",
    "ledger.unexpected-siret": "SIRET absent de l'annuaire de la campagne",
  ]
}
