import EnquetePipeline
import Foundation
import Testing

/// Which files `validate` and `ingest` check for the paths they are given: a per-measure file goes
/// with its report file, and no file is checked twice (that would store a pair twice).
@Suite struct SubmissionFilesTests {
  static let invalid = SampleSubmissionTests.samples.appendingPathComponent("invalid").path
  static let report = invalid + "/csv-detail-dates-inversees.csv"
  static let detail = invalid + "/csv-detail-dates-inversees-mesures.csv"

  @Test func aPairNamedFileByFileIsCheckedOnce() {
    // As a shell's `invalid/csv-detail-dates-inversees*` names them: the detail file first.
    #expect(SubmissionChecker.files(in: [Self.detail, Self.report]) == [Self.report])
    #expect(SubmissionChecker.files(in: [Self.report, Self.detail, Self.report]) == [Self.report])
  }

  @Test func aDetailFileNamedAloneIsKept() {
    #expect(SubmissionChecker.files(in: [Self.detail]) == [Self.detail])
  }

  @Test func aFolderAndOneOfItsFilesGiveEachFileOnce() {
    let fromFolder = SubmissionChecker.files(in: [Self.invalid])
    #expect(fromFolder.contains(Self.report) && !fromFolder.contains(Self.detail))
    #expect(SubmissionChecker.files(in: [Self.invalid, Self.report, Self.detail]) == fromFolder)
  }
}
