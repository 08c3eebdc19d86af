import EnqueteCore

/// How a service sends its report: the software or the intermediary it goes through.
public enum SubmissionChannel: String, Sendable, Hashable, CaseIterable {
  /// Its own XML file.
  case xml
  /// Its own CSV in the open-data dialect (UTF-8, comma).
  case csvOpenData
  /// Its own CSV as French Excel saves it, in Windows-1252.
  case csvExcelWindows1252
  /// Its own CSV as French Excel saves it, in UTF-8 with BOM.
  case csvExcelUTF8BOM
  /// Inside a multi-report CSV its CAF (mediation) or cour d'appel (espaces de rencontre) sends.
  case batchCSV
  /// Inside a multi-report XML its regional federation sends (mediation only).
  case batchXML
}

/// A service of the synthetic population: one family-mediation service or espace de rencontre.
public struct SampleService: Sendable, Hashable {
  /// Its survey.
  public let survey: SurveyID
  /// Its SIRET (valid Luhn key).
  public let siret: String
  /// Its name.
  public let name: String
  /// Its département.
  public let departement: Departement
  /// Statut du gestionnaire.
  public let statut: String
  /// Relative size (median 1), drives its share of the national activity.
  public let size: Double
  /// How it sends its report.
  public let channel: SubmissionChannel
  /// Whether it sends the per-measure detail (espaces de rencontre).
  public let sendsDetail: Bool
  /// First campaign year it exists.
  public let openedIn: Int
  /// Last campaign year it exists (nil while open).
  public let closedAfter: Int?

  /// Whether it exists in the campaign of `year`.
  public func isActive(in year: Int) -> Bool { year >= openedIn && (closedAfter.map { year <= $0 } ?? true) }
}

/// Names, SIRETs and channels of synthetic services.
enum ServiceFactory {
  private static let mediationStems = [
    "Trait d'Union", "Le Fil d'Ariane", "Passerelle", "L'Escale", "Parenthèse", "Cap Famille",
    "Le Pont", "Dialogue Familles", "Médiance", "L'Arbre à Palabres", "Horizon Familles", "Entr'Actes",
    "Familles, Dialogue et Médiation", "Accord Parental", "Le \"Lien\"", "Cœur de Famille", "Ensemble",
    "Relais Parents–Enfants", "La Boussole", "Équilibre", "Médiation & Familles", "Le Trait d’Union",
    "L'Olivier", "Tisser des Liens", "Archipel", "Aire de Famille", "Sésame", "Point Virgule",
  ]
  private static let rencontreStems = [
    "La Passerelle", "Le Petit Pont", "Point Rencontre", "L'Îlot", "La Maison des Liens", "Le Relais",
    "Les Petits Pas", "Entre-Deux", "La Parenthèse", "Le Square", "L'Étape", "Arc-en-Ciel",
    "Le Lien, la Rencontre", "Cerf-Volant", "La Clé des Champs", "Le Rond-Point", "Les Hirondelles",
    "Papillon", "La Bulle", "L'Oasis", "Au Fil des Rencontres", "Les Liens du \"Cœur\"",
  ]

  static func name(
    survey: SurveyID, statut: String, departement: Departement, random: inout RandomSource
  ) -> String {
    let place = departement.name
    switch (survey, statut) {
    case (.mediationFamiliale, "caf"): return "CAF \(place) – service de médiation familiale"
    case (.mediationFamiliale, "collectivite"): return "Maison des familles – \(place)"
    case (.mediationFamiliale, "autre"): return "UDAF \(place) – médiation familiale"
    case (.mediationFamiliale, _):
      return "Association \(mediationStems[random.integer(0...mediationStems.count - 1)]) (\(place))"
    case (.espaceRencontre, "caf"): return "CAF \(place) – espace de rencontre"
    case (.espaceRencontre, "collectivite"): return "Espace rencontre municipal – \(place)"
    case (.espaceRencontre, _):
      return "Espace de rencontre \(rencontreStems[random.integer(0...rencontreStems.count - 1)]) (\(place))"
    }
  }

  /// A random SIRET whose SIREN and whole number both pass Luhn.
  static func siret(random: inout RandomSource) -> String {
    var siren = String(random.integer(3...8))
    for _ in 0..<7 { siren += String(random.integer(0...9)) }
    siren.append(Siret.luhnCheckDigit(for: siren))
    var nic = siren
    for _ in 0..<4 { nic += String(random.integer(0...9)) }
    nic.append(Siret.luhnCheckDigit(for: nic))
    return nic
  }

  static func statut(survey: SurveyID, random: inout RandomSource) -> String {
    switch survey {
    case .mediationFamiliale:
      random.weighted([("association", 0.74), ("caf", 0.10), ("collectivite", 0.06), ("autre", 0.10)])
    case .espaceRencontre:
      random.weighted([("association", 0.86), ("caf", 0.04), ("collectivite", 0.07), ("autre", 0.03)])
    }
  }

  static func channel(survey: SurveyID, random: inout RandomSource) -> SubmissionChannel {
    switch survey {
    case .mediationFamiliale:
      random.weighted([
        (.xml, 0.35), (.csvOpenData, 0.15), (.csvExcelWindows1252, 0.15), (.csvExcelUTF8BOM, 0.10),
        (.batchCSV, 0.15), (.batchXML, 0.10),
      ])
    case .espaceRencontre:
      random.weighted([
        (.xml, 0.40), (.csvOpenData, 0.15), (.csvExcelWindows1252, 0.10), (.csvExcelUTF8BOM, 0.10),
        (.batchCSV, 0.25),
      ])
    }
  }
}
