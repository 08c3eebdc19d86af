import GRDB

/// A report as kept: where it came from, whom it is from, and its place among the versions of
/// (survey, year, SIRET). An accepted report gets the next version number and becomes current;
/// the one it replaces points to it by `superseded_by`. A refused report has no version.
public struct ReportRecord: Codable, Sendable, Hashable, FetchableRecord, MutablePersistableRecord {
  /// Table `report`.
  public static let databaseTableName = "report"

  /// The columns.
  public enum Columns {
    /// Row id, in the order reports were received.
    public static let id = Column(CodingKeys.id)
    /// The file it came in.
    public static let fileID = Column(CodingKeys.fileID)
    /// The survey.
    public static let survey = Column(CodingKeys.survey)
    /// The survey year.
    public static let year = Column(CodingKeys.year)
    /// The SIRET as read.
    public static let siret = Column(CodingKeys.siret)
    /// Whether it was accepted.
    public static let accepted = Column(CodingKeys.accepted)
    /// Its version number among accepted reports.
    public static let version = Column(CodingKeys.version)
    /// Whether it is the current version.
    public static let isCurrent = Column(CodingKeys.isCurrent)
    /// The report that replaced it.
    public static let supersededBy = Column(CodingKeys.supersededBy)
  }

  /// Row id (nil before insertion).
  public var id: Int64?
  /// The `submission_file` it came in.
  public var fileID: Int64
  /// 1-based line where it starts in its file.
  public var line: Int
  /// The survey, when known.
  public var survey: String?
  /// The survey year, when known.
  public var year: Int?
  /// The SIRET as read (normalised when it could be).
  public var siret: String?
  /// Its département's code, when valid.
  public var departementCode: String?
  /// The région of its département.
  public var regionCode: String?
  /// The cour d'appel of its département.
  public var courAppelCode: String?
  /// Whether it was accepted.
  public var accepted: Bool
  /// 1, 2, … among the accepted reports of its (survey, year, SIRET); nil when refused.
  public var version: Int?
  /// Whether it is the current version of its (survey, year, SIRET).
  public var isCurrent: Bool
  /// The report that replaced it, when one did.
  public var supersededBy: Int64?

  enum CodingKeys: String, CodingKey {
    case id, line, survey, year, siret, accepted, version
    case fileID = "file_id"
    case departementCode = "departement_code"
    case regionCode = "region_code"
    case courAppelCode = "cour_appel_code"
    case isCurrent = "is_current"
    case supersededBy = "superseded_by"
  }

  /// Keeps the id SQLite gave.
  public mutating func didInsert(_ inserted: InsertionSuccess) { id = inserted.rowID }
}
