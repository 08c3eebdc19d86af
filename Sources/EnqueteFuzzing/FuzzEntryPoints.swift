import EnqueteCore
import EnqueteIntake

/// What the fuzz targets run, as a library so that tests can replay any crash the fuzzer finds
/// (`Tests/EnqueteIngestTests/FuzzRegressionTests.swift` replays `Fuzz/regressions/`).
public enum FuzzEntryPoints {
  /// Builds every lazily-initialised static (catalogs, rules, geography, compiled XSDs) once, so
  /// that the leak checker does not charge these one-time allocations to the first input.
  public static func warmUp() {
    for survey in SurveyID.allCases {
      _ = RuleSet.builtIn(survey)
      let namespace = SurveyDefinition.builtIn(survey).namespace
      xml(Array("<rapports xmlns=\"\(namespace)\"><rapport><annee>2025</annee></rapport></rapports>".utf8))
    }
    _ = Geography.reference.departements.count
    csv(Array("annee;siret;nom_service;departement_code\n2025;73282932000074;X;1\n".utf8))
    csv(Array("annee;siret;nom_er;departement_code\n2025;73282932000074;X;1\n".utf8))
  }

  /// Reads `bytes` as a CSV submission and validates every record it yields.
  public static func csv(_ bytes: [UInt8]) {
    var reader = CSVSubmissionReader()
    reader.limits = CSVLimits(maximumFieldBytes: 4096, maximumFieldsPerRow: 256, maximumLineBytes: 65536)
    var validator: ReportValidator?
    // The fast path sees every row first (and takes none): both validators run on every input.
    _ = try? reader.read(bytes: bytes, name: "fuzz.csv", filter: FastPathProbe()) {
      record, problems, layout in
      if validator == nil {
        validator = ReportValidator(survey: layout.survey, campaignYear: 2025, file: "fuzz.csv")
      }
      _ = validator!.validate(RawReport(record: record, endLine: record.line, diagnostics: problems))
    }
  }

  /// Reads `bytes` as an XML submission and validates every report it yields; then reads it again
  /// fed in pieces, as an upload arrives (``XMLIncrementalReader``), the pieces' sizes taken from
  /// the input itself so that the fuzzer explores where they fall.
  public static func xml(_ bytes: [UInt8]) {
    xmlWhole(bytes)
    let reader = XMLIncrementalReader(name: "fuzz.xml")
    var offset = 0
    var piece = 1 + Int(bytes.first ?? 0) % 61
    bytes.withUnsafeBytes { all in
      while offset < all.count, reader.wantsMore {
        let end = min(all.count, offset + piece)
        reader.feed(UnsafeRawBufferPointer(rebasing: all[offset..<end])) { _ = $0.report() }
        piece = 1 + (piece * 31 + Int(all[end - 1])) % 4099
        offset = end
      }
    }
    _ = reader.finish { _ = $0.report() }
  }

  private static func xmlWhole(_ bytes: [UInt8]) {
    var validator: ReportValidator?
    let survey: SurveyID? =
      if case .root(let namespace?, _) = XMLPrologue.scan(bytes) {
        XMLPrologue.survey(forNamespace: namespace)
      } else { nil }
    var fast: FastReportChecker?
    _ = XMLSubmissionReader().readDrafts(bytes: bytes, name: "fuzz.xml") { draft in
      guard let survey else { return }
      if validator == nil {
        validator = ReportValidator(survey: survey, campaignYear: 2025, file: "fuzz.xml")
        fast = FastReportChecker(survey: survey, campaignYear: 2025)
      }
      _ = fast!.isClean(bytes: draft)
      _ = validator!.validate(draft.report())
    }
  }
}

/// Runs the fast path (its line path and its row path) on every CSV row of a fuzzed input and takes
/// none of them, so that the full validator runs on every row too.
final class FastPathProbe: CSVRowFilter {
  private var checker: FastReportChecker?

  func begin(layout: CSVLayout, columns: [String?]) {
    guard layout.table == "rapport" else { return }
    checker = FastReportChecker(survey: layout.survey, campaignYear: 2025, file: "fuzz.csv")
    checker!.prepare(columns: columns)
  }

  func accepts(_ row: CSVRow, decoder: inout FieldDecoder) -> Bool {
    _ = checker?.check(
      row: row, line: row.line, isText: { decoder.isText($0) }, decode: { decoder.decode($0) })
    return false
  }

  /// Runs the line path (plain rows read straight from the text) on the pending rows and takes
  /// none, so that they are tokenized and checked by the row path and the full validator too.
  func accepts(lines: CSVPendingLines, encoding: TextEncoding?) -> CSVLinesTaken {
    guard checker != nil else { return .none(lines) }
    let judged: FastTextEncoding
    switch encoding {
    case nil: judged = .undecided
    case .windows1252?: judged = .windows1252
    case .utf8?, .utf8BOM?, .utf16LE?, .utf16BE?: judged = .utf8
    }
    _ = checker!.checkLines(
      lines.text, start: lines.start, count: lines.count, reach: lines.reach, line: lines.line,
      delimiter: lines.delimiter, encoding: judged, onWarnings: { _ in })
    return .none(lines)
  }
}
