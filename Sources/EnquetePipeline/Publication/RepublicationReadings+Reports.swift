import EnqueteAggregate
import EnqueteCore
import EnqueteProtect

extension RepublicationReadings {
  /// The readings a reader of every folder of a campaign has: each earlier publication of
  /// `earlier` (most recent first) as its folder showed it, and the reports of every version
  /// grouped by the versions they appear in (`now` is the new publication's).
  /// - Complexity: one aggregation per earlier publication and per group of reports.
  init(
    plan: PublicationPlan, year: Int, now: [ReportFigures], earlier: [PreviousPublication],
    expected: [ExpectedRespondent], knowledge: AttackerKnowledge
  ) throws {
    func aggregated(_ reports: [ReportFigures], _ expected: [ExpectedRespondent]) throws -> Aggregation {
      try Aggregation(plan: plan, year: year, reports: reports, expected: expected)
    }
    var previous: [Version] = []
    // The versions each report appears in (0 the new one), reports in the order first met.
    var versions: [ReportFigures: Set<Int>] = [:]
    var order: [ReportFigures] = []
    func meet(_ report: ReportFigures, in version: Int) {
      if versions[report] == nil { order.append(report) }
      versions[report, default: []].insert(version)
    }
    for report in now { meet(report, in: 0) }
    for (index, publication) in earlier.enumerated() {
      // The earlier publication as its reader has it: its cells, and what its pattern told.
      let reports = publication.unchanged + publication.withdrawn
      for report in reports { meet(report, in: index + 1) }
      let before = try aggregated(reports, expected)
      let linked = LinkedTables(before, knowledge: knowledge)
      previous.append(
        Version(
          number: publication.number, tables: linked, hidden: publication.hidden,
          patternFacts: PatternKnowledge.facts(linked, before, knowledge: knowledge) { id in
            guard !publication.hidden.contains(id), let place = linked.location[id] else { return nil }
            return linked.systems[place.system].table.cells[place.cell].value
          },
          dominating: PatternKnowledge.dominatingHidden(
            linked, before, hidden: publication.hidden, LinkedProtection.settings(linked, plan: plan),
            knowledge: knowledge)))
    }
    let grouped = Dictionary(grouping: order) { versions[$0]! }
    self.init(
      previous: previous,
      groups: try grouped.map { set, reports in
        Group(versions: set, tables: LinkedTables(try aggregated(reports, []), knowledge: knowledge))
      })
  }
}
