import EnqueteCore

extension FastReportChecker {
  /// Whether a report still in bytes (read from XML) is clean, without making its `RawReport`:
  /// every value plainly spelt and within bounds, no duplicate, every rule holding. A clean report's SIRET is
  /// remembered, to find a later duplicate.
  ///
  /// - Complexity: O(values), with no string or dictionary built.
  public mutating func isClean(bytes raw: some RawReportBytes) -> Bool {
    guard compiledEverything, !raw.hasDiagnostics else { return false }
    line = raw.line
    // Static fills, so that `self` is not borrowed while its arrays are written (no copy on write).
    guard
      Self.fill(
        &values, layout: report, departements: departements, from: raw, row: nil, offset: 0, skip: nil)
    else { return false }
    rows.removeAll(keepingCapacity: true)
    if let detail, raw.rowCount > 0 {
      let width = detail.variables.count
      let skip = detailSiretSlot
      identifiers.removeAll(keepingCapacity: true)
      rows.append(contentsOf: repeatElement(Double.nan, count: raw.rowCount * width))
      for index in 0..<raw.rowCount {
        guard
          Self.fill(
            &rows, layout: detail, departements: departements, from: raw, row: index, offset: index * width,
            skip: skip),
          identifierSlot == nil || isNewIdentifier(in: raw, row: index)
        else { return false }
      }
    }
    return holdsCleanly(detailCount: raw.rowCount)
  }

  /// Fills `slots[offset...]` from the bytes of the report or of one of its rows; false to defer.
  private static func fill(
    _ slots: inout [Double], layout: SlotLayout, departements: DepartementIndex,
    from raw: some RawReportBytes,
    row: Int?, offset: Int, skip: Int?
  ) -> Bool {
    for index in 0..<layout.variables.count { slots[offset + index] = .nan }
    let read = raw.forEachValue(row: row) { name, bytes in
      guard let slot = layout.slot(name), slot != skip, let place = layout.submittedEntry[slot] else {
        return true
      }
      // A variable given twice is for the full validator (the XSD refuses it anyway).
      guard slots[offset + slot].isNaN else { return false }
      let entry = layout.submitted[place]
      guard let trimmed = FastValueReader.trimmed(bytes) else { return !entry.required }
      guard
        let value = FastValueReader.read(
          trimmed, layout.kinds[slot], slot: slot, layout: layout, departements: departements),
        !(value < entry.minimum), !(value > entry.maximum)
      else { return false }
      slots[offset + slot] = value
      return true
    }
    guard read else { return false }
    for entry in layout.submitted where entry.required && entry.slot != skip {
      if slots[offset + entry.slot].isNaN { return false }
    }
    return true
  }

  /// Whether the row's `mesure_id` was not met before in the report (a hash collision, or an
  /// identifier outside ASCII, only sends the report to the full validator).
  private mutating func isNewIdentifier(in raw: some RawReportBytes, row: Int) -> Bool {
    var identifier: Int?
    let ascii = raw.forEachValue(row: row) { name, bytes in
      guard name == "mesure_id" else { return true }
      guard !bytes.contains(where: { $0 >= 0x80 }) else { return false }
      var hasher = Hasher()
      hasher.combine(bytes: UnsafeRawBufferPointer(bytes))
      identifier = hasher.finalize()
      return true
    }
    guard ascii else { return false }
    guard let identifier else { return true }
    return identifiers.insert(identifier).inserted
  }

  /// The typed report `raw` is, once ``isClean(bytes:)`` said it is clean: its values and detail
  /// rows from the slots just filled, free text from its bytes (as the reference validator types
  /// them, without a diagnostic).
  /// - Complexity: O(values).
  public func typed(_ raw: some RawReportBytes) -> ValidatedReport {
    func text(row: Int?, slot: Int, layout: SlotLayout) -> String? {
      let name = layout.variables[slot].name
      var found: String?
      _ = raw.forEachValue(row: row) { key, bytes in
        guard key == name else { return true }
        found = String(decoding: bytes, as: UTF8.self)
        return false
      }
      return found
    }
    let siret = siretSlot.map { FastTypedValues.siret(values[$0]) }
    let reportValues = values.withUnsafeBufferPointer { slots in
      typedReport.values(slots) { text(row: nil, slot: $0, layout: report) }
    }
    var detail: [[String: Value]] = []
    var encoded: EncodedDetail?
    if let typedDetail, let layout = self.detail, raw.rowCount > 0 {
      let width = layout.variables.count
      if let detailPlan {
        // Written as the ledger keeps it, with no dictionary per row.
        var json = detailPlan.start
        json.reserveCapacity(json.count + raw.rowCount * 128)
        var present = [Bool](repeating: false, count: detailPlan.sources.count)
        rows.withUnsafeBufferPointer { slots in
          for index in 0..<raw.rowCount {
            if index > 0 { json.append(UInt8(ascii: ",")) }
            typedDetail.writeRow(
              slots, offset: index * width, plan: detailPlan, siret: siret,
              text: { text(row: index, slot: $0, layout: layout) }, present: &present, into: &json)
          }
        }
        json += ValueJSON.tableEnd
        // A column no row has a value for is not in the reference's table: such a detail is
        // typed as dictionaries below, and written as the reference writes it.
        if !present.contains(false) {
          encoded = EncodedDetail(count: raw.rowCount, json: String(decoding: json, as: UTF8.self))
        }
      }
      if encoded == nil {
        detail.reserveCapacity(raw.rowCount)
        rows.withUnsafeBufferPointer { slots in
          for index in 0..<raw.rowCount {
            var row = typedDetail.values(slots, offset: index * width, skip: detailSiretSlot) {
              text(row: index, slot: $0, layout: layout)
            }
            row["siret"] = siret.map(Value.string)
            detail.append(row)
          }
        }
      }
    }
    return ValidatedReport(
      siret: siret, line: raw.line, values: reportValues, detail: detail, encodedDetail: encoded,
      diagnostics: [])
  }
}
