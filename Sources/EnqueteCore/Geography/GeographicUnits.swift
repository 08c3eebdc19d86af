/// A French département, with the région and the cour d'appel it belongs to.
public struct Departement: Hashable, Sendable, Identifiable {
  /// The official code: `01`…`95`, `2A`, `2B`, `971`…`976`.
  public let code: String
  /// The name, e.g. `Bouches-du-Rhône`.
  public let name: String
  /// The code of its région (INSEE), e.g. `93`.
  public let regionCode: String
  /// The code of its cour d'appel, e.g. `aix-en-provence`.
  public let courAppelCode: String

  /// The code.
  public var id: String { code }

  /// Whether it is an overseas département (code of three digits).
  public var isOverseas: Bool { code.count == 3 }
}

/// A région (INSEE code and name).
public struct Region: Hashable, Sendable, Identifiable {
  /// The INSEE code, e.g. `11` for Île-de-France.
  public let code: String
  /// The name.
  public let name: String
  /// The code.
  public var id: String { code }
}

/// A cour d'appel (or the tribunal supérieur d'appel of Saint-Pierre).
public struct CourAppel: Hashable, Sendable, Identifiable {
  /// A stable lowercase code, e.g. `saint-denis-reunion`.
  public let code: String
  /// The full name, e.g. `Cour d'appel de Nîmes`.
  public let name: String
  /// The town where it sits.
  public let seat: String
  /// The code.
  public var id: String { code }
}
