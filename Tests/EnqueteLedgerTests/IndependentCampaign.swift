import Foundation

/// The response rates the sample campaign implies, worked out from the files themselves (the
/// directories, the reference CSVs, the SIRETs written in the submissions and the defects
/// `invalid/defauts-attendus.json` announces), without the ledger's or the validator's code.
struct IndependentCampaign {
  let survey: String
  let year: Int
  /// SIRET → département code, from the directory.
  let directory: [String: String]
  /// SIRETs with at least one accepted report.
  let answered: Set<String>
  /// SIRETs written in a submission whose reports can be read (valid files, invalid files whose
  /// defect is in one report).
  let mentioned: Set<String>
  /// SIRETs written only in files refused as a whole: whether the ledger can tie such a file to
  /// a service depends on how far reading got, so reminders do not say.
  let unreadableOnly: Set<String>

  var respondents: Set<String> { answered.intersection(directory.keys) }

  init(survey: String, year: Int, includeInvalid: Bool) {
    self.survey = survey
    self.year = year
    let samples = LedgerFixtures.samples
    let annuaire = Self.rows(samples.appendingPathComponent("annuaires/\(survey)-\(year).csv"))
    let header = annuaire[0]
    directory = Dictionary(
      uniqueKeysWithValues: annuaire.dropFirst().map {
        ($0[header.firstIndex(of: "siret")!], $0[header.firstIndex(of: "departement_code")!])
      })
    var answered = Set<String>()
    let folder = samples.appendingPathComponent("\(survey)/\(year)")
    for name in try! FileManager.default.contentsOfDirectory(atPath: folder.path)
    where !name.hasSuffix("-mesures.csv") {
      answered.formUnion(Self.sirets(folder.appendingPathComponent(name)).map(\.siret))
    }
    var mentioned = answered
    var unreadable = Set<String>()
    if includeInvalid && year == 2025 {
      let invalid = samples.appendingPathComponent("invalid")
      let defects =
        try! JSONSerialization.jsonObject(
          with: Data(contentsOf: invalid.appendingPathComponent("defauts-attendus.json"))) as! [[String: Any]]
      for defect in defects where defect["enquete"] as? String == survey {
        let file = defect["fichier"] as! String
        let found = Self.sirets(invalid.appendingPathComponent(file))
        if Self.wholeFileCodes.contains(defect["code"] as! String) {
          unreadable.formUnion(found.map(\.siret))
        } else {
          mentioned.formUnion(found.map(\.siret))
        }
        // A defect in a report row refuses that row only; any other defect (the whole file, the
        // XML files' single report, a report's per-measure detail) leaves nothing accepted.
        guard file.hasSuffix(".csv"), defect["fichier_diagnostic"] as? String == file,
          !Self.wholeFileCodes.contains(defect["code"] as! String)
        else { continue }
        answered.formUnion(found.filter { $0.line != defect["ligne"] as! Int }.map(\.siret))
      }
    }
    self.answered = answered
    self.mentioned = mentioned
    self.unreadableOnly = unreadable.subtracting(mentioned)
  }

  static let wholeFileCodes: Set<String> = [
    "file.empty", "file.unreadable", "csv.encoding", "csv.unterminated-quote", "csv.missing-column",
    "csv.duplicate-column", "csv.unknown-layout", "csv.field-too-long", "csv.too-many-fields",
    "xml.malformed", "xml.encoding", "xml.forbidden-dtd", "xml.unknown-namespace", "xml.too-deep",
  ]

  /// Reference data: département → région, département → cour d'appel.
  static let regionOf = referenceMap("departements.csv", key: "code", value: "region_code")
  static let courOf = referenceMap(
    "departements_cours_appel.csv", key: "departement_code", value: "cour_appel_code")

  static func referenceMap(_ file: String, key: String, value: String) -> [String: String] {
    let rows = rows(LedgerFixtures.root.appendingPathComponent("Sources/EnqueteCore/Reference/\(file)"))
    let (k, v) = (rows[0].firstIndex(of: key)!, rows[0].firstIndex(of: value)!)
    return Dictionary(uniqueKeysWithValues: rows.dropFirst().map { ($0[k], $0[v]) })
  }

  /// Expected and respondents per group, the group of a département given by `group`.
  func rates(by group: (String) -> String) -> [String: (expected: Int, respondents: Int)] {
    var rates: [String: (expected: Int, respondents: Int)] = [:]
    for (siret, departement) in directory {
      rates[group(departement), default: (0, 0)].expected += 1
      if answered.contains(siret) { rates[group(departement), default: (0, 0)].respondents += 1 }
    }
    return rates
  }

  /// The SIRETs of a submission's reports with their line: `<siret>` elements of XML, the
  /// `siret` column of CSV (spaces removed).
  static func sirets(_ url: URL) -> [(siret: String, line: Int)] {
    let text = decode(try! Data(contentsOf: url))
    if url.pathExtension == "xml" {
      var found: [(String, Int)] = []
      for (index, line) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
        guard let start = line.range(of: "<siret>"), let end = line.range(of: "</siret>") else { continue }
        found.append((String(line[start.upperBound..<end.lowerBound]).filter(\.isNumber), index + 1))
      }
      return found
    }
    let rows = rows(url)
    guard let column = rows.first?.firstIndex(where: { $0.lowercased() == "siret" }) else { return [] }
    return rows.enumerated().dropFirst().compactMap { index, row in
      column < row.count ? (row[column].replacingOccurrences(of: " ", with: ""), index + 1) : nil
    }
  }

  static func decode(_ data: Data) -> String {
    var bytes = [UInt8](data)
    if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { bytes.removeFirst(3) }
    return String(validating: bytes, as: UTF8.self) ?? String(bytes.map { Character(Unicode.Scalar($0)) })
  }

  /// Lines split into fields at the delimiter the header uses, `"…"` quoting understood (one
  /// record per line: the samples have no line break inside a field).
  static func rows(_ url: URL) -> [[String]] {
    let lines = decode(try! Data(contentsOf: url)).split(omittingEmptySubsequences: false) {
      $0 == "\n" || $0 == "\r\n"
    }
    .map { $0.hasSuffix("\r") ? String($0.dropLast()) : String($0) }.filter { !$0.isEmpty }
    guard let header = lines.first else { return [] }
    let delimiter: Character = [";", "\t", ","].max { a, b in
      header.count { $0 == a } < header.count { $0 == b }
    }!
    return lines.map { line in
      var fields: [String] = []
      var field = ""
      var quoted = false
      var previous: Character = " "
      for character in line {
        if character == "\"" {
          if quoted == false && previous == "\"" { field.append("\"") }
          quoted.toggle()
        } else if character == delimiter && !quoted {
          fields.append(field)
          field = ""
        } else {
          field.append(character)
        }
        previous = character
      }
      fields.append(field)
      return fields
    }
  }
}
