/// French typography in the rendered pages: a narrow no-break space (U+202F) before « : », « ; »,
/// « ! », « ? » and « % », and a no-break space (U+00A0) inside guillemets, wherever the text has an
/// ordinary space there. Only the text is touched: tags, attributes, and the content of `<style>`
/// and `<script>` are left as they are.
///
/// Works on the page's UTF-8 bytes: every character it looks for or writes is ASCII or a fixed
/// two- or three-byte sequence, and the pages are written as bytes (a report renders some 450 of
/// them; walking them by `Character` cost 4 % of `enquete report`).
enum FrenchTypography {
  /// U+202F NARROW NO-BREAK SPACE.
  static let narrow: [UInt8] = [0xE2, 0x80, 0xAF]
  /// U+00A0 NO-BREAK SPACE.
  static let noBreak: [UInt8] = [0xC2, 0xA0]

  /// The page with French spacing in its text, as UTF-8.
  /// - Complexity: O(bytes).
  static func html(_ page: String) -> [UInt8] {
    let bytes = Array(page.utf8)
    var out: [UInt8] = []
    out.reserveCapacity(bytes.count + bytes.count / 32)
    var index = 0
    while index < bytes.count {
      let byte = bytes[index]
      if byte == UInt8(ascii: "<") {
        // A tag, copied as is; a style sheet or script with its content.
        let end = endOfMarkup(bytes, at: index)
        out.append(contentsOf: bytes[index..<end])
        index = end
        continue
      }
      if byte == UInt8(ascii: " ") {
        let next = index + 1
        if next < bytes.count {
          switch bytes[next] {
          case UInt8(ascii: ":"), UInt8(ascii: ";"), UInt8(ascii: "!"), UInt8(ascii: "?"), UInt8(ascii: "%"):
            out.append(contentsOf: narrow)
            index = next
            continue
          case 0xC2 where next + 1 < bytes.count && bytes[next + 1] == 0xBB:  // »
            out.append(contentsOf: noBreak)
            index = next
            continue
          default: break
          }
        }
        if out.count >= 2, out[out.count - 2] == 0xC2, out[out.count - 1] == 0xAB {  // «
          out.append(contentsOf: noBreak)
          index = next
          continue
        }
      }
      out.append(byte)
      index += 1
    }
    return out
  }

  /// Where the markup starting with the `<` at `start` ends: after the closing tag of a `<style>`
  /// or `<script>` element, else after the tag's `>` (the end of the page when there is none).
  private static func endOfMarkup(_ bytes: [UInt8], at start: Int) -> Int {
    for (opening, closing) in rawElements {
      guard starts(bytes, with: opening, at: start) else { continue }
      var position = start
      while position + closing.count <= bytes.count {
        if starts(bytes, with: closing, at: position) { return position + closing.count }
        position += 1
      }
      break
    }
    var position = start
    while position < bytes.count {
      if bytes[position] == UInt8(ascii: ">") { return position + 1 }
      position += 1
    }
    return bytes.count
  }

  /// The elements whose content is not text: their opening and closing tags, as UTF-8.
  private static let rawElements: [(opening: [UInt8], closing: [UInt8])] = ["style", "script"].map {
    (Array("<\($0)".utf8), Array("</\($0)>".utf8))
  }

  private static func starts(_ bytes: [UInt8], with prefix: [UInt8], at start: Int) -> Bool {
    guard start + prefix.count <= bytes.count else { return false }
    for offset in prefix.indices where bytes[start + offset] != prefix[offset] { return false }
    return true
  }
}
