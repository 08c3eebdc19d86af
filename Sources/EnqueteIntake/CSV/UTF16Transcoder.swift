/// Turns a UTF-16 byte stream into UTF-8, chunk by chunk (a code unit or a surrogate pair may be
/// split between chunks), so that the tokenizer only ever sees ASCII-compatible bytes.
public struct UTF16Transcoder: Sendable {
  /// Byte order of the input.
  public let littleEndian: Bool
  private var pendingByte: UInt8?
  private var pendingHighSurrogate: UInt16?

  /// A transcoder for one stream (the byte-order mark already skipped).
  public init(littleEndian: Bool) { self.littleEndian = littleEndian }

  /// The UTF-8 bytes of `chunk`; an unpaired surrogate becomes U+FFFD, which validation reports.
  public mutating func transcode(_ chunk: UnsafeBufferPointer<UInt8>) -> [UInt8] {
    var out: [UInt8] = []
    out.reserveCapacity(chunk.count)
    var index = 0
    func unit(_ first: UInt8, _ second: UInt8) -> UInt16 {
      littleEndian ? UInt16(first) | UInt16(second) << 8 : UInt16(first) << 8 | UInt16(second)
    }
    var units: [UInt16] = []
    if let byte = pendingByte, chunk.count > 0 {
      units.append(unit(byte, chunk[0]))
      pendingByte = nil
      index = 1
    }
    while index + 1 < chunk.count {
      units.append(unit(chunk[index], chunk[index + 1]))
      index += 2
    }
    if index < chunk.count { pendingByte = chunk[index] }
    for codeUnit in units {
      if let high = pendingHighSurrogate {
        pendingHighSurrogate = nil
        if UTF16.isTrailSurrogate(codeUnit) {
          let value = 0x10000 + (UInt32(high - 0xD800) << 10) + UInt32(codeUnit - 0xDC00)
          append(Unicode.Scalar(value)!, to: &out)
          continue
        }
        append("\u{FFFD}", to: &out)
      }
      if UTF16.isLeadSurrogate(codeUnit) {
        pendingHighSurrogate = codeUnit
      } else if let scalar = Unicode.Scalar(codeUnit) {
        append(scalar, to: &out)
      } else {
        append("\u{FFFD}", to: &out)
      }
    }
    return out
  }

  /// Whatever is left at the end of the stream (an odd byte or a lone surrogate) as U+FFFD.
  public mutating func finish() -> [UInt8] {
    var out: [UInt8] = []
    if pendingByte != nil || pendingHighSurrogate != nil { append("\u{FFFD}", to: &out) }
    pendingByte = nil
    pendingHighSurrogate = nil
    return out
  }

  private func append(_ scalar: Unicode.Scalar, to out: inout [UInt8]) {
    out.append(contentsOf: UTF8.encode(scalar)!)
  }
}
