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

  /// Where a column of the detail's table takes its value from.
  enum JSONSource {
    /// The slot of a submitted variable.
    case slot(Int)
    /// The report's SIRET, given with each row.
    case siret
  }

  /// How a report's detail is written as the ledger's table (``ValueJSON/table(_:)``) straight
  /// from the slots: the table's opening with its columns (the submitted variables but `skip`,
  /// and `siret`, sorted), and where each column's value comes from.
  struct TablePlan {
    /// `{"columns":[…],"rows":[`.
    let start: [UInt8]
    /// Each column's source, in the columns' order.
    let sources: [JSONSource]
  }

  /// The plan of the detail's table; see ``TablePlan``.
  func tablePlan(skip: Int?) -> TablePlan {
    var columns = layout.submitted.filter { $0.slot != skip && $0.name != "siret" }.map {
      (name: $0.name, source: JSONSource.slot($0.slot))
    }
    columns.append((name: "siret", source: .siret))
    columns.sort { $0.name < $1.name }
    return TablePlan(
      start: ValueJSON.tableStart(columns: columns.map(\.name)), sources: columns.map(\.source))
  }

  /// Writes the row at `slots[offset...]` as a row of the table ``ValueJSON/table(_:)`` writes of
  /// the rows ``values(_:offset:skip:text:)`` types (with `siret` set): `[…]`, `null` where the
  /// row has no value, without the dictionary; `present[i]` becomes true when column `i` has a
  /// value. Only for a layout that derives nothing (`derivesCourAppel` false).
  /// - Complexity: O(variables).
  func writeRow(
    _ slots: UnsafeBufferPointer<Double>, offset: Int, plan: TablePlan, siret: String?,
    text: (Int) -> String?, present: inout [Bool], into out: inout [UInt8]
  ) {
    out.append(UInt8(ascii: "["))
    for (column, source) in plan.sources.enumerated() {
      if column > 0 { out.append(UInt8(ascii: ",")) }
      let value: Value?
      switch source {
      case .siret: value = siret.map(Value.string)
      case .slot(let slot): value = self.value(slot: slot, slots[offset + slot], text: text)
      }
      if let value {
        ValueJSON.value(value, into: &out)
        present[column] = true
      } else {
        out += ValueJSON.null
      }
    }
    out.append(UInt8(ascii: "]"))
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
