import EnqueteCore

/// The typed values of a report the fast path accepted, made from its slots: what the reference
/// validator would have typed (tests hold the two equal on every sample and on mutated rows), for
/// the ledger to store without the reference validator running on clean reports.
///
/// A slot holds a number, a day number, 0/1, a code's index, a SIRET's digits or a département's
/// index (`SlotLayout`); free text and pattern values are not in the slots, so `text` gives them
/// from the report's bytes, decoded as the reader decodes them.
struct FastTypedValues {
  let layout: SlotLayout
  /// The code of each département, by index in the reference list.
  let departementCodes: [String]
  /// The cour d'appel of each département, by index.
  let courAppelCodes: [String]
  /// Whether the table derives `cour_appel_code` from the département.
  let derivesCourAppel: Bool

  /// Where a key of a row's JSON object takes its value from.
  enum JSONSource {
    /// The slot of a submitted variable.
    case slot(Int)
    /// The report's SIRET, given with each row.
    case siret
  }

  /// The keys of a row's JSON object (``ValueJSON``), sorted, each as its `"key":` bytes with where
  /// its value comes from: the submitted variables but `skip`, and `siret`.
  func jsonPlan(skip: Int?) -> [(literal: [UInt8], source: JSONSource)] {
    var keys = layout.submitted.filter { $0.slot != skip && $0.name != "siret" }.map {
      (name: $0.name, source: JSONSource.slot($0.slot))
    }
    keys.append((name: "siret", source: .siret))
    return keys.sorted { $0.name < $1.name }.map { (ValueJSON.keyLiteral($0.name), $0.source) }
  }

  /// Writes the row at `slots[offset...]` as the JSON object ``ValueJSON`` writes of the row
  /// ``values(_:offset:skip:text:)`` types (with `siret` set): the same bytes, without the
  /// dictionary. Only for a layout that derives nothing (`derivesCourAppel` false).
  /// - Complexity: O(variables).
  func writeJSON(
    _ slots: UnsafeBufferPointer<Double>, offset: Int, plan: [(literal: [UInt8], source: JSONSource)],
    siret: String?, text: (Int) -> String?, into out: inout [UInt8]
  ) {
    out.append(UInt8(ascii: "{"))
    var first = true
    for (literal, source) in plan {
      let start = out.count
      if !first { out.append(UInt8(ascii: ",")) }
      out += literal
      switch source {
      case .siret:
        guard let siret else {
          out.removeSubrange(start...)
          continue
        }
        ValueJSON.string(siret, into: &out)
      case .slot(let slot):
        guard let value = value(slot: slot, slots[offset + slot], text: text) else {
          out.removeSubrange(start...)
          continue
        }
        ValueJSON.value(value, into: &out)
      }
      first = false
    }
    out.append(UInt8(ascii: "}"))
  }

  /// The typed value of one slot (nil when absent: NaN, or a text left empty).
  private func value(slot: Int, _ number: Double, text: (Int) -> String?) -> Value? {
    guard !number.isNaN else { return nil }
    switch layout.kinds[slot] {
    case .integer: return .integer(Int(number))
    case .number: return .number(number)
    case .date: return .date(CivilDate(dayNumber: Int(number)))
    case .boolean: return .boolean(number != 0)
    case .siret: return .string(Self.siret(number))
    case .departement: return .string(departementCodes[Int(number)])
    case .coded: return .string(String(decoding: layout.codes[slot][Int(number)], as: UTF8.self))
    case .text, .pattern, .unsupportedPattern:
      guard let read = text(slot).map(Trim.whitespace), !read.isEmpty else { return nil }
      return .string(read)
    }
  }

  init(layout: SlotLayout, geography: Geography) {
    self.layout = layout
    departementCodes = geography.departements.map(\.code)
    courAppelCodes = geography.departements.map(\.courAppelCode)
    derivesCourAppel = layout.slot("cour_appel_code") != nil
  }

  /// The 14 digits of a SIRET slot.
  static func siret(_ slot: Double) -> String {
    let digits = String(Int(slot))
    return String(repeating: "0", count: max(0, 14 - digits.count)) + digits
  }

  /// The typed values of the slots `slots[offset...]` (submitted variables only, `skip` left
  /// out); `text(slot)` gives a text or pattern value as read (nil: leave it out).
  /// - Complexity: O(variables).
  func values(
    _ slots: UnsafeBufferPointer<Double>, offset: Int = 0, skip: Int? = nil, text: (Int) -> String?
  ) -> [String: Value] {
    var values: [String: Value] = [:]
    values.reserveCapacity(layout.submitted.count + 1)
    for entry in layout.submitted where entry.slot != skip {
      let number = slots[offset + entry.slot]
      guard let value = value(slot: entry.slot, number, text: text) else { continue }
      if derivesCourAppel, layout.kinds[entry.slot] == .departement {
        values["cour_appel_code"] = .string(courAppelCodes[Int(number)])
      }
      values[entry.name] = value
    }
    return values
  }
}
