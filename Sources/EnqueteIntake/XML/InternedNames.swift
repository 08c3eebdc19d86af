import CLibXML2

/// Element and attribute names as libxml2 hands them to SAX callbacks: interned in the parser's
/// dictionary, so one name is always the same address. Structural names are compared by address;
/// variable names become Swift strings once per name, not once per element.
struct InternedNames {
  /// `rapport`, `mesure` and the survey's detail element (`mesures`), as interned by the parser.
  private(set) var report: UnsafePointer<xmlChar>?
  private(set) var row: UnsafePointer<xmlChar>?
  private(set) var detail: UnsafePointer<xmlChar>?
  /// The detail key attribute (`mesure_id`), when the reader checks its uniqueness.
  private(set) var key: UnsafePointer<xmlChar>?

  private var strings: [UnsafePointer<xmlChar>: String] = [:]
  /// The names met last, by address bits: most lookups end here, without hashing.
  private var recent = [(UnsafePointer<xmlChar>?, String)](repeating: (nil, ""), count: 64)
  /// A hostile file can use millions of distinct names: past this many, names are not kept.
  private let capacity = 4096

  /// Interns the structural names in `dictionary` (the parser's), where the parser will find them.
  mutating func intern(in dictionary: xmlDictPtr?, detail detailName: String?, key keyName: String?) {
    guard let dictionary else { return }
    func lookup(_ name: String) -> UnsafePointer<xmlChar>? {
      name.withCString {
        xmlDictLookup(dictionary, UnsafeRawPointer($0).assumingMemoryBound(to: xmlChar.self), -1)
      }
    }
    report = lookup("rapport")
    row = lookup("mesure")
    detail = detailName.flatMap(lookup)
    key = keyName.flatMap(lookup)
  }

  /// The name at `pointer` (a NUL-terminated interned name) as a string.
  mutating func string(_ pointer: UnsafePointer<xmlChar>) -> String {
    let slot = (Int(bitPattern: pointer) >> 3) & (recent.count - 1)
    if recent[slot].0 == pointer { return recent[slot].1 }
    let name: String
    if let known = strings[pointer] {
      name = known
    } else {
      name = String(cString: pointer)
      if strings.count < capacity { strings[pointer] = name }
    }
    recent[slot] = (pointer, name)
    return name
  }
}
