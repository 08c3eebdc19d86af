// The contracts of enquete, compiled into the binary so that the tool never looks for them on disk.
//
// This folder is a SwiftPM target only to carry its JSON files as embedded resources: the variable
// catalogs (`v1/surveys/`) and the cross-field rules (`v1/rules/`). The XSDs and Table Schemas in
// `v1/xsd/` and `v1/tableschema/` are generated from the catalogs (`enquete schemas`) and checked by
// a test; they are not embedded, because the validator builds them from the catalog itself.

/// The raw bytes of the schema sources, by survey.
public enum SchemaSources {
  /// The schema version of the files in this folder; a change that alters how a submission reads
  /// gets a new folder (`v2/`) and a new XML namespace, so last year's files read as they did.
  public static let version = "1.0"

  /// The variable catalog of a survey (`v1/surveys/<survey>.json`), or nil for an unknown survey.
  public static func catalog(for survey: String) -> [UInt8]? {
    switch survey {
    case "mediation-familiale": PackageResources.mediation_familiale_json
    case "espace-rencontre": PackageResources.espace_rencontre_json
    default: nil
    }
  }

  /// The cross-field rules of a survey (`v1/rules/<survey>.rules.json`), or nil for an unknown survey.
  public static func rules(for survey: String) -> [UInt8]? {
    switch survey {
    case "mediation-familiale": PackageResources.mediation_familiale_rules_json
    case "espace-rencontre": PackageResources.espace_rencontre_rules_json
    default: nil
    }
  }

  /// The publication plan of a survey (`v1/publication/<survey>.publication.json`): which tables
  /// are published, at which geographic levels, under which secrecy rules; nil for an unknown survey.
  public static func publicationPlan(for survey: String) -> [UInt8]? {
    switch survey {
    case "mediation-familiale": PackageResources.mediation_familiale_publication_json
    case "espace-rencontre": PackageResources.espace_rencontre_publication_json
    default: nil
    }
  }
}
