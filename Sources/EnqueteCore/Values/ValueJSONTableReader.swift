/// Reads back a table ``ValueJSON/table(_:)`` wrote (`{"columns":[…],"rows":[[…],…]}`, any
/// whitespace allowed): the values of chosen columns, row by row. What the ledger's reader of
/// waiting times uses: SQLite 3.40 parses a row's JSON again for each value taken from it, which
/// made reading a campaign's 1.75 million measures take seconds.
public struct ValueJSONTableReader {
  private let bytes: UnsafeBufferPointer<UInt8>
  private var position = 0

  private init(bytes: UnsafeBufferPointer<UInt8>) { self.bytes = bytes }

  /// Calls `body` once per row with the `wanted` columns' values as text, in `wanted`'s order: a
  /// string's content, a number or `true`/`false` as written, nil for `null` or a column the
  /// table does not have.
  ///
  /// - Returns: false when `text` is not such a table (`body` may have seen its first rows).
  /// - Complexity: O(length of `text`).
  public static func forEachRow(
    in text: String, columns wanted: [String], _ body: ([String?]) -> Void
  ) -> Bool {
    var text = text
    return text.withUTF8 { bytes in
      var reader = Self(bytes: bytes)
      return reader.read(wanted: wanted, body)
    }
  }

  private mutating func read(wanted: [String], _ body: ([String?]) -> Void) -> Bool {
    guard take("{"), string() == "columns", take(":"), take("[") else { return false }
    var names: [String] = []
    if !take("]") {
      repeat {
        guard let name = string() else { return false }
        names.append(name)
      } while take(",")
      guard take("]") else { return false }
    }
    guard take(","), string() == "rows", take(":"), take("[") else { return false }
    // For each column of the table, the place of its value in `body`'s array, if wanted.
    var place = [Int?](repeating: nil, count: names.count)
    for (index, name) in wanted.enumerated() {
      if let column = names.firstIndex(of: name) { place[column] = index }
    }
    var values = [String?](repeating: nil, count: wanted.count)
    if take("]") { return take("}") && atEnd }
    repeat {
      guard take("[") else { return false }
      for index in values.indices { values[index] = nil }
      var column = 0
      if !take("]") {
        repeat {
          guard column < names.count else { return false }
          if let index = place[column] {
            guard let value = scalar() else { return false }
            values[index] = value
          } else {
            guard scalar() != nil else { return false }
          }
          column += 1
        } while take(",")
        guard take("]") else { return false }
      }
      body(values)
    } while take(",")
    return take("]") && take("}") && atEnd
  }

  private var atEnd: Bool {
    mutating get {
      skipWhitespace()
      return position == bytes.count
    }
  }

  private mutating func skipWhitespace() {
    while position < bytes.count, [0x20, 0x09, 0x0A, 0x0D].contains(bytes[position]) { position += 1 }
  }

  /// Takes `character` if it comes next (after whitespace).
  private mutating func take(_ character: Unicode.Scalar) -> Bool {
    skipWhitespace()
    guard position < bytes.count, bytes[position] == UInt8(ascii: character) else { return false }
    position += 1
    return true
  }

  /// A string, a number, `true`, `false` (as text) or `null` (`.some(nil)`); nil when malformed.
  private mutating func scalar() -> String?? {
    skipWhitespace()
    guard position < bytes.count else { return nil }
    if bytes[position] == UInt8(ascii: "\"") { return string().map { .some($0) } }
    let start = position
    while position < bytes.count,
      ![UInt8(ascii: ","), UInt8(ascii: "]"), 0x20, 0x09, 0x0A, 0x0D].contains(bytes[position])
    {
      position += 1
    }
    guard position > start else { return nil }
    let text = String(decoding: UnsafeBufferPointer(rebasing: bytes[start..<position]), as: UTF8.self)
    return text == "null" ? .some(nil) : .some(text)
  }

  /// A JSON string's content, its escapes decoded; nil when malformed.
  private mutating func string() -> String? {
    guard take("\"") else { return nil }
    let start = position
    var escaped = false
    while position < bytes.count, bytes[position] != UInt8(ascii: "\"") {
      if bytes[position] == UInt8(ascii: "\\") {
        escaped = true
        position += 1
      }
      position += 1
    }
    guard position < bytes.count else { return nil }
    let content = UnsafeBufferPointer(rebasing: bytes[start..<position])
    position += 1
    return escaped ? Self.unescaped(content) : String(decoding: content, as: UTF8.self)
  }

  /// The text of a string's content holding escapes (`\"`, `\\`, `\/`, `\b`, `\f`, `\n`, `\r`,
  /// `\t`, `\uXXXX` with surrogate pairs); nil when one is malformed.
  private static func unescaped(_ content: UnsafeBufferPointer<UInt8>) -> String? {
    var out: [UInt8] = []
    var index = 0
    func hex4(_ at: Int) -> UInt32? {
      guard at + 4 <= content.count else { return nil }
      return UInt32(
        String(decoding: UnsafeBufferPointer(rebasing: content[at..<at + 4]), as: UTF8.self), radix: 16)
    }
    while index < content.count {
      let byte = content[index]
      guard byte == UInt8(ascii: "\\") else {
        out.append(byte)
        index += 1
        continue
      }
      guard index + 1 < content.count else { return nil }
      let escape = content[index + 1]
      index += 2
      switch escape {
      case UInt8(ascii: "\""), UInt8(ascii: "\\"), UInt8(ascii: "/"): out.append(escape)
      case UInt8(ascii: "b"): out.append(0x08)
      case UInt8(ascii: "f"): out.append(0x0C)
      case UInt8(ascii: "n"): out.append(0x0A)
      case UInt8(ascii: "r"): out.append(0x0D)
      case UInt8(ascii: "t"): out.append(0x09)
      case UInt8(ascii: "u"):
        guard var code = hex4(index) else { return nil }
        index += 4
        if (0xD800..<0xDC00).contains(code), index + 6 <= content.count, content[index] == UInt8(ascii: "\\"),
          content[index + 1] == UInt8(ascii: "u"), let low = hex4(index + 2), (0xDC00..<0xE000).contains(low)
        {
          code = 0x10000 + ((code - 0xD800) << 10) + (low - 0xDC00)
          index += 6
        }
        guard let scalar = Unicode.Scalar(code) else { return nil }
        out += Array(String(Character(scalar)).utf8)
      default: return nil
      }
    }
    return String(decoding: out, as: UTF8.self)
  }
}
