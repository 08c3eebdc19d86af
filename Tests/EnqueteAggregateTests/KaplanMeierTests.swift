import EnqueteAggregate
import Testing

@Suite struct KaplanMeierTests {
  @Test func withoutCensoringTheMedianIsTheSampleMedian() {
    let waits = [3, 9, 1, 7, 5].map { (days: $0, observed: true) }
    #expect(KaplanMeier.median(waits) == 5)
  }

  @Test func censoredWaitsAreNotDroppedButCountAtRisk() {
    // Survival: t=2 → 4/5, t=4 → 3/5 · … censored at 5 (two), t=10 → (3/5)(1 − 1/1) = 0.
    let waits: [(days: Int, observed: Bool)] = [(2, true), (4, true), (5, false), (5, false), (10, true)]
    #expect(KaplanMeier.median(waits) == 10)
    // Dropping the censored waits would have said 4.
    #expect(KaplanMeier.median(waits.filter(\.observed)) == 4)
  }

  @Test func noMedianWhenMostWaitsAreCensoredEarly() {
    let waits: [(days: Int, observed: Bool)] = [(1, true), (2, false), (2, false), (3, false)]
    #expect(KaplanMeier.median(waits) == nil)
  }
}
