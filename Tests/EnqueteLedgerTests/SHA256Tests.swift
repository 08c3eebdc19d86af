import Foundation
import Testing

@testable import EnqueteCore

@Suite struct SHA256Tests {
  @Test func fipsVectors() {
    #expect(SHA256.hex([UInt8]()) == "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855")
    #expect(
      SHA256.hex(Array("abc".utf8)) == "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad")
    #expect(
      SHA256.hex(Array("abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq".utf8))
        == "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1")
    #expect(
      SHA256.hex([UInt8](repeating: UInt8(ascii: "a"), count: 1_000_000))
        == "cdc76e5c9914fb9281a1c7e284d73e67f1809a48a497200e046d39ccc7112cd0")
  }

  @Test func streamingInPiecesGivesTheSameDigest() {
    let bytes = (0..<10_000).map { UInt8(truncatingIfNeeded: $0 &* 31 &+ 7) }
    for piece in [1, 63, 64, 65, 1000] {
      var hash = SHA256()
      var start = 0
      while start < bytes.count {
        hash.update(Array(bytes[start..<min(start + piece, bytes.count)]))
        start += piece
      }
      #expect(hash.finalizeHex() == SHA256.hex(bytes), "pieces of \(piece)")
    }
  }

  /// The processor's SHA extensions (where this machine has them) and the portable Swift give
  /// the same digests at every length around the block boundaries, in one piece or streamed.
  @Test func processorExtensionsAndPortableSwiftAgree() {
    let bytes = (0..<5000).map { UInt8(truncatingIfNeeded: ($0 &* 2_654_435_761) >> 7) }
    func digest(_ length: Int, portable: Bool, piece: Int) -> String {
      var hash = SHA256(portable: portable)
      var start = 0
      while start < length {
        hash.update(Array(bytes[start..<min(start + piece, length)]))
        start += piece
      }
      return hash.finalizeHex()
    }
    for length in Array(0...200) + [1000, 4095, 4096, 4097, 5000] {
      for piece in [1, 64, 100, 5000] {
        #expect(
          digest(length, portable: false, piece: piece) == digest(length, portable: true, piece: piece),
          "\(length) bytes in pieces of \(piece)")
      }
    }
    var portable = SHA256(portable: true)
    portable.update(Array("abc".utf8))
    #expect(portable.finalizeHex() == "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad")
  }

  @Test func agreesWithSha256sum() throws {
    let path = LedgerFixtures.samples.appendingPathComponent("annuaires/mediation-familiale-2025.csv").path
    let process = Process()
    process.executableURL = URL(fileURLWithPath: "/usr/bin/sha256sum")
    process.arguments = [path]
    let pipe = Pipe()
    process.standardOutput = pipe
    try process.run()
    let output = String(decoding: pipe.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
    process.waitUntilExit()
    let bytes = [UInt8](FileManager.default.contents(atPath: path)!)
    #expect(String(output.prefix(64)) == SHA256.hex(bytes))
  }
}
