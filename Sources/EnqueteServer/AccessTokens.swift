import EnqueteCore
import EnqueteLedger
import Foundation

/// Makes, checks and revokes the portal's bearer tokens. A token is shown once, when it is made;
/// the ledger keeps only its SHA-256, so a stolen ledger gives no token away.
public struct AccessTokens: Sendable {
  /// The ledger the tokens are kept in.
  public let ledger: Ledger

  /// Tokens kept in `ledger`.
  public init(ledger: Ledger) { self.ledger = ledger }

  /// The prefix every token starts with (it lets secret scanners recognise one).
  public static let prefix = "enq_"

  /// Makes a token for `role`, records its hash, and returns its id with the token itself —
  /// the only time the token is seen.
  public func create(role: Role, label: String, at date: Date) throws -> (id: Int64, token: String) {
    var generator = SystemRandomNumberGenerator()
    let random = (0..<32).map { _ in UInt8.random(in: .min ... .max, using: &generator) }
    let token = Self.prefix + Self.base64URL(random)
    let id = try ledger.createToken(
      sha256: Self.hash(token), role: role.name, scope: role.scope, label: label, at: date)
    return (id, token)
  }

  /// What a presented token is: valid (with its identity), revoked (with its id, for the audit
  /// log), or unknown.
  public enum Check: Sendable, Hashable {
    /// Known and not revoked.
    case valid(Identity)
    /// Known, revoked.
    case revoked(tokenID: Int64)
    /// Not a token of this ledger.
    case unknown
  }

  /// Checks `token` against the ledger.
  public func check(_ token: String) throws -> Check {
    guard token.hasPrefix(Self.prefix), token.utf8.count < 200 else { return .unknown }
    guard let stored = try ledger.token(sha256: Self.hash(token)) else { return .unknown }
    guard stored.isValid else { return .revoked(tokenID: stored.id) }
    guard let role = Role(name: stored.role, scope: stored.scope) else { return .unknown }
    return .valid(Identity(tokenID: stored.id, role: role))
  }

  /// SHA-256 of a token, lowercase hexadecimal: what the ledger keeps.
  public static func hash(_ token: String) -> String { SHA256.hex(Array(token.utf8)) }

  static func base64URL(_ bytes: [UInt8]) -> String {
    Data(bytes).base64EncodedString()
      .replacingOccurrences(of: "+", with: "-")
      .replacingOccurrences(of: "/", with: "_")
      .replacingOccurrences(of: "=", with: "")
  }
}
