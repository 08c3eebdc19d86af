import Foundation

/// One result slot per run of a computation split over the machine's cores
/// (`DispatchQueue.concurrentPerform`): each run writes its own slot, the caller reads them all
/// once every run has returned, in run order, so the merged result does not depend on which run
/// finished first.
final class RunSlots<Value>: @unchecked Sendable {
  private let lock = NSLock()
  private var slots: [Value?]

  /// `count` empty slots.
  init(count: Int) { slots = Array(repeating: nil, count: count) }

  /// Writes the result of `run`.
  func set(_ run: Int, _ value: Value) { lock.withLock { slots[run] = value } }

  /// Every slot, in run order (`nil` for a run that wrote nothing).
  func all() -> [Value?] { lock.withLock { slots } }
}
