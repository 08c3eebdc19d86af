import Dispatch
import Foundation

/// Runs blocking work (SQLite, libxml2, file reads) off Swift's cooperative threads, which must
/// never wait: a request waiting for the ledger's lock would otherwise hold one of the few threads
/// every other request needs.
final class BlockingWork: @unchecked Sendable {  // OperationQueue is thread-safe.
  private let queue: OperationQueue

  /// A pool running at most `width` pieces of work at once.
  init(label: String, width: Int) {
    let queue = OperationQueue()
    queue.name = label
    queue.maxConcurrentOperationCount = max(1, width)
    queue.qualityOfService = .userInitiated
    self.queue = queue
  }

  /// Runs `body` on the pool and returns what it returned (or throws what it threw).
  func run<T: Sendable>(_ body: @escaping @Sendable () throws -> T) async throws -> T {
    try await withCheckedThrowingContinuation { continuation in
      queue.addOperation {
        continuation.resume(with: Result { try body() })
      }
    }
  }
}
