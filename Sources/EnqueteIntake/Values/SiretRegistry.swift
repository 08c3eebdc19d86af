/// The SIRETs already met in one file, with the line of their first report: shared by the fast
/// path and the full validator so that a duplicate is found whichever path each report took.
///
/// Not thread-safe: one file is validated by one task.
public final class SiretRegistry: @unchecked Sendable {
  /// Behind a pointer so that the fast path's lookups go through no run-time exclusivity check.
  private let numeric: UnsafeMutablePointer<SiretTable>
  private var other: [String: Int] = [:]

  /// An empty registry, sized for `expected` SIRETs (it grows past them).
  public init(expected: Int = 0) {
    numeric = .allocate(capacity: 1)
    numeric.initialize(to: SiretTable(expected: expected))
  }

  deinit {
    numeric.deinitialize(count: 1)
    numeric.deallocate()
  }

  /// The line of the earlier report with this SIRET, or nil after recording this one at `line`.
  public func firstLine(of siret: String, recordingAt line: Int) -> Int? {
    if siret.utf8.count == 14, let number = Int(siret), number >= 0 {
      return firstLine(of: number, recordingAt: line)
    }
    return recordOther(siret, line)
  }

  private func recordOther(_ siret: String, _ line: Int) -> Int? {
    if let first = other[siret] { return first }
    other[siret] = line
    return nil
  }

  /// The same, for a SIRET already read as its number.
  public func firstLine(of siret: Int, recordingAt line: Int) -> Int? {
    guard siret >= 0 && siret < SiretTable.keyLimit else { return recordOther(String(siret), line) }
    return numeric.pointee.firstLine(of: siret, recordingAt: line)
  }

  /// How many more SIRETs fit before the registry's table grows.
  public var room: Int { numeric.pointee.room }

  /// Fetches into the cache where `siret` will be looked up (a hint; it records nothing).
  @inline(__always)
  public func prefetch(_ siret: Int) { numeric.pointee.prefetch(siret) }

  /// Whether the SIRET was met.
  public func contains(_ siret: Int) -> Bool { numeric.pointee.contains(siret) }

  /// Whether any SIRET of `other` is also here (two parts of one file read apart: a SIRET in both
  /// is a duplicate neither saw), looking only at those in part `part` of `parts` of `other`'s
  /// table (threads can look at the parts at once; neither registry may change meanwhile).
  /// - Complexity: O(SIRETs in `other`).
  public func sharesAny(with other: SiretRegistry, part: Int = 0, of parts: Int = 1) -> Bool {
    let otherSiretsAside = part == 0 && other.other.keys.contains { self.other[$0] != nil }
    // Ranges that do not meet (a file sorted by SIRET) share nothing: no lookup.
    let (mine, theirs) = (numeric, other.numeric)
    if mine.pointee.highest < theirs.pointee.lowest || theirs.pointee.highest < mine.pointee.lowest {
      return otherSiretsAside
    }
    // Keys go by batches whose slots are fetched first: the lookups then wait for memory together.
    // Both tables scramble keys alike, so keys are compared scrambled.
    var shared = false
    var batch: [Int] = []
    batch.reserveCapacity(32)
    func lookUp() {
      shared = shared || batch.contains { numeric.pointee.contains(scrambled: $0) }
      batch.removeAll(keepingCapacity: true)
    }
    other.numeric.pointee.forEachScrambledKey(part: part, of: parts) { key in
      guard !shared else { return }
      numeric.pointee.prefetch(scrambled: key)
      batch.append(key)
      if batch.count == 32 { lookUp() }
    }
    lookUp()
    return shared || otherSiretsAside
  }
}
