import EnqueteCore
import Foundation
import Logging

/// The protection of every linked system of a publication (``LinkedTables``): each system's
/// primaries and secondaries, the secondaries the audit proves recomputable published again.
public enum LinkedProtection {
  /// Protects every table, largest first, on as many threads as the machine has cores.
  /// - Complexity: dominated by the secondary suppression of the largest table.
  public static func protectAll(
    _ tables: [AdditiveTable], _ settings: [SecrecySettings], logger: Logger?
  ) throws -> [ProtectionResult] {
    let results = ResultSlots<Result<ProtectionResult, ProtectionAudit.Problem>>(count: tables.count)
    let order = tables.indices.sorted { tables[$0].cells.count > tables[$1].cells.count }
    DispatchQueue.concurrentPerform(iterations: order.count) { position in
      let index = order[position]
      let suppression = SecondarySuppression(settings: settings[index], logger: logger)
      let start = DispatchTime.now().uptimeNanoseconds
      results[index] = Result { () throws(ProtectionAudit.Problem) in
        DeterminedSecondaries.published(try suppression.protect(tables[index]))
      }
      logger?.debug(
        "system protected",
        metadata: [
          "system": "\(index)", "cells": "\(tables[index].cells.count)",
          "seconds": "\(Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9)",
        ])
    }
    return try results.values.map { try $0!.get() }
  }

  /// The secrecy settings of each system of `linked`, from its rule in `plan`.
  public static func settings(_ linked: LinkedTables, plan: PublicationPlan) -> [SecrecySettings] {
    linked.systems.map { SecrecySettings(plan.rules[$0.rule]!, plan: plan) }
  }
}

extension SecrecySettings {
  /// The settings of a plan rule: its threshold, its dominance for a rule on services, the plan's
  /// protection ratio.
  public init(_ rule: SecrecyRuleDefinition, plan: PublicationPlan) {
    self.init(
      frequencyThreshold: rule.threshold,
      dominance: rule.basis == .value
        ? nil : rule.dominance.map { .init(contributors: $0.contributors, percent: $0.percent) },
      protectionRatio: plan.protectionRatio)
  }
}

/// Slots written from several threads, each slot by one thread only.
final class ResultSlots<Value: Sendable>: @unchecked Sendable {
  private let lock = NSLock()
  private var slots: [Value?]

  init(count: Int) { slots = Array(repeating: nil, count: count) }

  subscript(index: Int) -> Value? {
    get { lock.withLock { slots[index] } }
    set { lock.withLock { slots[index] = newValue } }
  }

  var values: [Value?] { lock.withLock { slots } }
}
