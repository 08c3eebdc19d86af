import EnqueteCore
import EnqueteProtect
import Foundation
import Testing

/// A peer's pattern completed to enquete's protection (`enquete protect --motif --completer`):
/// what it hides stays hidden, cells are added until the audit passes, and the count says how many.
@Suite struct CompletedPatternTests {
  static func fixture(_ name: String, _ file: String) throws -> String {
    let folder = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
      .appendingPathComponent("EnqueteProtectTests/Fixtures/\(name)")
    return try String(contentsOf: folder.appendingPathComponent(file), encoding: .utf8)
  }

  @Test func tauArgusOptimalsPatternIsCompletedUntilTheAuditPasses() throws {
    let cells = try Self.fixture("large_2d_MOD_f3", "cells.csv")
    let hierarchy = try Self.fixture("large_2d_MOD_f3", "dep.hrc")
    let pattern = try Self.fixture("large_2d_OPT_f3", "out.csv")
    let given = try TableProtection.run(
      cells: cells, hierarchy: hierarchy, pattern: pattern, settings: SecrecySettings())
    #expect(!given.audit.passes && given.addedToPattern == nil)
    let completed = try TableProtection.run(
      cells: cells, hierarchy: hierarchy, pattern: pattern, completesPattern: true,
      settings: SecrecySettings())
    #expect(completed.audit.passes)
    let added = try #require(completed.addedToPattern)
    #expect(added > 0 && completed.count(.secondary) == given.count(.secondary) + added)
    // Nothing τ-Argus hid is published.
    for index in given.statuses.indices where given.statuses[index].isSuppressed {
      #expect(completed.statuses[index].isSuppressed)
    }
    #expect(ProtectionOutput.text(completed).contains("cellules ajoutées pour la protection d'enquete"))
  }
}
