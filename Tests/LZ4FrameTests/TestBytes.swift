import Foundation

/// Deterministic inputs for the LZ4 tests: every run compresses the same bytes.
enum TestBytes {
  /// Text-like bytes that compress about 2:1, like a serialized engine state: words from a small
  /// vocabulary mixed with pseudo-random binary numbers. Built from one 1 MiB piece repeated, each
  /// copy stamped with its index: LZ4 looks back only 64 KiB, so the repeats do not help it, and
  /// building 64 MiB stays fast in a debug build.
  static func semiCompressible(count: Int, seed: UInt64 = 1) -> [UInt8] {
    let pieceSize = min(count, 1 << 20)
    let piece = textLike(count: pieceSize, seed: seed)
    var bytes: [UInt8] = []
    bytes.reserveCapacity(count)
    var copyIndex: UInt64 = 0
    while bytes.count < count {
      let start = bytes.count
      bytes.append(contentsOf: piece.prefix(count - bytes.count))
      withUnsafeBytes(of: copyIndex.littleEndian) { stamp in
        for (offset, byte) in stamp.enumerated() where start + offset < bytes.count {
          bytes[start + offset] = byte
        }
      }
      copyIndex += 1
    }
    return bytes
  }

  /// Bytes LZ4 cannot compress: it stores such blocks as they are.
  static func random(count: Int, seed: UInt64) -> [UInt8] {
    var generator = SeededGenerator(seed: seed)
    var bytes = [UInt8](repeating: 0, count: count)
    for index in bytes.indices { bytes[index] = UInt8(truncatingIfNeeded: generator.next() >> 32) }
    return bytes
  }

  /// Compares with memcmp: `==` on 64 MiB arrays is slow in a debug build.
  static func same(_ left: [UInt8], _ right: [UInt8]) -> Bool {
    guard left.count == right.count else { return false }
    return left.withUnsafeBytes { leftBytes in
      right.withUnsafeBytes { rightBytes in
        leftBytes.count == 0 || memcmp(leftBytes.baseAddress!, rightBytes.baseAddress!, leftBytes.count) == 0
      }
    }
  }

  private static func textLike(count: Int, seed: UInt64) -> [UInt8] {
    let words = [
      "order", "price", "quantity", "market", "BTC-USD", "ask", "bid", "filled", "cancel", "account",
      "trade", "sequence", "ledger", "balance",
    ].map { Array($0.utf8) }
    var generator = SeededGenerator(seed: seed)
    var bytes: [UInt8] = []
    bytes.reserveCapacity(count + 16)
    while bytes.count < count {
      let value = generator.next()
      if value % 4 == 0 {
        withUnsafeBytes(of: value) { bytes.append(contentsOf: $0.prefix(4)) }
      } else {
        bytes.append(contentsOf: words[Int((value >> 8) % UInt64(words.count))])
      }
      bytes.append(0x20)
    }
    return Array(bytes.prefix(count))
  }
}

/// SplitMix64: a tiny seeded generator, so a failing input can be reproduced from its seed.
struct SeededGenerator: RandomNumberGenerator {
  private var state: UInt64

  init(seed: UInt64) { state = seed }

  mutating func next() -> UInt64 {
    state &+= 0x9E37_79B9_7F4A_7C15
    var mixed = state
    mixed = (mixed ^ (mixed >> 30)) &* 0xBF58_476D_1CE4_E5B9
    mixed = (mixed ^ (mixed >> 27)) &* 0x94D0_49BB_1331_11EB
    return mixed ^ (mixed >> 31)
  }
}
