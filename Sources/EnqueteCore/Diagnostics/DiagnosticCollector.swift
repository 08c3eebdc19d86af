import Foundation

/// Receives the diagnostics a stage finds; stages emit and go on rather than throw.
public protocol DiagnosticCollector: Sendable {
  /// Takes one diagnostic.
  func emit(_ diagnostic: Diagnostic)
}

/// Keeps every diagnostic in order; safe to share between tasks.
public final class DiagnosticList: DiagnosticCollector, @unchecked Sendable {
  private let lock = NSLock()
  private var storage: [Diagnostic] = []

  /// An empty list.
  public init() {}

  /// Appends.
  public func emit(_ diagnostic: Diagnostic) {
    lock.lock()
    storage.append(diagnostic)
    lock.unlock()
  }

  /// Everything emitted so far, in order.
  public var diagnostics: [Diagnostic] {
    lock.lock()
    defer { lock.unlock() }
    return storage
  }

  /// Whether any error was emitted.
  public var hasErrors: Bool { diagnostics.contains { $0.severity == .error } }
}
