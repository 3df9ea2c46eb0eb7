/// SHA-256 (FIPS 180-4), streaming: `update` any number of times, then `finalize`.
///
/// In the core so that the engine's state hash and the sequencer's chain hashes need no dependency.
/// The block compression is portable Swift unless the caller passes another one: a module outside the
/// core supplies one built on CPU instructions, and buffering and padding stay here, written once.
public struct SHA256: Sendable {
  public static let digestByteCount = 32
  static let blockByteCount = 64

  /// Folds `blockCount` consecutive 64-byte blocks at `blocks` (any alignment) into `state`, the eight
  /// words H0...H7 of FIPS 180-4. A C function pointer, so that a C implementation plugs in without
  /// this core depending on it, and so that calling it costs no more than calling C.
  public typealias BlockCompression =
    @convention(c) (
      _ state: UnsafeMutablePointer<UInt32>, _ blocks: UnsafePointer<UInt8>, _ blockCount: Int
    ) -> Void

  /// nil: the portable compression below.
  private let blockCompression: BlockCompression?

  private var state: (UInt32, UInt32, UInt32, UInt32, UInt32, UInt32, UInt32, UInt32) = (
    0x6a09_e667, 0xbb67_ae85, 0x3c6e_f372, 0xa54f_f53a, 0x510e_527f, 0x9b05_688c, 0x1f83_d9ab, 0x5be0_cd19
  )
  /// Bytes of an incomplete block, waiting for more input: stored inline (8 × 8 bytes), so that a
  /// hasher allocates nothing. The sequencer hashes one small batch per command.
  private var pending: (UInt64, UInt64, UInt64, UInt64, UInt64, UInt64, UInt64, UInt64) = (
    0, 0, 0, 0, 0, 0, 0, 0
  )
  private var pendingCount = 0
  private var byteCount: UInt64 = 0

  /// A hasher compressing with `blockCompression`, or with the portable compression when nil. Every
  /// compression gives the same digests; they differ only in speed.
  public init(blockCompression: BlockCompression? = nil) {
    self.blockCompression = blockCompression
  }

  /// The digest of `bytes` in one call.
  public static func hash(
    _ bytes: some Collection<UInt8>, blockCompression: BlockCompression? = nil
  ) -> [UInt8] {
    var hasher = SHA256(blockCompression: blockCompression)
    hasher.update(bytes)
    return hasher.finalize()
  }

  public mutating func update(_ bytes: some Collection<UInt8>) {
    let handled: Void? = bytes.withContiguousStorageIfAvailable { buffer in
      update(UnsafeRawBufferPointer(buffer))
    }
    if handled == nil {
      Array(bytes).withUnsafeBytes { update($0) }
    }
  }

  public mutating func update(_ bytes: UnsafeRawBufferPointer) {
    guard let base = bytes.baseAddress, !bytes.isEmpty else { return }
    byteCount &+= UInt64(bytes.count)
    var offset = 0
    if pendingCount > 0 {
      let taken = min(Self.blockByteCount - pendingCount, bytes.count)
      appendPending(UnsafeRawBufferPointer(start: base, count: taken))
      offset = taken
      guard pendingCount == Self.blockByteCount else { return }
      compressPending()
    }
    // Whole blocks straight from the caller's bytes, all in one call: no copy.
    let wholeBlockCount = (bytes.count - offset) / Self.blockByteCount
    if wholeBlockCount > 0 {
      compress(blocks: base + offset, count: wholeBlockCount)
      offset += wholeBlockCount * Self.blockByteCount
    }
    appendPending(UnsafeRawBufferPointer(start: base + offset, count: bytes.count - offset))
  }

  /// The 32-byte digest of everything given to `update`.
  public consuming func finalize() -> [UInt8] {
    let bitCount = byteCount &* 8
    // Padding: 0x80, zeros up to 8 bytes before a block's end, then the length in bits, big-endian.
    let count = pendingCount
    withUnsafeMutableBytes(of: &pending) { block in
      block[count] = 0x80
      for index in (count + 1)..<Self.blockByteCount { block[index] = 0 }
    }
    if pendingCount + 1 > Self.blockByteCount - 8 {
      compressPending()
      pending = (0, 0, 0, 0, 0, 0, 0, 0)
    }
    pending.7 = bitCount.bigEndian
    compressPending()
    let words = state
    return [UInt8](unsafeUninitializedCapacity: Self.digestByteCount) { digest, initializedCount in
      // A tuple of one type is laid out like an array of it.
      withUnsafeBytes(of: words) { state in
        for index in 0..<8 {
          let word = state.load(fromByteOffset: index * 4, as: UInt32.self).bigEndian
          UnsafeMutableRawBufferPointer(digest).storeBytes(of: word, toByteOffset: index * 4, as: UInt32.self)
        }
      }
      initializedCount = Self.digestByteCount
    }
  }

  private mutating func appendPending(_ bytes: UnsafeRawBufferPointer) {
    guard !bytes.isEmpty else { return }
    let start = pendingCount
    withUnsafeMutableBytes(of: &pending) { block in
      UnsafeMutableRawBufferPointer(rebasing: block[start..<start + bytes.count]).copyMemory(from: bytes)
    }
    pendingCount += bytes.count
  }

  private mutating func compressPending() {
    var block = pending
    withUnsafeBytes(of: &block) { compress(blocks: $0.baseAddress!, count: 1) }
    pendingCount = 0
  }

