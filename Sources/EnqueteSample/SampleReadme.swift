import EnqueteCore

/// The README of a sample campaign folder: how it was made, what it holds, its national totals
/// against the targets.
struct SampleReadme {
  let campaign: SampleCampaign

  func render() -> String {
    let settings = campaign.settings
    var out = """
      # Campagne d'exemple (synthétique)

      Données entièrement synthétiques, produites par :

          \(settings.commandLine)

      La même graine redonne ces fichiers à l'octet près (un test le vérifie). Aucun service réel n'y figure :
      SIRET, noms et chiffres sont tirés au hasard, avec la répartition inégale des services entre départements
      (certains en ont plusieurs, d'autres aucun : les « zones blanches ») et les ordres de grandeur nationaux
      publiés (voir `shared/design/surveys.md`). Les cibles 2025 sont une projection (+\(Value.canonicalText(of: NationalTargets.growth * 100).replacingOccurrences(of: ".", with: ",")) % par an) :
      aucun chiffre 2025 n'est publié.

      ## Contenu

      - `annuaires/<enquête>-<année>.csv` : les répondants attendus de chaque campagne (siret, nom, enquête, département).
      - `<enquête>/<année>/` : les fichiers reçus, tels que les services les envoient — XML (`rapport-<siret>.xml`,
        détail par mesure inclus pour une partie des espaces de rencontre), CSV « open data » (UTF-8, virgule), CSV
        d'Excel français (point-virgule, virgule décimale, dates jj/mm/aaaa, codes département sans zéro initial, en
        Windows-1252 ou UTF-8 avec BOM), fichiers multi-rapports d'une CAF (`caf-<dép>-<année>.csv`), d'une fédération
        régionale (`federation-region-<code>-<année>.xml`) ou d'une cour d'appel (`cour-appel-<code>-<année>.csv`), et
        détail par mesure en CSV (`…-mesures.csv`).
      - `invalid/` : des fichiers qui ont chacun un seul défaut, annoncé par leur nom ; `invalid/defauts-attendus.json`
        donne pour chacun le code de diagnostic attendu et la ligne visée.


      """
    out +=
      "## Campagnes\n\n| enquête | année | attendus | répondants | taux de réponse |\n|---|---|---|---|---|\n"
    for survey in SurveyID.allCases {
      for year in settings.years {
        let expected = campaign.expected[survey]![year]!.count
        let answered = campaign.reports[survey]![year]!.count
        let rate = (Double(answered) / Double(expected) * 1000).rounded() / 10
        out +=
          "| \(survey.rawValue) | \(year) | \(expected) | \(answered) | \(FrenchNumber.cell(rate)) % |\n"
      }
    }
    out +=
      "\n## Totaux nationaux des répondants et cibles\n\n| enquête | année | variable | total | cible | écart |\n|---|---|---|---|---|---|\n"
    for survey in SurveyID.allCases {
      for year in settings.years {
        let totals = campaign.nationalTotals(survey, year: year)
        let targets = NationalTargets.of(survey, year: year)
        for (name, target) in targets.totals.sorted(by: { $0.key < $1.key }) {
          let scaled = target * Double(settings.scale)
          let total = totals[name] ?? 0
          let gap = ((total / scaled - 1) * 1000).rounded() / 10
          out +=
            "| \(survey.rawValue) | \(year) | `\(name)` | \(Value.canonicalText(of: (total * 100).rounded() / 100)) "
          out +=
            "| \(Value.canonicalText(of: (scaled * 100).rounded() / 100)) | \(Value.canonicalText(of: gap)) % |\n"
        }
      }
    }
    return out
  }
}
