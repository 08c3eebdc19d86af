/// What a sample campaign is generated from.
public struct SampleSettings: Sendable, Hashable {
  /// Seed of every random draw.
  public var seed: UInt64
  /// Campaign years, ascending.
  public var years: [Int]
  /// Multiplies the number of services (and so of measures and files).
  public var scale: Int
  /// Whether to write `invalid/`.
  public var includeInvalid: Bool
  /// Whether to check every generated report against the survey rules (a generator bug otherwise).
  public var selfCheck: Bool

  /// Settings of a campaign.
  public init(seed: UInt64, years: [Int], scale: Int = 1, includeInvalid: Bool = true, selfCheck: Bool = true)
  {
    self.seed = seed
    self.years = years.sorted()
    self.scale = scale
    self.includeInvalid = includeInvalid
    self.selfCheck = selfCheck
  }

  /// The settings that produced the committed `SampleSubmissions/`.
  public static let committed = SampleSettings(seed: 20_241_231, years: [2024, 2025])

  /// The command line that reproduces these settings.
  public var commandLine: String {
    var text = "enquete sample --seed \(seed)" + years.map { " --year \($0)" }.joined()
    if scale != 1 { text += " --scale \(scale)" }
    if !includeInvalid { text += " --no-invalid" }
    return text + " --out SampleSubmissions"
  }
}

/// One file of a sample campaign: its path under the output folder and its bytes.
public struct SampleFile: Sendable, Hashable {
  /// Path relative to the output folder, `/`-separated.
  public let path: String
  /// Exact content.
  public let bytes: [UInt8]
}
