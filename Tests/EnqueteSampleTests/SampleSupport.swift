import EnqueteSample
import Foundation

/// The committed campaign, generated once for every test of this target.
enum Committed {
  static let root = URL(fileURLWithPath: #filePath)
    .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
  static let folder = root.appendingPathComponent("SampleSubmissions")
  static let campaign = SampleCampaign.generate(.committed)
  static let files: [String: [UInt8]] = {
    var files: [String: [UInt8]] = [:]
    try! campaign.forEachFile { files[$0.path] = $0.bytes }
    return files
  }()

  /// Paths of the files under `SampleSubmissions/`, relative to it.
  static func filesOnDisk() -> [String] {
    let enumerator = FileManager.default.enumerator(
      at: folder, includingPropertiesForKeys: [.isRegularFileKey])!
    return enumerator.compactMap { item -> String? in
      guard let url = item as? URL,
        (try? url.resourceValues(forKeys: [.isRegularFileKey]))?.isRegularFile == true
      else { return nil }
      return String(url.standardizedFileURL.path.dropFirst(folder.standardizedFileURL.path.count + 1))
    }
    .sorted()
  }
}
