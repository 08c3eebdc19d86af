import Foundation

extension Ingestion {
  /// Ingests `paths` in the order given: up to `window` files are read and validated at once, on
  /// the machine's cores, while the files before them are stored, each in its own transaction, in
  /// order — so the ledger's ids and versions are those of ingesting the files one by one, and at
  /// most `window` files are held in memory.
  ///
  /// `onOutcome` is called on the calling thread, once per path, in order, as soon as that file is
  /// stored (or has failed: a read error, or `LedgerError` when its campaign is not open); when it
  /// returns `false`, no further file is stored, nor validated.
  /// - Complexity: the validations spread over the cores; the stores one after the other.
  public func ingest(
    paths: [String], window: Int = 2 * ProcessInfo.processInfo.activeProcessorCount,
    onOutcome: (String, Result<Outcome, any Error>) -> Bool
  ) {
    let gate = OrderedWindow(size: max(1, window))
    let prepared = PreparedSlots(count: paths.count)
    DispatchQueue.global().async {
      DispatchQueue.concurrentPerform(iterations: paths.count) { index in
        guard gate.waitForTurn(index) else { return }
        prepared.fill(index, with: Result { try self.prepare(path: paths[index]) })
      }
    }
    for (index, path) in paths.enumerated() {
      let result = prepared.take(index).flatMap { file in Result { try self.commit(file) } }
      guard onOutcome(path, result) else {
        gate.cancel()
        return
      }
      gate.advance()
    }
  }
}

/// Lets file `index` start once fewer than `size` files before it are still waiting to be stored:
/// files enter in index order, so the next file to store can always start (no deadlock).
private final class OrderedWindow: @unchecked Sendable {
  private let condition = NSCondition()
  private let size: Int
  private var stored = 0
  private var cancelled = false

  init(size: Int) { self.size = size }

  /// Waits until file `index` may start; `false` once the ingestion was stopped.
  func waitForTurn(_ index: Int) -> Bool {
    condition.lock()
    defer { condition.unlock() }
    while index >= stored + size, !cancelled { condition.wait() }
    return !cancelled
  }

  func cancel() {
    condition.lock()
    cancelled = true
    condition.broadcast()
    condition.unlock()
  }

  func advance() {
    condition.lock()
    stored += 1
    condition.broadcast()
    condition.unlock()
  }
}

/// The prepared files, each filled by one worker and taken once by the storing thread.
private final class PreparedSlots: @unchecked Sendable {
  private let condition = NSCondition()
  private var slots: [Result<Ingestion.Prepared, any Error>?]

  init(count: Int) { slots = Array(repeating: nil, count: count) }

  func fill(_ index: Int, with result: Result<Ingestion.Prepared, any Error>) {
    condition.lock()
    slots[index] = result
    condition.broadcast()
    condition.unlock()
  }

  /// Waits for file `index`, and frees its slot.
  func take(_ index: Int) -> Result<Ingestion.Prepared, any Error> {
    condition.lock()
    defer { condition.unlock() }
    while slots[index] == nil { condition.wait() }
    let result = slots[index]!
    slots[index] = nil
    return result
  }
}
