/// What the attacker model costs and saves: the publication protected against a reader who knows
/// only the equations and non-negativity (the model before ``AttackerKnowledge``), that pattern
/// audited against everything a reader knows, beside the pattern of the full model.
///
/// Only counts and sums (the sums of hidden values are confidential: in the private audit only,
/// never on the terminal nor in a published file).
public struct KnowledgeComparison: Codable, Sendable, Hashable {
  /// Cells hidden against the full model (primaries and secondaries).
  public var fullHidden: Int
  /// Their total value.
  public var fullHiddenValue: Double
  /// Cells hidden against a reader who knows only the equations.
  public var equationsOnlyHidden: Int
  /// Their total value.
  public var equationsOnlyHiddenValue: Double
  /// Primaries that the equations-only pattern leaves under-protected against the full model.
  public var equationsOnlyFailingPrimaries: Int
  /// Hidden cells of the equations-only pattern that the full model recomputes exactly.
  public var equationsOnlyRecomputable: Int

  /// The counts and sums.
  public init(
    fullHidden: Int, fullHiddenValue: Double, equationsOnlyHidden: Int, equationsOnlyHiddenValue: Double,
    equationsOnlyFailingPrimaries: Int, equationsOnlyRecomputable: Int
  ) {
    self.fullHidden = fullHidden
    self.fullHiddenValue = fullHiddenValue
    self.equationsOnlyHidden = equationsOnlyHidden
    self.equationsOnlyHiddenValue = equationsOnlyHiddenValue
    self.equationsOnlyFailingPrimaries = equationsOnlyFailingPrimaries
    self.equationsOnlyRecomputable = equationsOnlyRecomputable
  }

  enum CodingKeys: String, CodingKey {
    case fullHidden = "secretes_modele_complet", fullHiddenValue = "valeur_secrete_modele_complet",
      equationsOnlyHidden = "secretes_equations_seules",
      equationsOnlyHiddenValue = "valeur_secrete_equations_seules",
      equationsOnlyFailingPrimaries = "primaires_exposees_par_les_equations_seules",
      equationsOnlyRecomputable = "secretes_recalculables_par_les_equations_seules"
  }

  /// The member of the private audit, keys in order.
  var json: OrderedJSON {
    .object([
      ("secretes_modele_complet", .number(Double(fullHidden))),
      ("valeur_secrete_modele_complet", .number(fullHiddenValue)),
      ("secretes_equations_seules", .number(Double(equationsOnlyHidden))),
      ("valeur_secrete_equations_seules", .number(equationsOnlyHiddenValue)),
      ("primaires_exposees_par_les_equations_seules", .number(Double(equationsOnlyFailingPrimaries))),
      ("secretes_recalculables_par_les_equations_seules", .number(Double(equationsOnlyRecomputable))),
    ])
  }
}
