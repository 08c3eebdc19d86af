import EnqueteCore

/// What a ``FastReportChecker`` compiles from its survey and geography before it reads a report:
/// the slot layouts, the rule tape, the département index, the typed-value makers and the warning
/// writer. A campaign is tens of thousands of small files and a checker is made per file, so for
/// the reference geography these are compiled once per survey for the whole process.
struct FastCheckerParts: Sendable {
  let report: SlotLayout
  let detail: SlotLayout?
  let tape: RuleTape
  let departements: DepartementIndex
  let yearSlot: Int?
  let siretSlot: Int?
  let courAppelSlot: Int?
  let identifierSlot: Int?
  let detailSiretSlot: Int?
  /// The slots of required variables a service submits.
  let requiredSlots: [Int]
  /// The warning writer, its file not named yet (``FastWarningWriter/naming(_:)``).
  let warnings: FastWarningWriter
  let typedReport: FastTypedValues
  let typedDetail: FastTypedValues?
  /// How the detail is written as the ledger's table, when its layout derives nothing (else
  /// rows are typed as dictionaries first).
  let detailPlan: FastTypedValues.TablePlan?

  /// Compiles the parts for `survey` over `geography`.
  /// - Complexity: O(variables + rules + départements); a 64 Ki-entry table for the index.
  init(survey: SurveyID, geography: Geography) {
    let definition = SurveyDefinition.builtIn(survey)
    let reportLayout = SlotLayout(definition.report)
    let detailLayout = definition.detail.map(SlotLayout.init)
    report = reportLayout
    detail = detailLayout
    tape = RuleTape(
      survey: definition, rules: RuleSet.builtIn(survey), report: reportLayout, detail: detailLayout)
    departements = DepartementIndex(geography)
    yearSlot = reportLayout.slot("annee")
    siretSlot = reportLayout.slot("siret")
    courAppelSlot = reportLayout.slot("cour_appel_code")
    identifierSlot = detailLayout?.slot("mesure_id")
    detailSiretSlot = detailLayout?.slot("siret")
    requiredSlots = reportLayout.variables.indices.filter {
      reportLayout.variables[$0].required && reportLayout.variables[$0].isSubmitted
    }
    warnings = FastWarningWriter(survey: definition, file: "", geography: geography)
    typedReport = FastTypedValues(layout: reportLayout, geography: geography)
    let typedDetail = detailLayout.map { FastTypedValues(layout: $0, geography: geography) }
    self.typedDetail = typedDetail
    let detailSiret = detailLayout?.slot("siret")
    detailPlan = typedDetail.flatMap { $0.derivesCourAppel ? nil : $0.tablePlan(skip: detailSiret) }
  }

  /// The parts of `survey` over the reference geography, compiled on first use.
  static func reference(_ survey: SurveyID) -> FastCheckerParts {
    switch survey {
    case .mediationFamiliale: mediationFamiliale
    case .espaceRencontre: espaceRencontre
    }
  }

  private static let mediationFamiliale = FastCheckerParts(survey: .mediationFamiliale, geography: .reference)
  private static let espaceRencontre = FastCheckerParts(survey: .espaceRencontre, geography: .reference)
}
