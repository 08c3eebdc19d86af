import EnqueteCore

/// What `enquete protect` prints: French text for people, JSON for programs. Names the cells
/// that fail the audit, never their values.
public enum ProtectionOutput {
  /// The French text.
  public static func text(_ protection: TableProtection) -> String {
    let settings = protection.settings
    var out = "Tableau : \(number(Double(protection.table.cells.count))) cellules"
    out +=
      " (\(FrenchFormat.plural(protection.count(.structuralZero), "zéro structurel", "zéros structurels")))\n"
    out += "Secret primaire : " + cells(protection.primaryCount)
    // By rule, when magnitudes bring rules beyond the frequency rule.
    let byRule: [(CellStatus, String)] = [
      (.primaryFrequency, "1 à \(settings.frequencyThreshold - 1) contributeurs"),
      (
        .primaryDominance,
        settings.dominance.map { "dominance (\($0.contributors), \(number($0.percent)) %)" } ?? ""
      ),
      (.primaryPPercent, settings.pPercent.map { "règle p % (\(number($0)) %)" } ?? ""),
    ]
    let parts = byRule.compactMap { status, label in
      protection.count(status) > 0 ? "\(label) : \(number(Double(protection.count(status))))" : nil
    }
    out += parts.isEmpty ? "\n" : " (" + parts.joined(separator: " ; ") + ")\n"
    out += protection.patternGiven ? "Secret secondaire (motif fourni) : " : "Secret secondaire : "
    out += cells(protection.count(.secondary))
    out += ", valeur masquée \(number(protection.secondaryValue))"
    if let added = protection.addedToPattern {
      out +=
        " (dont \(FrenchFormat.plural(added, "cellule ajoutée", "cellules ajoutées")) pour la protection d'enquete)"
    }
    out += "\n"
    let masked = protection.primaryCount + protection.count(.secondary)
    out += "Cellules masquées au total : \(number(Double(masked)))\n"
    if let bound = protection.lowerBound, let gap = protection.gap {
      let unity = protection.cost == .unity
      out += "Coût du motif (\(costLabel(protection.cost))) : \(number(costShown(protection))), "
      // In cells for the unity cost: a pattern costing at least `bound` hides at least ⌊bound⌋.
      out += "borne inférieure de tout motif protecteur : \(number(bound.rounded(unity ? .down : .up))) "
      out += "(écart au plus \(number((gap * 1000).rounded() / 10)) %)\n"
    }
    let percent = Int((settings.protectionRatio * 100).rounded())
    if protection.audit.passes {
      out += "Audit par programmation linéaire : réussi — chaque cellule en secret primaire reste "
      out += "indéterminée à ±\(percent) % au moins et jusqu'au seuil de \(settings.frequencyThreshold)\n"
    } else {
      let failures = protection.audit.failures
      out += "Audit par programmation linéaire : ÉCHEC — "
      out += FrenchFormat.plural(
        failures.count, "cellule insuffisamment protégée", "cellules insuffisamment protégées")
      out += "\n"
      for failure in failures {
        let how = failure.isDisclosedExactly ? "valeur exactement déductible" : "intervalle trop étroit"
        out += "  \(failure.id.replacing("|", with: " × ")) : \(how)\n"
      }
    }
    return out
  }

  /// The JSON, keys in a stable order.
  public static func json(_ protection: TableProtection) -> String {
    OrderedJSON.object([
      ("cellules", .number(Double(protection.table.cells.count))),
      ("zeros_structurels", .number(Double(protection.count(.structuralZero)))),
      ("seuil", .number(Double(protection.settings.frequencyThreshold))),
      ("primaires", .number(Double(protection.primaryCount))),
      ("secondaires", .number(Double(protection.count(.secondary)))),
      ("valeur_secondaire", .number(protection.secondaryValue)),
      ("motif_fourni", .bool(protection.patternGiven)),
      ("optimalite_prouvee", protection.provedOptimal.map { .bool($0) } ?? .null),
      ("ajoutees_au_motif", protection.addedToPattern.map { .number(Double($0)) } ?? .null),
      ("fonction_de_cout", .string(protection.cost.frenchName)),
      ("cout_motif", protection.lowerBound == nil ? .null : .number(protection.placementCost)),
      ("borne_inferieure", protection.lowerBound.map { .number($0) } ?? .null),
      ("ecart_a_la_borne", protection.gap.map { .number($0) } ?? .null),
      ("audit_reussi", .bool(protection.audit.passes)),
      (
        "cellules_insuffisamment_protegees",
        .array(
          protection.audit.failures.map {
            .object([("cellule", .string($0.id)), ("exactement_deductible", .bool($0.isDisclosedExactly))])
          })
      ),
    ]).rendered()
  }

  /// How the pattern's cost is made, for the text.
  static func costLabel(_ cost: CostFunction) -> String {
    switch cost {
    case .value: "valeur masquée + 1 par cellule"
    case .unity: "1 par cellule masquée, la valeur départageant les égalités"
    case .frequency: "contributeurs masqués + 1 par cellule"
    }
  }

  /// The pattern's cost as the text shows it: whole cells for ``CostFunction/unity`` (the value's
  /// share, below 1, only breaks ties), else rounded.
  static func costShown(_ protection: TableProtection) -> Double {
    protection.cost == .unity ? protection.placementCost.rounded(.down) : protection.placementCost.rounded()
  }

  /// `1 cellule`, `1 003 cellules`.
  static func cells(_ count: Int) -> String { "\(number(Double(count))) cellule\(count > 1 ? "s" : "")" }

  /// `1 066` with a narrow no-break space between thousands, as French tables write it.
  static func number(_ value: Double) -> String { FrenchNumber.text(value) }
}
