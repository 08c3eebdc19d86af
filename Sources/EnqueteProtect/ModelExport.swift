import CGLPK
import Synchronization

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// Writes the placement's programs to a folder as free MPS files, for comparing solvers on the
/// very models enquete solves (`Benchmarks/solvers.sh`). Off unless the environment variable
/// `ENQUETE_EXPORT_MODELS` names a folder; the files hold costs derived from cell values, so the
/// folder is as confidential as the tables.
enum ModelExport {
  /// The folder named by `ENQUETE_EXPORT_MODELS`, `nil` when unset or empty.
  static let folder: String? = {
    guard let value = getenv("ENQUETE_EXPORT_MODELS") else { return nil }
    let path = String(cString: value)
    return path.isEmpty ? nil : path
  }()

  private static let counter = Atomic<Int>(0)

  /// Writes `problem` as `<folder>/<kind>-<pid>-<n>.mps` when exporting is on.
  static func write(_ problem: OpaquePointer, kind: String) {
    guard let folder else { return }
    let number = counter.add(1, ordering: .relaxed).newValue
    let path = "\(folder)/\(kind)-\(getpid())-\(number).mps"
    _ = glp_write_mps(problem, GLP_MPS_FILE, nil, path)
  }

  /// Writes `problem` with every column whose bounds are [0, 1] made binary (the relaxation of
  /// the placement as the integer program it relaxes), leaving `problem` as it was.
  static func writeAsIntegerProgram(_ problem: OpaquePointer, kind: String) {
    guard folder != nil else { return }
    let copy = glp_create_prob()!
    defer { glp_delete_prob(copy) }
    glp_copy_prob(copy, problem, GLP_OFF)
    for column in stride(from: Int32(1), through: glp_get_num_cols(copy), by: 1)
    where glp_get_col_type(copy, column) == GLP_DB && glp_get_col_lb(copy, column) == 0
      && glp_get_col_ub(copy, column) == 1
    {
      glp_set_col_kind(copy, column, GLP_BV)
    }
    write(copy, kind: kind)
  }
}
