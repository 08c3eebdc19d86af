import EnqueteCore
import EnqueteSchemas
import Foundation

/// `provenance.json`, beside a rendered report: what produced the folder.
public enum ProvenanceFile {
  /// `provenance.json`: what produced the folder — the input files (name and SHA-256), the plan,
  /// its rules and settings, the schema, template and tool versions, the published tables' hash.
  /// No date: the same inputs give the same file.
  /// - Parameters:
  ///   - acceptedReports: the current accepted reports published.
  ///   - inputs: the files holding them (name sent under, SHA-256).
  ///   - published: the published `tableaux.csv` bytes.
  ///   - previous: the previous year's published `tableaux.csv` bytes, if any.
  ///   - templates: the templates overriding the built-in ones, by name.
  public static func text(
    _ facts: ReportFacts, acceptedReports: Int, inputs: [(name: String, sha256: String)], published: [UInt8],
    previous: [UInt8]?, templates: [String: String]
  ) -> String {
    let plan = facts.plan
    let rules = plan.rules.keys.sorted().map { name -> OrderedJSON in
      let rule = plan.rules[name]!
      var members: [(String, OrderedJSON)] = [
        ("nom", .string(name)), ("base", .string(rule.basis.rawValue)),
        ("seuil", .number(Double(rule.threshold))),
      ]
      if let dominance = rule.dominance {
        members.append(
          (
            "dominance",
            .object([("n", .number(Double(dominance.contributors))), ("k", .number(dominance.percent))])
          ))
      }
      return .object(members)
    }
    let builtIn = ReportRenderer.builtInTemplates
    let templateHashes = builtIn.keys.sorted().map { name -> (String, OrderedJSON) in
      let text = templates[name] ?? builtIn[name]!
      return (name, .string(SHA256.hex(Array(text.utf8))))
    }
    var members: [(String, OrderedJSON)] = [
      ("enquete", .string(plan.survey.rawValue)), ("annee", .number(Double(facts.current.year))),
      ("outil", .string(facts.tool)), ("version_schemas", .string(SchemaSources.version)),
      ("version_plan_publication", .string(plan.planVersion)),
      ("secret", .object([("regles", .array(rules)), ("ratio_protection", .number(plan.protectionRatio))])),
      ("rapports_acceptes", .number(Double(acceptedReports))),
      (
        "fichiers_sources",
        // The name the file was sent under, not where it lay: the same inputs give the same file.
        .array(
          inputs.map { (URL(fileURLWithPath: $0.name).lastPathComponent, $0.sha256) }.sorted {
            $0 < $1
          }
          .map { .object([("fichier", .string($0.0)), ("sha256", .string($0.1))]) })
      ),
      ("tableaux_csv_sha256", .string(SHA256.hex(published))),
      ("modeles_sha256", .object(templateHashes)),
    ]
    if let previous {
      members.append(("annee_precedente_tableaux_csv_sha256", .string(SHA256.hex(previous))))
    }
    if let revision = facts.revision {
      members.append(
        (
          "remplace",
          .object([
            ("publication", .number(Double(revision.previousNumber))),
            ("date", .string(ISO8601DateFormatter().string(from: revision.previousDate))),
            ("services_modifies", .number(Double(revision.changedServices))),
            ("cases_masquees_de_nouveau", .number(Double(revision.hiddenAgain))),
          ])
        ))
    }
    return OrderedJSON.object(members).rendered()
  }
}
