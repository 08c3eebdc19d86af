import Testing

@testable import EnqueteProtect

/// How the benchmark's external MILP solver (`ENQUETE_MIP_SOLVER`) is read back: a misread
/// solution would change every pattern measured with it.
@Suite struct ExternalSolverTests {
  /// HiGHS's raw solution file, as `highs --solution_file` writes it.
  static func solution(status: String, primal: String = "Feasible", columns: [String]) -> String {
    """
    Model status
    \(status)

    # Primal solution values
    \(primal)
    Objective 7402
    # Columns \(columns.count)
    \(columns.enumerated().map { "C\($0.offset + 1) \($0.element)" }.joined(separator: "\n"))
    # Rows 2
    R1 1
    R2 0

    # Dual solution values
    None

    """
  }

  @Test func anOptimalSolutionGivesEveryColumnInOrder() throws {
    let read = try #require(
      ExternalMixedIntegerSolver.read(
        Self.solution(status: "Optimal", columns: ["1", "0", "-0", "1"]), columnCount: 4))
    #expect(read.values == [1, 0, 0, 1])
    #expect(read.proved)
  }

  @Test func aSolutionStoppedByTheNodeLimitIsNotProved() throws {
    let read = try #require(
      ExternalMixedIntegerSolver.read(
        Self.solution(status: "Reached iteration limit", columns: ["1", "0"]), columnCount: 2))
    #expect(read.values == [1, 0])
    #expect(!read.proved)
  }

  @Test func noIntegerSolutionOrAnotherModelGivesNothing() {
    #expect(
      ExternalMixedIntegerSolver.read(
        Self.solution(status: "Infeasible", primal: "None", columns: []), columnCount: 3) == nil)
    #expect(
      ExternalMixedIntegerSolver.read(Self.solution(status: "Optimal", columns: ["1", "0"]), columnCount: 3)
        == nil)
    #expect(
      ExternalMixedIntegerSolver.read(Self.solution(status: "Optimal", columns: ["1", "x"]), columnCount: 2)
        == nil)
    #expect(ExternalMixedIntegerSolver.read("", columnCount: 1) == nil)
  }
}
