import Testing
import TradelogCore

/// SHA-256 against the FIPS 180-4 / NIST example vectors, whole and streamed.
@Suite struct SHA256Tests {
  static func hex(_ bytes: [UInt8]) -> String {
    bytes.map { String($0, radix: 16).count == 1 ? "0" + String($0, radix: 16) : String($0, radix: 16) }
      .joined()
  }

  static let vectors: [(message: String, digest: String)] = [
    ("", "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855"),
    ("abc", "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad"),
    (
      "abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq",
      "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1"
    ),
    (
      "abcdefghbcdefghicdefghijdefghijkefghijklfghijklmghijklmnhijklmnoijklmnopjklmnopqklmnopqrlmnopqrsmnopqrstnopqrstu",
      "cf5b16a778af8380036ce59e7b0492370b249b11e8f07a51afac45037afee9d1"
    ),
  ]

  @Test(arguments: vectors.indices)
  func nistVector(_ index: Int) {
    let (message, digest) = Self.vectors[index]
    #expect(Self.hex(SHA256.hash(Array(message.utf8))) == digest)
  }

  @Test func oneMillionLetterA() {
    var hasher = SHA256()
    let chunk = [UInt8](repeating: UInt8(ascii: "a"), count: 1000)
    for _ in 0..<1000 { hasher.update(chunk) }
    #expect(Self.hex(hasher.finalize()) == "cdc76e5c9914fb9281a1c7e284d73e67f1809a48a497200e046d39ccc7112cd0")
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
