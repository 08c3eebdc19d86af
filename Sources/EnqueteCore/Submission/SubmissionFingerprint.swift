/// What identifies a submitted file: the SHA-256 of its bytes and, for a CSV report file sent with
/// its per-measure detail, of the companion's bytes. The same file sent twice has the same one.
public struct SubmissionFingerprint: Hashable, Sendable {
  /// SHA-256 of the file's bytes, lowercase hexadecimal.
  public var sha256: String
  /// SHA-256 of the companion's bytes, when there is one.
  public var companionSha256: String?

  /// The fingerprint of `bytes` and `companion`.
  ///
  /// - Complexity: O(n) in the number of bytes.
  public init(bytes: [UInt8], companion: [UInt8]?) {
    sha256 = SHA256.hex(bytes)
    companionSha256 = companion.map { SHA256.hex($0) }
  }

  /// The fingerprint as one text: `sha256|companionSha256` (empty after the bar without companion).
  public var key: String { sha256 + "|" + (companionSha256 ?? "") }
}
