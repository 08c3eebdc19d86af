import CLibXML2
import EnqueteCore
import Foundation

extension XMLSubmissionReader {
  /// Reads the file at `path` like `read(path:name:onReport:)`, but parses it on a thread of its
  /// own while `onReport` runs on the calling thread: parsing and validation overlap on two cores.
  /// At most `capacity` reports wait between the two, so memory stays flat.
  ///
  /// If `onReport` throws, parsing stops and the error is rethrown once the parsing thread is done.
  ///
  /// - Complexity: O(file size) time, spread over two threads; O(chunk + `capacity` reports) memory.
  public func readConcurrently(
    path: String, name: String, capacity: Int = 16, onReport: (RawReport) throws -> Void
  ) rethrows -> XMLReadOutcome {
    // The reports' strings and dictionaries are built here, off the parsing thread.
    try readDraftsConcurrently(path: path, name: name, capacity: capacity) { try onReport($0.report()) }
  }

  /// The same, handing out each report as a draft, its `RawReport` not built yet.
  ///
  /// - Complexity: O(file size) time, spread over two threads; O(chunk + `capacity` reports) memory.
  public func readDraftsConcurrently(
    path: String, name: String, capacity: Int = 16, onDraft: (ReportDraft) throws -> Void
  ) rethrows -> XMLReadOutcome {
    LibXMLSetup.once()
    let pipe = ReportPipe(capacity: capacity)
    let reader = self
    let thread = Thread {
      let outcome = try? reader.read(path: path, name: name) { (draft: ReportDraft) in
        guard pipe.put(draft) else { throw ReportPipe.Closed() }
      }
      pipe.close(with: outcome)
    }
    thread.stackSize = 4 << 20
    thread.start()
    do {
      while let draft = pipe.take() { try onDraft(draft) }
    } catch {
      pipe.cancel()
      throw error
    }
    return pipe.outcome ?? XMLReadOutcome(diagnostics: [.fileUnreadable(name)], isReadable: false)
  }
}

/// libxml2's one-time global setup, which must precede its use from several threads.
enum LibXMLSetup {
  private static let done: Void = xmlInitParser()

  static func once() { done }
}

/// Reports going from the parsing thread to the validating one, at most `capacity` at a time.
final class ReportPipe: @unchecked Sendable {
  /// Thrown into the parser when the consumer gave up.
  struct Closed: Error {}

  private let condition = NSCondition()
  private let capacity: Int
  private var queue: [ReportDraft] = []
  private var closed = false
  private var cancelled = false
  private var finalOutcome: XMLReadOutcome?

  init(capacity: Int) { self.capacity = max(1, capacity) }

  /// What the parser gave, once it is done.
  var outcome: XMLReadOutcome? {
    condition.lock()
    defer { condition.unlock() }
    while !closed { condition.wait() }
    return finalOutcome
  }

  /// Waits for room, then queues `report`; false when the consumer gave up.
  func put(_ report: ReportDraft) -> Bool {
    condition.lock()
    defer { condition.unlock() }
    while queue.count >= capacity, !cancelled { condition.wait() }
    guard !cancelled else { return false }
    queue.append(report)
    condition.broadcast()
    return true
  }

  /// The next report, waiting for it; nil once the parser is done and the queue empty.
  func take() -> ReportDraft? {
    condition.lock()
    defer { condition.unlock() }
    while queue.isEmpty, !closed { condition.wait() }
    guard !queue.isEmpty else { return nil }
    condition.broadcast()
    return queue.removeFirst()
  }

  /// The parser is done (nil: it stopped because the consumer gave up).
  func close(with outcome: XMLReadOutcome?) {
    condition.lock()
    finalOutcome = outcome
    closed = true
    condition.broadcast()
    condition.unlock()
  }

  /// The consumer gives up: the parser stops at its next report; returns once it has.
  func cancel() {
    condition.lock()
    cancelled = true
    queue.removeAll()
    condition.broadcast()
    while !closed { condition.wait() }
    condition.unlock()
  }
}
