import ArgumentParser
import EnqueteCore
import EnqueteLedger
import EnquetePipeline
import EnqueteServer
import Foundation

/// `enquete token create|revoke|list` (also `enquete jeton creer|revoquer|lister`): the portal's
/// bearer tokens.
struct TokenCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "token",
    abstract: "Create, revoke and list the portal's access tokens (service, département, statisticien).",
    discussion: """
      A token is printed once, when it is created; the ledger keeps only its SHA-256. A service's \
      token covers one or several SIRETs, a département's one code, a statistician's the surveys \
      their institution owns (mediation-familiale: CNAF; espace-rencontre: Justice).
      """,
    subcommands: [Create.self, Revoke.self, List.self],
    aliases: ["jeton"]
  )

  /// The role of a new token.
  enum RoleName: String, ExpressibleByArgument, CaseIterable {
    case service, departement, statisticien
  }

  /// `enquete token create --role ROLE …`.
  struct Create: ParsableCommand {
    static let configuration = CommandConfiguration(
      abstract: "Create a token and print it (once).", aliases: ["creer"])

    @Option(help: "service, departement or statisticien.")
    var role: RoleName

    @Option(help: "A SIRET the service submits for (repeat for several).")
    var siret: [String] = []

    @Option(help: "The département's code (01, 2A, 971…).")
    var departement: String?

    @Option(name: .customLong("enquete"), help: "A survey the statistician owns (repeat for both).")
    var surveys: [SurveyID] = []

    @Option(name: .customLong("libelle"), help: "Who the token is for (shown in the list).")
    var label: String = ""

    @OptionGroup var ledger: LedgerOptions

    func validate() throws {
      switch role {
      case .service:
        guard !siret.isEmpty, siret.allSatisfy({ $0.count == 14 && $0.allSatisfy(\.isNumber) }) else {
          throw ValidationError("Un jeton de service demande au moins un --siret de 14 chiffres.")
        }
      case .departement:
        guard let departement, Geography.reference.departements.contains(where: { $0.code == departement })
        else {
          throw ValidationError("Un jeton de département demande un --departement existant (01, 2A, 971…).")
        }
      case .statisticien:
        guard !surveys.isEmpty else {
          throw ValidationError("Un jeton de statisticien demande au moins une --enquete.")
        }
      }
    }

    func run() throws {
      let role: Role =
        switch self.role {
        case .service: .service(sirets: Set(siret))
        case .departement: .departement(code: departement!)
        case .statisticien: .statisticien(surveys: Set(surveys))
        }
      let created = try AccessTokens(ledger: ledger.open()).create(role: role, label: label, at: Date())
      FileHandle.standardError.write(
        Data(
          "Jeton n° \(created.id) créé (\(role.name) \(role.scope)). Il ne sera plus affiché : transmettez-le maintenant.\n"
            .utf8))
      print(created.token)
    }
  }

  /// `enquete token revoke ID`.
  struct Revoke: ParsableCommand {
    static let configuration = CommandConfiguration(
      abstract: "Revoke a token: every later request bearing it is refused.", aliases: ["revoquer"])

    @Argument(help: "The token's number (enquete token list).")
    var id: Int64

    @OptionGroup var ledger: LedgerOptions

    func run() throws {
      guard try ledger.open().revokeToken(id: id, at: Date()) else {
        FileHandle.standardError.write(Data("enquete: erreur : aucun jeton valide n° \(id).\n".utf8))
        throw ExitStatus.usage
      }
      print("Jeton n° \(id) révoqué.")
    }
  }

  /// `enquete token list`.
  struct List: ParsableCommand {
    static let configuration = CommandConfiguration(
      abstract: "List the tokens (never the tokens themselves).", aliases: ["lister"])

    @Option(help: "text or json.")
    var format: OutputFormat = .text

    @OptionGroup var ledger: LedgerOptions

    func run() throws {
      let tokens = try ledger.open().tokens()
      if format == .json {
        print(
          OrderedJSON.array(
            tokens.map {
              .object([
                ("id", .number(Double($0.id))), ("role", .string($0.role)), ("portee", .string($0.scope)),
                ("libelle", .string($0.label)), ("cree_le", .string(FrenchFormat.iso($0.createdAt))),
                ("revoque_le", $0.revokedAt.map { .string(FrenchFormat.iso($0)) } ?? .null),
              ])
            }
          ).rendered(), terminator: "")
        return
      }
      for token in tokens {
        let state = token.revokedAt.map { "révoqué le \(FrenchFormat.iso($0))" } ?? "valide"
        print("\(token.id)\t\(token.role)\t\(token.scope)\t\(state)\t\(token.label)")
      }
    }
  }
}
