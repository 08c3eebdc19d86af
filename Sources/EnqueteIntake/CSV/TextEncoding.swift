/// The text encodings French offices' CSV files arrive in.
public enum TextEncoding: String, Sendable, Hashable, Codable {
  /// UTF-8 without byte-order mark (or plain ASCII).
  case utf8 = "UTF-8"
  /// UTF-8 with a byte-order mark (Excel's "CSV UTF-8").
  case utf8BOM = "UTF-8 avec BOM"
  /// Windows-1252 (Excel's "CSV (séparateur: point-virgule)").
  case windows1252 = "Windows-1252"
  /// UTF-16 little-endian with BOM (Excel's "Texte Unicode").
  case utf16LE = "UTF-16LE"
  /// UTF-16 big-endian with BOM.
  case utf16BE = "UTF-16BE"

  /// The encoding its first bytes announce by a byte-order mark, and the mark's length.
  public static func byteOrderMark(_ prefix: some Collection<UInt8>) -> (TextEncoding, Int)? {
    let bytes = Array(prefix.prefix(3))
    if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { return (.utf8BOM, 3) }
    if bytes.starts(with: [0xFF, 0xFE]) { return (.utf16LE, 2) }
    if bytes.starts(with: [0xFE, 0xFF]) { return (.utf16BE, 2) }
    return nil
  }
}

/// Decodes fields of a file whose encoding is known only once a non-ASCII byte shows up.
///
/// Without a byte-order mark, the first non-ASCII field decides: valid UTF-8 means UTF-8, anything
/// else Windows-1252. A later field that does not decode in the encoding decided is an error.
public struct FieldDecoder: Sendable {
  /// The encoding decided so far; nil while every byte was ASCII.
  public private(set) var encoding: TextEncoding?

  /// A decoder; `announced` is the encoding a byte-order mark gave (UTF-16 arrives transcoded).
  public init(announced: TextEncoding?) {
    switch announced {
    case .utf16LE?, .utf16BE?, .utf8BOM?: encoding = .utf8BOM
    default: encoding = announced
    }
  }

  /// The text of `bytes`, or nil when they do not decode in the file's encoding.
  public mutating func decode(_ bytes: ArraySlice<UInt8>) -> String? {
    bytes.withUnsafeBufferPointer { decode($0) }
  }

  /// Whether `bytes` decode in the file's encoding (deciding it as `decode` would), without
  /// making a string once the encoding is known.
  public mutating func isText(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
    if bytes.allSatisfy({ $0 < 0x80 }) { return true }
    switch encoding {
    case nil:
      return decode(bytes) != nil
    case .utf8?, .utf8BOM?, .utf16LE?, .utf16BE?:
      var iterator = bytes.makeIterator()
      var utf8 = UTF8()
      while true {
        switch utf8.decode(&iterator) {
        case .scalarValue: continue
        case .emptyInput: return true
        case .error: return false
        }
      }
    case .windows1252?:
      return !bytes.contains { [0x81, 0x8D, 0x8F, 0x90, 0x9D].contains($0) }
    }
  }

  /// The text of `bytes`, or nil when they do not decode in the file's encoding.
  public mutating func decode(_ bytes: UnsafeBufferPointer<UInt8>) -> String? {
    if bytes.allSatisfy({ $0 < 0x80 }) { return String(decoding: bytes, as: UTF8.self) }
    switch encoding {
    case nil:
      if let text = String(validating: bytes, as: UTF8.self) {
        encoding = .utf8
        return text
      }
      encoding = .windows1252
      return Windows1252.decode(bytes)
    case .utf8?, .utf8BOM?, .utf16LE?, .utf16BE?:
      return String(validating: bytes, as: UTF8.self)
    case .windows1252?:
      return Windows1252.decode(bytes)
    }
  }
}

/// Windows-1252 to Unicode.
public enum Windows1252 {
  private static let high: [Unicode.Scalar?] = [
    "€", nil, "‚", "ƒ", "„", "…", "†", "‡", "ˆ", "‰", "Š", "‹", "Œ", nil, "Ž", nil,
    nil, "‘", "’", "“", "”", "•", "–", "—", "˜", "™", "š", "›", "œ", nil, "ž", "Ÿ",
  ]

  /// The text of `bytes`; nil if one of the five bytes the code page leaves undefined occurs.
  public static func decode(_ bytes: some Collection<UInt8>) -> String? {
    var scalars = String.UnicodeScalarView()
    for byte in bytes {
      if byte < 0x80 || byte >= 0xA0 {
        scalars.append(Unicode.Scalar(byte))
      } else if let scalar = high[Int(byte - 0x80)] {
        scalars.append(scalar)
      } else {
        return nil
      }
    }
    return String(scalars)
  }
}
