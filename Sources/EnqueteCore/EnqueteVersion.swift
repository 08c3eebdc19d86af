/// The version of the enquete tool, recorded in provenance files and printed by `--version`.
public enum EnqueteVersion {
  /// Semantic version of the tool.
  public static let tool = "0.1.0"
}
