/// French typography in the rendered pages: a narrow no-break space (U+202F) before « : », « ; »,
/// « ! », « ? » and « % », and a no-break space (U+00A0) inside guillemets, wherever the text has an
/// ordinary space there. Only the text is touched: tags, attributes, and the content of `<style>`
/// and `<script>` are left as they are.
enum FrenchTypography {
  static let narrow: Character = "\u{202F}"
  static let noBreak: Character = "\u{00A0}"

  /// The page with French spacing in its text.
  /// - Complexity: O(characters).
  static func html(_ page: String) -> String {
    var out = ""
    out.reserveCapacity(page.utf8.count)
    var index = page.startIndex
    while index < page.endIndex {
      let character = page[index]
      if character == "<" {
        // A tag, copied as is; a style sheet or script with its content.
        let rest = page[index...]
        let raw = ["<style", "<script"].first { rest.hasPrefix($0) }
        let end: String.Index
        if let raw, let close = rest.range(of: "</" + raw.dropFirst() + ">") {
          end = close.upperBound
        } else {
          end = rest.firstIndex(of: ">").map { page.index(after: $0) } ?? page.endIndex
        }
        out += page[index..<end]
        index = end
        continue
      }
      if character == " " {
        let next = page.index(after: index)
        if next < page.endIndex {
          switch page[next] {
          case ":", ";", "!", "?", "%":
            out.append(narrow)
            index = next
            continue
          case "»":
            out.append(noBreak)
            index = next
            continue
          default: break
          }
        }
        if out.last == "«" {
          out.append(noBreak)
          index = next
          continue
        }
      }
      out.append(character)
      index = page.index(after: index)
    }
    return out
  }
}
