import Foundation

/// Where the sample campaign's submissions are (`SampleSubmissions/`).
enum IntakeSamples {
  static let root = URL(fileURLWithPath: #filePath)
    .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    .appendingPathComponent("SampleSubmissions")
}
