import AcceleratedSHA256
import Testing
import TradelogCore
import TradelogTestSupport

/// What the hot paths call: the fastest compression this CPU has, with the standard's digests.
@Suite struct SHA256AcceleratedTests {
  @Test(arguments: FIPS180Examples.messages.indices)
  func fips180Example(_ index: Int) {
    let (message, digest) = FIPS180Examples.messages[index]
    #expect(FIPS180Examples.hexadecimal(SHA256.acceleratedHash(Array(message.utf8))) == digest)
    var hasher = SHA256.accelerated()
    for byte in message.utf8 { hasher.update(CollectionOfOne(byte)) }
    #expect(FIPS180Examples.hexadecimal(hasher.finalize()) == digest, "one byte per update")
  }

  @Test func chainStepHasTheStandardDigest() {
    // A typical chain step: the previous 32-byte hash, then a batch of about 116 bytes. The digest
    // is `sha256sum`'s of the same bytes, so the check holds on a CPU without SHA instructions too
    // (where the accelerated hasher is the portable one).
    let previous = SHA256.hash(Array("previous batch".utf8))
    let batch = (0..<116).map { UInt8(truncatingIfNeeded: $0 &* 37 &+ 11) }
    var hasher = SHA256.accelerated()
    hasher.update(previous)
    hasher.update(batch)
    #expect(
      FIPS180Examples.hexadecimal(hasher.finalize())
        == "36db8609fb9bddd99bfd3b314893b29cef38a280c8f441efd09fd15c8ef7a56f")
  }
}
