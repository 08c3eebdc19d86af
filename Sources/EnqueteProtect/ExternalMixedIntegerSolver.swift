import CGLPK
import Foundation

/// A command-line MILP solver that the placement's integer programs are handed to instead of
/// GLPK's branch and bound, to measure what another solver changes to whole patterns
/// (`Benchmarks/solvers.sh`, « whole tables »). Off unless the environment variable
/// `ENQUETE_MIP_SOLVER` names the `highs` command that `scripts/build-highs` builds; the product
/// itself never sets it, and GLPK stays its solver (BENCHMARKS.md, « Issue 18 », says why).
///
/// The program goes through a free MPS file and HiGHS's raw solution file, in a folder of its own
/// removed afterwards; HiGHS runs on one thread with an exact gap and the same node limit as GLPK,
/// so its answers are the same on every run.
enum ExternalMixedIntegerSolver {
  /// The solver's command, `nil` when `ENQUETE_MIP_SOLVER` is unset or empty.
  static let command: String? = {
    guard let value = ProcessInfo.processInfo.environment["ENQUETE_MIP_SOLVER"], !value.isEmpty else {
      return nil
    }
    return value
  }()

  /// Solves GLPK's `problem` (its matrix loaded, `columnCount` columns) with the command: every
  /// column's value and whether optimality was proved, `nil` when no integer solution was found or
  /// the command failed (said on standard error, without any value).
  static func solve(
    _ problem: OpaquePointer, command: String, columnCount: Int, timeLimit: Double, nodeLimit: Int?
  ) -> (values: [Double], proved: Bool)? {
    let files = FileManager.default
    let folder = files.temporaryDirectory.appendingPathComponent("enquete-mip-\(UUID().uuidString)")
    guard (try? files.createDirectory(at: folder, withIntermediateDirectories: false)) != nil else {
      return failed("cannot create \(folder.path)")
    }
    defer { try? files.removeItem(at: folder) }
    let model = folder.appendingPathComponent("model.mps").path
    let solution = folder.appendingPathComponent("model.sol").path
    guard glp_write_mps(problem, GLP_MPS_FILE, nil, model) == 0 else {
      return failed("cannot write the model")
    }
    let process = Process()
    process.executableURL = URL(fileURLWithPath: command)
    process.arguments =
      [
        "--model_file", model, "--solution_file", solution, "--threads", "1", "--output_flag", "false",
        "--mip_rel_gap", "0", "--time_limit", "\(timeLimit)",
      ] + (nodeLimit.map { ["--mip_max_nodes", "\($0)"] } ?? [])
    process.standardOutput = FileHandle.nullDevice
    do { try process.run() } catch { return failed("cannot run \(command)") }
    process.waitUntilExit()
    guard process.terminationStatus == 0, let text = try? String(contentsOfFile: solution, encoding: .utf8)
    else { return failed("\(command) ended with status \(process.terminationStatus)") }
    return read(text, columnCount: columnCount)
  }

  /// The values of HiGHS's raw solution file: `Model status`, its status on the next line, then
  /// `# Primal solution values`, `Feasible`, and `# Columns N` followed by N lines `name value`.
  static func read(_ text: String, columnCount: Int) -> (values: [Double], proved: Bool)? {
    let lines = text.split(separator: "\n", omittingEmptySubsequences: false)
    guard let status = lines.firstIndex(of: "Model status").map({ lines[$0 + 1] }),
      let primal = lines.firstIndex(of: "# Primal solution values"), lines[primal + 1] == "Feasible",
      let columns = lines[primal...].firstIndex(where: { $0.hasPrefix("# Columns ") }),
      Int(lines[columns].dropFirst("# Columns ".count)) == columnCount, lines.count > columns + columnCount
    else { return nil }
    var values: [Double] = []
    values.reserveCapacity(columnCount)
    for line in lines[(columns + 1)..<(columns + 1 + columnCount)] {
      guard let field = line.split(separator: " ").last, let value = Double(field) else { return nil }
      values.append(value)
    }
    return (values, status == "Optimal")
  }

  private static func failed(_ message: String) -> (values: [Double], proved: Bool)? {
    FileHandle.standardError.write(Data("enquete: ENQUETE_MIP_SOLVER: \(message)\n".utf8))
    return nil
  }
}
