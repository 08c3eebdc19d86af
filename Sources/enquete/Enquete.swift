import ArgumentParser
import CLibXML2
import EnqueteCore
import EnqueteSchemas

/// The `enquete` command: runs the yearly activity surveys of family mediation and espaces de rencontre.
@main
struct Enquete: AsyncParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "enquete",
    abstract: "Runs the yearly activity surveys of family-mediation services and espaces de rencontre.",
    discussion: """
      From the files services send to the tables statisticians publish: sample campaigns, schemas, \
      validation, the ledger, protected publication and reports. Diagnostics for services are in French.
      """,
    version: versionText,
    subcommands: [
      ValidateCommand.self, CampaignCommand.self, IngestCommand.self, StatusCommand.self, HistoryCommand.self,
      PublishCommand.self, ReportCommand.self, AuditCommand.self, ProtectCommand.self, SampleCommand.self,
      SchemasCommand.self, ServeCommand.self, TokenCommand.self,
    ]
  )

  static var versionText: String {
    let libxml = String(cString: enquete_xml_parser_version())
    return "enquete \(EnqueteVersion.tool) (schemas \(SchemaSources.version), libxml2 \(libxml))"
  }
}
