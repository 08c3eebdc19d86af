import Foundation

/// Work on a list of items spread over the machine's cores, handed back in the list's order:
/// up to `window` items are prepared at once while the items before them are consumed on the
/// calling thread, one after the other. What `enquete ingest` (check, then store) and `enquete
/// validate` (check, then print) run on their files.
public enum InOrder {
  /// Prepares every index of `0..<count` with `prepare` (on the cores, at most `window` ahead of
  /// the last one consumed) and hands each result to `consume`, on the calling thread, in index
  /// order; when `consume` returns `false`, nothing further is prepared nor consumed.
  ///
  /// With `weights` (e.g. each file's size), items prepared and not yet consumed also weigh at
  /// most `budget` together — except the next item to consume, which may always start — so a
  /// long window of small files does not become a long window of large ones.
  /// - Complexity: the preparations spread over the cores; the consumptions one after the other.
  public static func run<Prepared>(
    count: Int, window: Int = 2 * ProcessInfo.processInfo.activeProcessorCount,
    weights: [Int]? = nil, budget: Int = .max,
    prepare: @escaping @Sendable (Int) -> Prepared, consume: (Int, Prepared) -> Bool
  ) {
    let gate = OrderedWindow(size: max(1, window), weights: weights, budget: budget)
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
/// consumed, and their weights leave room for its own under the budget: items enter in index
/// order, and the next item to consume can always start (no deadlock).
private final class OrderedWindow: @unchecked Sendable {
  private let condition = NSCondition()
  private let size: Int
  private let weights: [Int]?
  private let budget: Int
  private var consumed = 0
  /// The weight of the items started and not yet consumed.
  private var inFlight = 0
  private var cancelled = false

  init(size: Int, weights: [Int]?, budget: Int) {
    self.size = size
    self.weights = weights
    self.budget = budget
  }

  /// Waits until item `index` may start; `false` once the work was stopped.
  func waitForTurn(_ index: Int) -> Bool {
    condition.lock()
    defer { condition.unlock() }
    let weight = weights?[index] ?? 0
    while !cancelled, index >= consumed + size || (index > consumed && inFlight + weight > budget) {
      condition.wait()
    }
    inFlight += weight
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
    inFlight -= weights?[consumed] ?? 0
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
