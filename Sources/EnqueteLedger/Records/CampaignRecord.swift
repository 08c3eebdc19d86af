import Foundation
import GRDB

/// A campaign: one survey, one year, opened with its directory of expected respondents.
public struct CampaignRecord: Codable, Sendable, Hashable, FetchableRecord, MutablePersistableRecord {
  /// Table `campaign`.
  public static let databaseTableName = "campaign"

  /// The columns.
  public enum Columns {
    /// Row id.
    public static let id = Column(CodingKeys.id)
    /// `mediation-familiale` or `espace-rencontre`.
    public static let survey = Column(CodingKeys.survey)
    /// The survey year.
    public static let year = Column(CodingKeys.year)
    /// When it was opened.
    public static let openedAt = Column(CodingKeys.openedAt)
    /// When it was closed, nil while open.
    public static let closedAt = Column(CodingKeys.closedAt)
  }

  /// Row id (nil before insertion).
  public var id: Int64?
  /// The survey's identifier.
  public var survey: String
  /// The survey year.
  public var year: Int
  /// When it was opened.
  public var openedAt: Date
  /// When it was closed, nil while open.
  public var closedAt: Date?
  /// The directory file's name.
  public var directoryName: String
  /// SHA-256 of the directory's bytes.
  public var directorySha256: String
  /// The directory's original bytes.
  public var directoryBytes: Data

  enum CodingKeys: String, CodingKey {
    case id, survey, year
    case openedAt = "opened_at"
    case closedAt = "closed_at"
    case directoryName = "directory_name"
    case directorySha256 = "directory_sha256"
    case directoryBytes = "directory_bytes"
  }

  /// Keeps the id SQLite gave.
  public mutating func didInsert(_ inserted: InsertionSuccess) { id = inserted.rowID }
}

/// One expected respondent of a campaign (a line of its directory).
public struct ExpectedRespondentRecord: Codable, Sendable, Hashable, FetchableRecord, PersistableRecord {
  /// Table `expected_respondent`.
  public static let databaseTableName = "expected_respondent"

  /// The columns.
  public enum Columns {
    /// The campaign's row id.
    public static let campaignID = Column(CodingKeys.campaignID)
    /// The SIRET.
    public static let siret = Column(CodingKeys.siret)
    /// The département code.
    public static let departementCode = Column(CodingKeys.departementCode)
  }

  /// The campaign's row id.
  public var campaignID: Int64
  /// The SIRET.
  public var siret: String
  /// The service's name.
  public var name: String
  /// The official département code.
  public var departementCode: String

  enum CodingKeys: String, CodingKey {
    case campaignID = "campaign_id"
    case siret, name
    case departementCode = "departement_code"
  }
}
