import EnqueteAggregate
import EnqueteCore
import Testing

/// The key figures' evolution at constant scope: over the services that answered both years, and
/// withheld when so few joined or left that the change would bound their figures.
@Suite struct ConstantScopeTests {
  static let plan = PublicationPlan.builtIn(.mediationFamiliale)

  static func report(_ siret: String, ended: Double, agreed: Double) -> ReportFigures {
    ReportFigures(
      siret: siret, name: "Service \(siret)", departementCode: "33",
      numbers: [
        "nb_mediations_terminees": ended, "nb_terminees_accord_ecrit": agreed, "nb_terminees_accord_oral": 0,
      ])
  }

  static func evolution(
    _ list: [ConstantScopeEvolution], _ table: String, _ variable: String
  )
    -> ConstantScopeEvolution?
  {
    list.first { $0.table == table && $0.variable == variable }
  }

  @Test func aServiceJoiningIsNotReadAsGrowth() throws {
    let before = (1...4).map { Self.report("s\($0)", ended: 100, agreed: 50) }
    // Activity stable in the four services; three new services add 300 mediations.
    let now = before + (5...7).map { Self.report("s\($0)", ended: 100, agreed: 80) }
    let list = ConstantScopeEvolution.compute(plan: Self.plan, now: now, before: before, threshold: 3)
    let ended = try #require(Self.evolution(list, "mf_activite", "nb_mediations_terminees"))
    #expect(ended.change == .percent(0))
    #expect(ended.services == 4)
    #expect(!ended.withheld)
    // The share of agreements, in points, over the same four services.
    #expect(Self.evolution(list, "part_accord", "part_accord")?.change == .points(0))
    // A count of services has no constant-scope change.
    #expect(Self.evolution(list, "nb_services", "nb_services") == nil)
  }

  @Test func theChangeIsOverTheServicesOfBothYears() throws {
    let before = (1...4).map { Self.report("s\($0)", ended: 100, agreed: 50) }
    let now = (1...4).map { Self.report("s\($0)", ended: 110, agreed: 66) }
    let list = ConstantScopeEvolution.compute(plan: Self.plan, now: now, before: before, threshold: 3)
    #expect(Self.evolution(list, "mf_activite", "nb_mediations_terminees")?.change == .percent(10))
    #expect(Self.evolution(list, "part_accord", "part_accord")?.change == .points(10))
  }

  /// One service leaving: its figure is total before − constant scope before, and the change with
  /// the published totals would give it. Withheld.
  @Test func oneServiceLeavingWithholdsTheChange() throws {
    let before = (1...5).map { Self.report("s\($0)", ended: 100, agreed: 50) }
    let now = (1...4).map { Self.report("s\($0)", ended: 120, agreed: 50) }
    let list = ConstantScopeEvolution.compute(plan: Self.plan, now: now, before: before, threshold: 3)
    let ended = try #require(Self.evolution(list, "mf_activite", "nb_mediations_terminees"))
    #expect(ended.withheld)
    #expect(ended.change == nil)
  }
}
