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
      let slot = entry.slot
      let number = slots[offset + slot]
      guard !number.isNaN else { continue }
      let value: Value
      switch layout.kinds[slot] {
      case .integer: value = .integer(Int(number))
      case .number: value = .number(number)
      case .date: value = .date(CivilDate(dayNumber: Int(number)))
      case .boolean: value = .boolean(number != 0)
      case .siret: value = .string(Self.siret(number))
      case .departement:
        value = .string(departementCodes[Int(number)])
        if derivesCourAppel { values["cour_appel_code"] = .string(courAppelCodes[Int(number)]) }
      case .coded: value = .string(String(decoding: layout.codes[slot][Int(number)], as: UTF8.self))
      case .text, .pattern, .unsupportedPattern:
        guard let read = text(slot).map(Trim.whitespace), !read.isEmpty else { continue }
        value = .string(read)
      }
      values[entry.name] = value
    }
    return values
  }
}
