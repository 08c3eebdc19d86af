/// Reads the fields of a CSV row straight from the file's text, for `FastLineLane`: each field is
/// parsed by its column's kind while its end is searched, in one pass.
enum LineFieldReader {
  /// A row's place in the text: it starts at `start`, and a LF lies before `end` (bytes up to
  /// `end` may be read): whatever the row holds, every scan stops there at the latest.
  struct Bounds {
    let text: UnsafePointer<UInt8>
    let start: Int
    let end: Int
    let delimiter: UInt8
  }

  /// Reads every field of the row into `values`, each judged by its plan (bounds, required) as
  /// it is read; false to leave the row to the usual path (a quote, blanks to trim, a spelling, a
  /// field count or a value the fast path does not take).
  /// - Returns: the offset of the row's LF, or -1 to leave the row.
  static func read(
    _ row: Bounds, _ plans: UnsafeBufferPointer<ColumnPlan>, into values: UnsafeMutablePointer<Double>,
    layout: SlotLayout, departements: DepartementIndex, encoding: FastTextEncoding, sirets: SiretRegistry
  ) -> Int {
    let text = row.text
    let delimiter = row.delimiter
    let stops = StopBytes(delimiter: delimiter)
    var index = row.start
    let last = plans.count - 1
    for column in 0...last {
      let plan = plans[column]
      if plan.kind == .integer || plan.kind == .number {
        // Most fields: a number, its value stored as its end is found.
        guard let value = number(text, &index, decimal: plan.kind == .number, delimiter: delimiter),
          plan.admits(value)
        else { return -1 }
        values[plan.slot] = value  // NaN for an empty field, as the slot was
      } else {
        let fieldStart = index
        index = stops.next(text, from: index, end: row.end)
        if plan.slot >= 0, index > fieldStart {
          let field = UnsafeBufferPointer(start: text + fieldStart, count: index - fieldStart)
          guard
            let value = other(field, plan, layout: layout, departements: departements, encoding: encoding),
            plan.admits(value)
          else { return -1 }
          values[plan.slot] = value
          if plan.isSiret { sirets.prefetch(Int(value)) }
        } else if plan.isRequired {
          return -1  // empty (a column the survey does not know is never required)
        }
      }
      let byte = text[index]
      if column < last {
        guard byte == delimiter else { return -1 }
        index += 1
      } else if byte == 0x0A {
        return index
      } else {
        return byte == 0x0D && text[index + 1] == 0x0A ? index + 1 : -1
      }
    }
    return -1
  }

  /// The slot value of a field that is not a number (non-empty), nil to leave the row.
  @inline(__always)
  private static func other(
    _ field: UnsafeBufferPointer<UInt8>, _ plan: ColumnPlan, layout: SlotLayout,
    departements: DepartementIndex,
    encoding: FastTextEncoding
  ) -> Double? {
    // Blanks at either end are for the usual path to trim.
    let first = field[0]
    let final = field[field.count - 1]
    guard first != 0x20, first != 0x09, final != 0x20, final != 0x09 else { return nil }
    if plan.kind == .text { return FastValueReader.isText(field, encoding) ? 1 : nil }
    return FastValueReader.read(field, plan.kind, slot: plan.slot, layout: layout, departements: departements)
  }

  /// Parses an integer or a number at `index`, leaving `index` on the byte after it: NaN for an
  /// empty field (or one that is no number at all: the byte after it then is no delimiter), nil
  /// for anything but the plain spellings `FastValueReader.integer` and `number` accept, with the
  /// same value to the last bit. The row's LF ends any run of digits.
  @inline(__always)
  private static func number(
    _ text: UnsafePointer<UInt8>, _ index: inout Int, decimal: Bool, delimiter: UInt8
  ) -> Double? {
    let negative = text[index] == UInt8(ascii: "-")
    if negative { index += 1 }
    let digitsStart = index
    var whole = 0
    while true {
      let digit = text[index] &- UInt8(ascii: "0")
      if digit >= 10 { break }
      whole = whole &* 10 &+ Int(digit)
      index += 1
    }
    let wholeDigits = index - digitsStart
    let separator = text[index]
    if decimal,
      separator == UInt8(ascii: ".") || (separator == UInt8(ascii: ",") && delimiter != UInt8(ascii: ","))
    {
      index += 1
      let fractionStart = index
      var fraction = 0
      var scale = 1
      while true {
        let digit = text[index] &- UInt8(ascii: "0")
        if digit >= 10 { break }
        fraction = fraction &* 10 &+ Int(digit)
        scale = scale &* 10
        index += 1
      }
      guard wholeDigits + index - fractionStart > 0, index - digitsStart <= 17 else { return nil }
      // As `FastValueReader`: one correctly rounded division, a mantissa of at most 15 digits.
      if scale == 1 { return negative ? -Double(whole) : Double(whole) }
      guard index - digitsStart - 1 <= 15 else { return nil }
      let value = Double(whole &* scale &+ fraction) / Double(scale)
      return negative ? -value : value
    }
    if wholeDigits == 0 { return negative ? nil : .nan }
    guard wholeDigits <= (decimal ? 17 : 15) else { return nil }
    // As `FastValueReader`: an integer negated before it is converted, a number after
    // (`whole + 0 / 1` is `whole` itself).
    return decimal ? (negative ? -Double(whole) : Double(whole)) : Double(negative ? -whole : whole)
  }
}
