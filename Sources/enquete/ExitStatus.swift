import ArgumentParser

/// The exit statuses of every command, one name each (README.md, « Exit statuses », lists them):
/// the codes of `sysexits.h` where one fits, 1 for a check that did not pass. ArgumentParser
/// itself exits 64 on a usage error of the command line.
enum ExitStatus {
  /// 1: what the command checks did not pass — the audit found a secret cell recomputable, the
  /// schemas are stale, or a path given does not exist (`validate`, `ingest`).
  static let checkFailed = ExitCode(1)
  /// 64 (`EX_USAGE`): the command cannot run as asked — its campaign is absent, closed or not
  /// open, a directory file is missing, a publication is not where it was said to be.
  static let usage = ExitCode(64)
  /// 65 (`EX_DATAERR`): data refused — a submitted file or report, a campaign directory or a
  /// table to protect is invalid or unreadable as such.
  static let dataError = ExitCode(65)
  /// 66 (`EX_NOINPUT`): an input file cannot be read at all (`protect`).
  static let noInput = ExitCode(66)
  /// 73 (`EX_CANTCREAT`): an output folder cannot be created or written (`protect --tau-argus`).
  static let cannotCreate = ExitCode(73)
}
