import EnqueteSchemas
import Foundation

/// What a survey publishes (`Schemas/v1/publication/<survey>.publication.json`): its tables, the
/// geographic levels of each, the secrecy rule that applies to each, and derived indicators.
///
/// A variable shared by several tables (a total broken down by outcome, by theme, by duration) is
/// one cell per geographic unit in all of them: the tables are linked and protected together.
public struct PublicationPlan: Codable, Hashable, Sendable {
  /// The survey (`mediation-familiale`, `espace-rencontre`).
  public var survey: SurveyID
  /// The plan's version, recorded with every publication.
  public var planVersion: String
  /// The publication's French title.
  public var title: String
  /// The secrecy rules, by the name tables refer to.
  public var rules: [String: SecrecyRuleDefinition]
  /// The required protection of a primary cell, as a share of its value (0.10 is INSEE's `MAN(10)`).
  public var protectionRatio: Double
  /// Every geographic level the publication shows, widest first.
  public var levels: [GeographicLevel]
  /// Variables computed from submitted ones before aggregation (a total not in the questionnaire).
  public var derivedVariables: [DerivedVariable]
  /// The published tables, in publication order.
  public var tables: [PublishedTableDefinition]
  /// Indicators computed from published cells (shares, ratios) or from the per-measure detail.
  public var indicators: [IndicatorDefinition]
  /// Counts of the per-measure detail by waiting time, computed for every report that sent it.
  public var waitClasses: WaitClasses?
  /// What the national report puts forward: key figures and the map.
  public var report: ReportChoices?
  /// How non-respondents are imputed; nil (the default) publishes the respondents only.
  public var imputation: Imputation?

  /// The imputation of non-respondents: an expected service without a current report but with
  /// an accepted report of the previous year has that report carried forward unchanged (every
  /// identity of the questionnaire then holds exactly, and counts stay whole). Its per-measure
  /// detail is not carried (waiting times stay the respondents'). Secrecy applies to the totals
  /// with the imputed reports as contributors.
  public struct Imputation: Codable, Hashable, Sendable {
    /// `carried-forward`, the only method.
    public var method: String

    /// An imputation by `method`.
    public init(method: String) { self.method = method }
  }

  /// Facts a reader may assume of every service, beyond the rules file (from the definitions
  /// the survey gives its variables), summed at every unit: knowledge of the secrecy audit's
  /// attacker (``AttackerKnowledge``), declared here so that the publisher claims no less.
  public var readerFacts: [ReaderFact]?

  /// A fact a reader may assume of every service: a linear comparison over report, derived or
  /// waiting-class variables, with the reason in French.
  public struct ReaderFact: Codable, Hashable, Sendable {
    /// Its identifier.
    public var id: String
    /// The comparison, in the rules language (`nb_mesures_en_attente_fin <= nb_mesures_en_cours_fin`).
    public var check: String
    /// Why a reader may assume it.
    public var why: String
  }

  /// What the national report puts forward.
  public struct ReportChoices: Codable, Hashable, Sendable {
    /// The key figures, national value with its evolution on the previous year.
    public var keyFigures: [Reference]
    /// The cell mapped by département (as a rate per 100 000 inhabitants).
    public var map: MapChoice
    /// Who to contact about the publication (a service, not a person), printed in the report.
    public var contact: String?

    /// A published cell: a table (or indicator) and a variable.
    public struct Reference: Codable, Hashable, Sendable {
      /// The table or indicator.
      public var table: String
      /// The variable (the indicator's identifier for an indicator).
      public var variable: String
    }

    /// The map: a cell of the département level and its title.
    public struct MapChoice: Codable, Hashable, Sendable {
      /// The table.
      public var table: String
      /// The variable.
      public var variable: String
      /// The map's French title.
      public var title: String
    }
  }

  /// The variables that count a report's measures by waiting time, from its detail: the measures
  /// with a receipt date (`total`), those still without a first visit (`censored`), the others by
  /// class of days from receipt to first visit.
  public struct WaitClasses: Codable, Hashable, Sendable {
    /// Measures of the detail with a receipt date.
    public var total: String
    /// Measures without a first visit by the end of the year (or of the measure).
    public var censored: String
    /// The classes, in increasing order of days.
    public var classes: [WaitClass]

    /// A class of waits: fewer than `upTo` days (the last class has no bound).
    public struct WaitClass: Codable, Hashable, Sendable {
      /// The variable that counts it.
      public var variable: String
      /// Exclusive upper bound in days; nil for the last class.
      public var upTo: Int?
    }

    /// Every variable defined here.
    public var variables: [String] { [total, censored] + classes.map(\.variable) }

    /// The counts of `waits` by variable.
    public func counts(_ waits: [(days: Int, observed: Bool)]) -> [String: Double] {
      var result = Dictionary(uniqueKeysWithValues: variables.map { ($0, 0.0) })
      for wait in waits {
        result[total]! += 1
        guard wait.observed else {
          result[censored]! += 1
          continue
        }
        let variable =
          classes.first { $0.upTo.map { wait.days < $0 } ?? true }?.variable ?? classes.last!.variable
        result[variable]! += 1
      }
      return result
    }
  }

