import EnqueteCore
import Foundation
import Logging

extension SampleCampaign {
  /// Calls `body` with every file of the campaign folder, in a stable order: the README, the
  /// directories of expected respondents, the submissions of each survey and year, then `invalid/`.
  public func forEachFile(_ body: (SampleFile) throws -> Void) throws {
    let submissions = SubmissionFiles(campaign: self)
    var formats: [String: [String: Int]] = [:]
    try body(SampleFile(path: "README.md", bytes: Array(SampleReadme(campaign: self).render().utf8)))
    for survey in SurveyID.allCases {
      for year in settings.years {
        try body(submissions.directory(survey: survey, year: year))
      }
    }
    for survey in SurveyID.allCases {
      for year in settings.years {
        try submissions.forEach(survey: survey, year: year) { file in
          formats["\(survey.rawValue)/\(year)", default: [:]][
            (file.path as NSString).pathExtension, default: 0] += 1
          try body(file)
        }
      }
    }
    guard settings.includeInvalid else { return }
    let invalid = InvalidSamples(campaign: self).all()
    var manifest: [OrderedJSON] = []
    for sample in invalid {
      try body(SampleFile(path: "invalid/\(sample.name)", bytes: sample.bytes))
      if let companion = sample.companion {
        try body(SampleFile(path: "invalid/\(companion.path)", bytes: companion.bytes))
      }
      var entry: [(String, OrderedJSON)] = [
        ("fichier", .string(sample.name)),
        ("enquete", .string(sample.survey.rawValue)),
        ("annee_campagne", .number(Double(settings.years.last!))),
        ("defaut", .string(sample.defect)),
        ("code", .string(sample.code)),
        ("fichier_diagnostic", .string(sample.diagnosedFile ?? sample.name)),
        ("ligne", .number(Double(sample.line))),
      ]
      if let companion = sample.companion { entry.append(("fichier_mesures", .string(companion.path))) }
      if let rejected = sample.rejectedByTableSchema {
        entry.append(("verdict_table_schema", .string(rejected ? "invalide" : "valide")))
      } else {
        entry.append(("verdict_xsd", .string("invalide")))
      }
      manifest.append(.object(entry))
    }
    try body(
      SampleFile(
        path: "invalid/defauts-attendus.json", bytes: Array(OrderedJSON.array(manifest).rendered().utf8)))
  }
}

/// Writes a sample campaign to a folder.
public struct SampleWriter {
  /// What to generate.
  public let settings: SampleSettings
  /// Where progress goes.
  public let logger: Logger

  /// A writer.
  public init(settings: SampleSettings, logger: Logger) {
    self.settings = settings
    self.logger = logger
  }

  /// Generates and writes the campaign under `folder`; returns a one-line summary.
  public func write(to folder: URL) throws -> String {
    let campaign = SampleCampaign.generate(settings)
    if settings.selfCheck {
      let violations = campaign.ruleViolations()
      guard violations.isEmpty else {
        let first = violations[0]
        throw SampleError.generatorBroke(
          rule: first.violation.rule.id, siret: first.siret, count: violations.count)
      }
    }
    var files = 0
    var bytes = 0
    let manager = FileManager.default
    try campaign.forEachFile { file in
      let url = folder.appendingPathComponent(file.path)
      try manager.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
      try Data(file.bytes).write(to: url)
      files += 1
      bytes += file.bytes.count
    }
    logger.info(
      "sample written", metadata: ["files": "\(files)", "bytes": "\(bytes)", "folder": "\(folder.path)"])
    let reports = campaign.reports.values.flatMap(\.values).map(\.count).reduce(0, +)
    return "\(files) files (\(bytes / 1024) KiB), \(reports) reports, written to \(folder.path)"
  }
}

/// A generator that broke its own rules: a bug of enquete, never of the user.
public enum SampleError: Error, CustomStringConvertible {
  /// A generated report breaks a hard rule.
  case generatorBroke(rule: String, siret: String, count: Int)

  /// English description for developers.
  public var description: String {
    switch self {
    case .generatorBroke(let rule, let siret, let count):
      "internal error: \(count) generated report(s) break a hard rule, first \(rule) for \(siret)"
    }
  }
}
