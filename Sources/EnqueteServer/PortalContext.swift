import Hummingbird

/// Who a request comes from, once its token was checked: the token's id (for the audit log; the
/// token itself is never kept) and its role.
public struct Identity: Sendable, Hashable {
  /// The token's id in the ledger.
  public var tokenID: Int64
  /// What the token may reach.
  public var role: Role

  /// An identity.
  public init(tokenID: Int64, role: Role) {
    self.tokenID = tokenID
    self.role = role
  }
}

/// The request context of the portal: Hummingbird's, plus the identity the authentication
/// middleware found (nil for a request without a token).
public struct PortalContext: RequestContext {
  /// Hummingbird's storage.
  public var coreContext: CoreRequestContextStorage
  /// The checked identity, when the request bore a valid token.
  public var identity: Identity?

  /// A context for a new request.
  public init(source: ApplicationRequestContextSource) {
    coreContext = .init(source: source)
  }
}
