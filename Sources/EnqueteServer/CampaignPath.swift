import EnqueteCore
import Hummingbird

/// The parameters that name a campaign, a publication and a département in the portal's paths.
enum CampaignPath {
  /// The survey and year of `/…/{enquete}/{annee}/…`; nil when they name none.
  static func parse(_ context: PortalContext) -> (SurveyID, Int)? {
    guard let survey = context.parameters.get("enquete").flatMap(SurveyID.init(rawValue:)),
      let yearText = context.parameters.get("annee"), yearText.count == 4, let year = Int(yearText),
      (2000...2100).contains(year)
    else { return nil }
    return (survey, year)
  }

  /// The département code of `/…/departements/{code}/…`, when it has the form of one (`01`, `2A`,
  /// `971`); nothing else reaches the file system.
  static func departement(_ context: PortalContext) -> String? {
    guard let code = context.parameters.get("code") else { return nil }
    let valid =
      (code.count == 2 && code.allSatisfy(\.isASCII)
        && (code.allSatisfy(\.isNumber) || code == "2A" || code == "2B"))
      || (code.count == 3 && code.allSatisfy { $0.isASCII && $0.isNumber })
    return valid ? code : nil
  }
}