  /// `count` consecutive 64-byte blocks at `blocks` (any alignment).
  private mutating func compress(blocks: UnsafeRawPointer, count: Int) {
    guard let blockCompression else {
      for index in 0..<count { compressPortably(block: blocks + index &* Self.blockByteCount) }
      return
    }
    // A tuple of one type is laid out like an array of it, so the state is the eight words C expects.
    // The blocks are only read as bytes, which C may do through any pointer: no rebinding needed.
    withUnsafeMutablePointer(to: &state) { tuple in
      tuple.withMemoryRebound(to: UInt32.self, capacity: 8) { words in
        blockCompression(words, blocks.assumingMemoryBound(to: UInt8.self), count)
      }
    }
  }

  /// One 64-byte block at `block` (any alignment), in portable Swift.
  private mutating func compressPortably(block: UnsafeRawPointer) {
    Self.roundConstants.withUnsafeBufferPointer { constants in
      withUnsafeTemporaryAllocation(of: UInt32.self, capacity: 64) { schedule in
        for index in 0..<16 {
          schedule[index] = UInt32(
            bigEndian: block.loadUnaligned(fromByteOffset: index &* 4, as: UInt32.self))
        }
        for index in 16..<64 {
          let early = schedule[index &- 15]
          let late = schedule[index &- 2]
          let sigma0 = early.rotatedRight(7) ^ early.rotatedRight(18) ^ (early >> 3)
          let sigma1 = late.rotatedRight(17) ^ late.rotatedRight(19) ^ (late >> 10)
          schedule[index] = schedule[index &- 16] &+ sigma0 &+ schedule[index &- 7] &+ sigma1
        }
        var (a, b, c, d, e, f, g, h) = state
        // Eight rounds per pass with the roles of the variables rotated instead of the values moved:
        // the compiler keeps all eight in registers and moves nothing between rounds.
        var index = 0
        while index < 64 {
          Self.round(a, b, c, &d, e, f, g, &h, constants[index] &+ schedule[index])
          Self.round(h, a, b, &c, d, e, f, &g, constants[index &+ 1] &+ schedule[index &+ 1])
          Self.round(g, h, a, &b, c, d, e, &f, constants[index &+ 2] &+ schedule[index &+ 2])
          Self.round(f, g, h, &a, b, c, d, &e, constants[index &+ 3] &+ schedule[index &+ 3])
          Self.round(e, f, g, &h, a, b, c, &d, constants[index &+ 4] &+ schedule[index &+ 4])
          Self.round(d, e, f, &g, h, a, b, &c, constants[index &+ 5] &+ schedule[index &+ 5])
          Self.round(c, d, e, &f, g, h, a, &b, constants[index &+ 6] &+ schedule[index &+ 6])
          Self.round(b, c, d, &e, f, g, h, &a, constants[index &+ 7] &+ schedule[index &+ 7])
          index &+= 8
        }
        state = (
          state.0 &+ a, state.1 &+ b, state.2 &+ c, state.3 &+ d, state.4 &+ e, state.5 &+ f, state.6 &+ g,
          state.7 &+ h
        )
      }
    }
  }

  /// One round of FIPS 180-4 6.2.2 step 3, written as the two updates it makes: `d += T1` and
  /// `h = T1 + T2`, the other variables only shifting names (which the caller does by rotation).
  @inline(__always)
  private static func round(
    _ a: UInt32, _ b: UInt32, _ c: UInt32, _ d: inout UInt32, _ e: UInt32, _ f: UInt32, _ g: UInt32,
    _ h: inout UInt32, _ constantAndWord: UInt32
  ) {
    let sum1 = e.rotatedRight(6) ^ e.rotatedRight(11) ^ e.rotatedRight(25)
    // Ch and Maj in their shorter equivalent forms.
    let choice = g ^ (e & (f ^ g))
    let temporary1 = h &+ sum1 &+ choice &+ constantAndWord
    let sum0 = a.rotatedRight(2) ^ a.rotatedRight(13) ^ a.rotatedRight(22)
    let majority = (a & b) | (c & (a | b))
    d = d &+ temporary1
    h = temporary1 &+ sum0 &+ majority
  }

  private static let roundConstants: [UInt32] = [
    0x428a_2f98, 0x7137_4491, 0xb5c0_fbcf, 0xe9b5_dba5, 0x3956_c25b, 0x59f1_11f1, 0x923f_82a4, 0xab1c_5ed5,
    0xd807_aa98, 0x1283_5b01, 0x2431_85be, 0x550c_7dc3, 0x72be_5d74, 0x80de_b1fe, 0x9bdc_06a7, 0xc19b_f174,
    0xe49b_69c1, 0xefbe_4786, 0x0fc1_9dc6, 0x240c_a1cc, 0x2de9_2c6f, 0x4a74_84aa, 0x5cb0_a9dc, 0x76f9_88da,
    0x983e_5152, 0xa831_c66d, 0xb003_27c8, 0xbf59_7fc7, 0xc6e0_0bf3, 0xd5a7_9147, 0x06ca_6351, 0x1429_2967,
    0x27b7_0a85, 0x2e1b_2138, 0x4d2c_6dfc, 0x5338_0d13, 0x650a_7354, 0x766a_0abb, 0x81c2_c92e, 0x9272_2c85,
    0xa2bf_e8a1, 0xa81a_664b, 0xc24b_8b70, 0xc76c_51a3, 0xd192_e819, 0xd699_0624, 0xf40e_3585, 0x106a_a070,
    0x19a4_c116, 0x1e37_6c08, 0x2748_774c, 0x34b0_bcb5, 0x391c_0cb3, 0x4ed8_aa4a, 0x5b9c_ca4f, 0x682e_6ff3,
    0x748f_82ee, 0x78a5_636f, 0x84c8_7814, 0x8cc7_0208, 0x90be_fffa, 0xa450_6ceb, 0xbef9_a3f7, 0xc671_78f2,
  ]
}

extension UInt32 {
  @inline(__always)
  fileprivate func rotatedRight(_ count: UInt32) -> UInt32 {
    (self >> count) | (self << (32 - count))
  }
}
