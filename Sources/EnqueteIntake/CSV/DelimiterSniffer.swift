/// Guesses the field delimiter from the header line: the most frequent of `;`, `,` and tab outside
/// quotes (ties go to `;`, then tab: French files use `;` when a comma is the decimal mark).
public enum DelimiterSniffer {
  /// Delimiters considered, in tie-breaking order.
  public static let candidates: [UInt8] = [UInt8(ascii: ";"), UInt8(ascii: "\t"), UInt8(ascii: ",")]

  /// The delimiter of the first line of `bytes` (`;` when nothing tells).
  public static func sniff(_ bytes: some Collection<UInt8>) -> UInt8 {
    var counts: [UInt8: Int] = [:]
    var quoted = false
    for byte in bytes {
      if byte == UInt8(ascii: "\"") { quoted.toggle() }
      if quoted { continue }
      if byte == UInt8(ascii: "\n") || byte == UInt8(ascii: "\r") { break }
      if candidates.contains(byte) { counts[byte, default: 0] += 1 }
    }
    var best = UInt8(ascii: ";")
    var bestCount = 0
    for candidate in candidates where (counts[candidate] ?? 0) > bestCount {
      best = candidate
      bestCount = counts[candidate]!
    }
    return best
  }

  /// The French name of a delimiter, for what-was-detected notes.
  public static func frenchName(_ delimiter: UInt8) -> String {
    switch delimiter {
    case UInt8(ascii: ";"): "point-virgule"
    case UInt8(ascii: ","): "virgule"
    case UInt8(ascii: "\t"): "tabulation"
    default: "« \(Character(Unicode.Scalar(delimiter))) »"
    }
  }
}
