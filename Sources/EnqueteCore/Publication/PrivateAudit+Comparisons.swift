extension PrivateAudit {
  /// What protecting the régions and the cours d'appel together costs against each hierarchy
  /// alone (counts of cells).
  public struct Hierarchies: Codable, Sendable, Hashable {
    /// Cells hidden by the joint protection (`secretes_protection_conjointe`).
    public var jointHidden: Int
    /// Cells hidden protecting without the cours d'appel (`secretes_regions_seules`).
    public var regionsAloneHidden: Int
    /// Cells hidden protecting without the régions (`secretes_cours_appel_seules`).
    public var coursAloneHidden: Int
    /// Cells hidden by the union of the two patterns (`secretes_union_des_deux`).
    public var unionHidden: Int
    /// Primaries the union leaves exposed (`primaires_exposees_par_l_union`).
    public var unionFailingPrimaries: Int

    /// The counts.
    public init(
      jointHidden: Int, regionsAloneHidden: Int, coursAloneHidden: Int, unionHidden: Int,
      unionFailingPrimaries: Int
    ) {
      self.jointHidden = jointHidden
      self.regionsAloneHidden = regionsAloneHidden
      self.coursAloneHidden = coursAloneHidden
      self.unionHidden = unionHidden
      self.unionFailingPrimaries = unionFailingPrimaries
    }

    enum CodingKeys: String, CodingKey {
      case jointHidden = "secretes_protection_conjointe", regionsAloneHidden = "secretes_regions_seules",
        coursAloneHidden = "secretes_cours_appel_seules", unionHidden = "secretes_union_des_deux",
        unionFailingPrimaries = "primaires_exposees_par_l_union"
    }

    var json: OrderedJSON {
      .object([
        ("secretes_protection_conjointe", .number(Double(jointHidden))),
        ("secretes_regions_seules", .number(Double(regionsAloneHidden))),
        ("secretes_cours_appel_seules", .number(Double(coursAloneHidden))),
        ("secretes_union_des_deux", .number(Double(unionHidden))),
        ("primaires_exposees_par_l_union", .number(Double(unionFailingPrimaries))),
      ])
    }
  }

  /// What the full attacker model costs and saves against the equations alone (counts, and the
  /// confidential sums of hidden values).
  public struct Knowledge: Codable, Sendable, Hashable {
    /// Cells hidden against the full model (`secretes_modele_complet`).
    public var fullHidden: Int
    /// Their total value (`valeur_secrete_modele_complet`).
    public var fullHiddenValue: Double
    /// Cells hidden against the equations alone (`secretes_equations_seules`).
    public var equationsOnlyHidden: Int
    /// Their total value (`valeur_secrete_equations_seules`).
    public var equationsOnlyHiddenValue: Double
    /// Primaries the equations-only pattern exposes (`primaires_exposees_par_les_equations_seules`).
    public var equationsOnlyFailingPrimaries: Int
    /// Hidden cells of that pattern recomputable exactly
    /// (`secretes_recalculables_par_les_equations_seules`).
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
}
