import EnqueteIntake
import Foundation
import Testing

/// Which files `validate` and `ingest` check for the paths they are given: a per-measure file goes
/// with its report file, and no file is checked twice (that would store a pair twice).
@Suite struct SubmissionFilesTests {
  static let invalid = IntakeSamples.root.appendingPathComponent("invalid").path
  static let report = invalid + "/csv-detail-dates-inversees.csv"
  static let detail = invalid + "/csv-detail-dates-inversees-mesures.csv"

  @Test func aPairNamedFileByFileIsCheckedOnce() {
    // As a shell's `invalid/csv-detail-dates-inversees*` names them: the detail file first.
    #expect(Intake.files(in: [Self.detail, Self.report]) == [Self.report])
    #expect(Intake.files(in: [Self.report, Self.detail, Self.report]) == [Self.report])
  }

  @Test func aDetailFileNamedAloneIsKept() {
    #expect(Intake.files(in: [Self.detail]) == [Self.detail])
  }

  @Test func aFolderAndOneOfItsFilesGiveEachFileOnce() {
    let fromFolder = Intake.files(in: [Self.invalid])
    #expect(fromFolder.contains(Self.report) && !fromFolder.contains(Self.detail))
    #expect(Intake.files(in: [Self.invalid, Self.report, Self.detail]) == fromFolder)
  }
}
