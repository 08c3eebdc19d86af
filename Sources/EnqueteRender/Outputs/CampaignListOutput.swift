import EnqueteCore

/// The list of campaigns as French text and as JSON.
public enum CampaignListOutput {
  /// One line per campaign.
  public static func text(_ campaigns: [CampaignSummary]) -> String {
    guard !campaigns.isEmpty else { return "Aucune campagne.\n" }
    var out = ""
    for campaign in campaigns {
      let name = SurveyID(rawValue: campaign.survey)?.frenchName ?? campaign.survey
      let rate = ResponseRate(
        code: "", name: "", expected: campaign.expectedCount, respondents: campaign.respondentCount)
      out += "\(campaign.survey) \(campaign.year) (\(name)) : "
      out +=
        campaign.closedAt.map { "close le \(FrenchFormat.dateTime($0))" }
        ?? "ouverte le \(FrenchFormat.dateTime(campaign.openedAt))"
      out += ", réponses \(StatusOutput.rate(rate)), annuaire \(campaign.directoryName)\n"
    }
    return out
  }

  /// An array of objects.
  public static func json(_ campaigns: [CampaignSummary]) -> String {
    OrderedJSON.array(
      campaigns.map { campaign in
        .object([
          ("enquete", .string(campaign.survey)),
          ("annee", .number(Double(campaign.year))),
          ("ouverte_le", .string(FrenchFormat.iso(campaign.openedAt))),
          ("close_le", campaign.closedAt.map { .string(FrenchFormat.iso($0)) } ?? .null),
          ("annuaire", .string(campaign.directoryName)),
          ("attendus", .number(Double(campaign.expectedCount))),
          ("repondants", .number(Double(campaign.respondentCount))),
        ])
      }
    ).rendered()
  }
}
