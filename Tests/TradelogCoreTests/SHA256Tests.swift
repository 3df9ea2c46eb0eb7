import Testing
import TradelogCore
import TradelogTestSupport

/// SHA-256 against the FIPS 180-4 / NIST example vectors, whole and streamed.
@Suite struct SHA256Tests {
  static func hex(_ bytes: [UInt8]) -> String { FIPS180Examples.hexadecimal(bytes) }

  @Test(arguments: FIPS180Examples.messages.indices)
  func nistVector(_ index: Int) {
    let (message, digest) = FIPS180Examples.messages[index]
    #expect(Self.hex(SHA256.hash(Array(message.utf8))) == digest)
  }

  @Test func oneMillionLetterA() {
    var hasher = SHA256()
    let chunk = [UInt8](repeating: UInt8(ascii: "a"), count: 1000)
    for _ in 0..<1000 { hasher.update(chunk) }
    #expect(Self.hex(hasher.finalize()) == FIPS180Examples.millionLetterADigest)
  }

  @Test func streamingInAnyChunkSizesEqualsOneCall() {
    let message = (0..<1000).map { UInt8(truncatingIfNeeded: $0 &* 31 &+ 7) }
    let whole = SHA256.hash(message)
    for chunkSize in [1, 3, 55, 56, 63, 64, 65, 127, 200] {
      var hasher = SHA256()
      var offset = 0
      while offset < message.count {
        let end = min(offset + chunkSize, message.count)
        hasher.update(message[offset..<end])
        offset = end
      }
      #expect(hasher.finalize() == whole, "chunks of \(chunkSize)")
    }
  }

  @Test func paddingBoundaries() {
    // Lengths around the 55/56-byte boundary where the length field spills into a second block.
    let expected: [Int: String] = [
      55: "9f4390f8d30c2dd92ec9f095b65e2b9ae9b0a925a5258e241c9f1e910f734318",
      56: "b35439a4ac6f0948b6d6f9e3c6af0f5f590ce20f1bde7090ef7970686ec6738a",
      64: "ffe054fe7ae0cb6dc65c3af9b61d5209f439851db43d0ba5997337df154668eb",
    ]
    for (length, digest) in expected {
      #expect(Self.hex(SHA256.hash([UInt8](repeating: UInt8(ascii: "a"), count: length))) == digest)
    }
  }
}
