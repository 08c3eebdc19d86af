import EnqueteCore

/// The national magnitudes the sample campaign reproduces, per survey and year, at scale 1.
///
/// 2024 figures are those of the domain brief (`surveys.md`): CNAF's published totals for family
/// mediation, and for espaces de rencontre values inside the ranges the brief gives. No figure is
/// published for 2025: the 2025 targets are the 2024 ones grown by `growth` a year, a projection
/// stated here and in `SampleSubmissions/README.md`.
public struct NationalTargets: Sendable, Hashable {
  /// Responding services.
  public let services: Int
  /// National totals of the count and magnitude variables, by variable name.
  public let totals: [String: Double]

  /// Yearly growth of activity after 2024 (projection).
  public static let growth = 0.015

  /// The targets of a survey for a year, at scale 1.
  public static func of(_ survey: SurveyID, year: Int) -> NationalTargets {
    let years = Double(year - 2024)
    let factor = 1 + growth * years
    switch survey {
    case .mediationFamiliale:
      return NationalTargets(
        services: 272 + 3 * (year - 2024),
        totals: [
          "etp_mediateurs": 499, "nb_mediateurs": 826, "nb_lieux_accueil": 1709,
          "nb_reunions_info_collectives": 17247, "nb_entretiens_info_prealables": 107_250,
          "nb_seances": 56786, "nb_mediations_terminees": 23807, "nb_beneficiaires": 51164,
          "produits_ps_caf": 31_300_000,
        ].mapValues { $0 * factor })
    case .espaceRencontre:
      return NationalTargets(
        services: 200 + 3 * (year - 2024),
        totals: [
          "nb_enfants": 31500, "nb_rdv_organises": 105_000, "nb_mesures_recues": 19000,
          "produits_ps_caf": 14_500_000, "produits_justice": 8_000_000,
        ].mapValues { $0 * factor })
    }
  }

  /// Shares of the breakdowns (2024 brief; kept in later years).
  public enum Shares {
    /// Voluntary share of mediations ended.
    public static let conventional = 0.69
    /// Outcomes: written agreement, oral agreement, no agreement, interrupted.
    public static let outcomes = [0.28, 0.34, 0.15, 0.23]
    /// Themes: separation, intergenerational, family ties, other.
    public static let themes = [0.75, 0.10, 0.10, 0.05]
    /// Durations: under 3 months, 3–6 months, over 6 months.
    public static let durations = [0.61, 0.28, 0.11]
    /// Court-ordered mediations by judge: family judge, juvenile judge, cour d'appel.
    public static let judges = [0.88, 0.04, 0.08]
    /// Measures by origin: family judge, juvenile judge, cour d'appel, other court, parents.
    public static let origins = [0.80, 0.07, 0.03, 0.03, 0.07]
    /// Ended measures: at term, new decision, interrupted, never started.
    public static let endings = [0.34, 0.14, 0.41, 0.11]
    /// Children by age: under 6, 6–11, 12–17.
    public static let ages = [0.38, 0.42, 0.20]
    /// Held visits: supervised, third party present, handover.
    public static let visits = [0.55, 0.25, 0.20]
    /// Share of espaces de rencontre with a waiting list at the end of the year.
    public static let withWaitingList = 0.60
  }
}