  /// The plan shipped with the package for `survey`.
  public static func builtIn(_ survey: SurveyID) -> PublicationPlan {
    guard let bytes = SchemaSources.publicationPlan(for: survey.rawValue),
      let plan = try? JSONDecoder().decode(PublicationPlan.self, from: Data(bytes))
    else { preconditionFailure("the publication plan of \(survey.rawValue) does not decode") }
    return plan
  }

  /// The rule that applies to a table (``problems(catalog:)`` checks every table names one).
  public func rule(of table: PublishedTableDefinition) -> SecrecyRuleDefinition? { rules[table.rule] }

  /// The table with this identifier.
  public func table(id: String) -> PublishedTableDefinition? { tables.first { $0.id == id } }
}

/// One secrecy rule of the plan: a threshold on contributors or on the cell's value, and
/// optionally dominance.
public struct SecrecyRuleDefinition: Codable, Hashable, Sendable {
  /// What the frequency threshold counts.
  public enum Basis: String, Codable, Hashable, Sendable {
    /// The cell's own value: a count of persons or measures (1 ≤ value < threshold is secret).
    case value
    /// The services contributing to the cell (1 ≤ services < threshold is secret).
    case contributors
  }

  /// The French wording of the rule, for the methodology section.
  public var label: String
  /// What the threshold counts.
  public var basis: Basis
  /// A cell with 1 to `threshold − 1` is secret.
  public var threshold: Int
  /// The dominance rule (n, k), for magnitudes; nil when off.
  public var dominance: DominanceDefinition?
  /// The p% rule, for magnitudes; nil when off.
  public var pPercent: Double?

  /// The (n, k) dominance rule: the n largest contributions may not exceed k % of the cell.
  public struct DominanceDefinition: Codable, Hashable, Sendable {
    /// n.
    public var contributors: Int
    /// k, in percent.
    public var percent: Double
  }
}

/// A variable the aggregation computes for every report from submitted ones.
public struct DerivedVariable: Codable, Hashable, Sendable {
  /// Its name (not a questionnaire variable).
  public var name: String
  /// Its French label.
  public var label: String
  /// Its unit.
  public var unit: String
  /// The submitted variables it adds up.
  public var sumOf: [String]
}

/// One published table: plain variables side by side, or a total broken down by categories.
public struct PublishedTableDefinition: Codable, Hashable, Sendable {
  /// The table's identifier (`table` column of the open-data file).
  public var id: String
  /// Its French title.
  public var title: String
  /// The name of its secrecy rule in ``PublicationPlan/rules``.
  public var rule: String
  /// The geographic levels it is published at.
  public var levels: [GeographicLevel]
  /// For a table of plain variables: the variables, each its own column.
  public var variables: [String]?
  /// For a breakdown: the total…
  public var total: CategoryDefinition?
  /// …and the categories that add up to it.
  public var categories: [CategoryDefinition]?

  /// One category of a breakdown (or its total).
  public struct CategoryDefinition: Codable, Hashable, Sendable {
    /// The category's code (`categorie` column).
    public var code: String
    /// Its French label.
    public var label: String
    /// The variable that holds it.
    public var variable: String
  }

  /// Every (category code, variable) of the table: the categories then the total for a breakdown,
  /// the variables (category empty) for a plain table.
  public var columns: [(category: String, variable: String)] {
    if let total, let categories {
      return categories.map { ($0.code, $0.variable) } + [(total.code, total.variable)]
    }
    return (variables ?? []).map { ("", $0) }
  }
}

/// A derived indicator: computed from published cells, never an additive cell itself.
public struct IndicatorDefinition: Codable, Hashable, Sendable {
  /// How the indicator is computed.
  public enum Kind: String, Codable, Hashable, Sendable {
    /// Number of responding services (public: the directory is).
    case services
    /// Number of services expected to answer: the campaign's directory (public), with any
    /// respondent it does not list.
    case expectedServices = "expected-services"
    /// Number of non-respondents imputed (their last accepted report carried forward), when the
    /// plan imputes: every file says how many of the figures' services are imputed.
    case imputedServices = "imputed-services"
    /// 100 × Σ numerator / denominator.
    case share
    /// Σ numerator / denominator.
    case ratio
    /// Mean waiting days from receipt to first visit, over the measures that started.
    case waitMean = "wait-mean"
    /// Median waiting days (Kaplan–Meier, measures still waiting are censored).
    case waitMedian = "wait-median"
  }

  /// The indicator's identifier (`table` and `variable` columns).
  public var id: String
  /// Its French label.
  public var label: String
  /// How it is computed.
  public var kind: Kind
  /// The variables added in the numerator (shares and ratios).
  public var numerator: [String]?
  /// The denominator variable (shares and ratios).
  public var denominator: String?
  /// The levels it is published at.
  public var levels: [GeographicLevel]

  /// Every variable the indicator depends on: it is published only where they all are.
  public var dependencies: [String] { (numerator ?? []) + (denominator.map { [$0] } ?? []) }
}
