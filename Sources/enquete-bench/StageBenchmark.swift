import EnqueteCore
import EnqueteIntake
import EnquetePipeline
import Foundation

/// Times each stage of validation alone on one file, to see where the time goes:
///   enquete-bench FILE [--annee YEAR] [--all]
/// prints MB/s for: tokenizing only (CSV) or reading reports (XML), and validation; `--all` adds
/// the slow references: records without the fast path, the full validator alone.
@main
struct StageBenchmark {
  static func main() throws {
    let arguments = CommandLine.arguments.dropFirst()
    guard let path = arguments.first else {
      print("usage: enquete-bench FILE [--annee YEAR] [--all]")
      return
    }
    let everything = arguments.contains("--all")
    let year = arguments.firstIndex(of: "--annee").flatMap { Int(arguments[$0 + 1]) }
    let size = Double((try FileManager.default.attributesOfItem(atPath: path)[.size] as? Int) ?? 0)
    func time(_ label: String, _ body: () throws -> Void) rethrows {
      let start = DispatchTime.now().uptimeNanoseconds
      try body()
      let seconds = Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9
      print(String(format: "%-32@ %7.2f s %8.1f MB/s", label as NSString, seconds, size / 1e6 / seconds))
    }
    if path.hasSuffix(".csv") {
      var rows = 0
      try time("tokenize") { _ = try CSVReader().read(path: path) { _ in rows += 1 } }
      print("rows: \(rows)")
      if everything {
        var records = 0
        try time("read records (no fast path)") {
          _ = try CSVSubmissionReader().read(path: path, name: path) { _, _, _ in records += 1 }
        }
        print("records: \(records)")
      }
    } else {
      var reports = 0
      time("read reports (libxml2 + XSD)") {
        _ = XMLSubmissionReader().read(path: path, name: path) { _ in reports += 1 }
      }
      print("reports: \(reports)")
    }
    var verdict: FileVerdict?
    time("validate (fast path)") { verdict = Intake(campaignYear: year).check(path: path) }
    if everything {
      try time("check, keeping typed reports (what ingest runs)") {
        _ = Intake(campaignYear: year).check(try .read(path: path), keeping: .reports)
      }
      try time("validate (full validator only)") {
        _ = Intake(campaignYear: year).check(
          try .read(path: path), keeping: .reports, path: path, onRemarks: nil, fastPath: false)
      }
    }
    if let verdict {
      print(
        "reports \(verdict.reportCount), accepted \(verdict.acceptedCount), with remarks \(verdict.reports.count)"
      )
    }
  }
}
