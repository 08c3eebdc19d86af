import EnqueteCore

extension InvalidSamples {
  /// Espace-de-rencontre submissions as a pair (report CSV and `-mesures.csv`) whose detail is wrong.
  func detailSamples() -> [InvalidSample] {
    let er = SurveyID.espaceRencontre
    let definition = SurveyDefinition.builtIn(er)
    var out: [InvalidSample] = []
    func pair(
      _ name: String, _ defect: String, _ code: String, index: Int, diagnosedInDetail: Bool,
      _ change: (inout [[String: Value]]) -> Int
    ) {
      let report = base(er, index)
      var rows = MeasureDetail(seed: campaign.settings.seed).rows(for: report)
      let changedRow = change(&rows)
      let reportText = CSVSubmissionWriter(table: definition.report, dialect: .openData).render([
        report.values
      ])
      let detailText = CSVSubmissionWriter(table: definition.detail!, dialect: .openData).render(rows)
      let detailName = name.replacingOccurrences(of: ".csv", with: "-mesures.csv")
      out.append(
        InvalidSample(
          name: name, defect: defect, code: code, line: diagnosedInDetail ? changedRow + 2 : 2, survey: er,
          rejectedByTableSchema: false, bytes: Array(reportText.utf8),
          companion: SampleFile(path: detailName, bytes: Array(detailText.utf8)),
          diagnosedFile: diagnosedInDetail ? detailName : name))
    }
    pair(
      "csv-detail-desaccord-rapport.csv",
      "Une mesure reçue du juge aux affaires familiales est codée « je » dans le détail : le détail ne compte plus autant de mesures JAF que le rapport.",
      "validate.detail-mismatch", index: 6, diagnosedInDetail: false
    ) { rows in
      let index = rows.firstIndex { $0["origine"] == .string("jaf") && isReceivedInYear($0) } ?? 0
      rows[index]["origine"] = .string("je")
      return index
    }
    pair(
      "csv-detail-dates-inversees.csv",
      "Dans le détail, une mesure a sa première rencontre dix jours avant sa réception.",
      "validate.date-order",
      index: 7, diagnosedInDetail: true
    ) { rows in
      let index = rows.firstIndex { $0["date_premier_rdv"] != nil && $0["date_fin"] == nil } ?? 0
      if case .date(let received) = rows[index]["date_reception"] {
        rows[index]["date_premier_rdv"] = .date(CivilDate(dayNumber: received.dayNumber - 10))
        rows[index]["date_decision"] = .date(CivilDate(dayNumber: received.dayNumber - 20))
      }
      return index
    }
    return out
  }

  private func isReceivedInYear(_ row: [String: Value]) -> Bool {
    if case .date(let date) = row["date_reception"] { return date.year == year }
    return false
  }
}
