import EnqueteCore

/// Finds a département code's index in the reference list from its bytes without hashing or
/// allocating: two-character codes through a direct table, the few three-character ones by scan.
/// Only the canonical spelling (`01`, `2A`, `971`) is found; others go to the full validator.
struct DepartementIndex {
  /// Index + 1 of each two-byte code (0 when none), addressed by its two bytes.
  private let twoBytes: [UInt16]
  private let threeBytes: [(code: [UInt8], index: Int)]

  init(_ geography: Geography) {
    var twoBytes = [UInt16](repeating: 0, count: 1 << 16)
    var threeBytes: [(code: [UInt8], index: Int)] = []
    for (index, departement) in geography.departements.enumerated() {
      let code = Array(departement.code.utf8)
      if code.count == 2 {
        twoBytes[Int(code[0]) << 8 | Int(code[1])] = UInt16(index + 1)
      } else {
        threeBytes.append((code, index))
      }
    }
    self.twoBytes = twoBytes
    self.threeBytes = threeBytes
  }

  /// The index of the département whose code is `bytes`, if any.
  @inline(__always)
  func index(of bytes: UnsafeBufferPointer<UInt8>) -> Int? {
    if bytes.count == 2 {
      let entry = twoBytes[Int(bytes[0]) << 8 | Int(bytes[1])]
      return entry == 0 ? nil : Int(entry) - 1
    }
    return threeBytes.first { $0.code.elementsEqual(bytes) }?.index
  }
}
