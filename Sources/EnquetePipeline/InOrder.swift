import Foundation

/// Work on a list of items spread over the machine's cores, handed back in the list's order:
/// up to `window` items are prepared at once while the items before them are consumed on the
/// calling thread, one after the other. What `enquete ingest` (check, then store) and `enquete
/// validate` (check, then print) run on their files.
enum InOrder {
  /// Prepares every index of `0..<count` with `prepare` (on the cores, at most `window` ahead of
  /// the last one consumed) and hands each result to `consume`, on the calling thread, in index
  /// order; when `consume` returns `false`, nothing further is prepared nor consumed.
  /// - Complexity: the preparations spread over the cores; the consumptions one after the other.
  static func run<Prepared>(
    count: Int, window: Int = 2 * ProcessInfo.processInfo.activeProcessorCount,
    prepare: @escaping @Sendable (Int) -> Prepared, consume: (Int, Prepared) -> Bool
  ) {
    let gate = OrderedWindow(size: max(1, window))
    let prepared = PreparedSlots<Prepared>(count: count)
    DispatchQueue.global().async {
      DispatchQueue.concurrentPerform(iterations: count) { index in
        guard gate.waitForTurn(index) else { return }
        prepared.fill(index, with: prepare(index))
      }
    }
    for index in 0..<count {
      guard consume(index, prepared.take(index)) else {
        gate.cancel()
        return
      }
      gate.advance()
    }
  }
}

/// Lets item `index` start once fewer than `size` items before it are still waiting to be
/// consumed: items enter in index order, so the next item to consume can always start (no
/// deadlock).
private final class OrderedWindow: @unchecked Sendable {
  private let condition = NSCondition()
  private let size: Int
  private var consumed = 0
  private var cancelled = false

  init(size: Int) { self.size = size }

  /// Waits until item `index` may start; `false` once the work was stopped.
  func waitForTurn(_ index: Int) -> Bool {
    condition.lock()
    defer { condition.unlock() }
    while index >= consumed + size, !cancelled { condition.wait() }
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
    consumed += 1
    condition.broadcast()
    condition.unlock()
  }
}

/// The prepared items, each filled by one worker and taken once by the consuming thread.
private final class PreparedSlots<Prepared>: @unchecked Sendable {
  private let condition = NSCondition()
  private var slots: [Prepared?]

  init(count: Int) { slots = Array(repeating: nil, count: count) }

  func fill(_ index: Int, with result: Prepared) {
    condition.lock()
    slots[index] = result
    condition.broadcast()
    condition.unlock()
  }

  /// Waits for item `index`, and frees its slot.
  func take(_ index: Int) -> Prepared {
    condition.lock()
    defer { condition.unlock() }
    while slots[index] == nil { condition.wait() }
    let result = slots[index]!
    slots[index] = nil
    return result
  }
}
