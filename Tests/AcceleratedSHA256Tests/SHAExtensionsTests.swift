import AcceleratedSHA256
import Testing
import TradelogCore
import TradelogTestSupport

/// The SHA-NI block compression itself, plugged into the core's SHA256: FIPS 180-4's examples, then
/// the same digests as the portable compression on seeded random inputs cut at random points.
@Suite struct SHAExtensionsTests {
  /// Only for tests that run when the CPU has the extensions, where the compression is never nil.
  static func hardwareHasher() -> SHA256 {
    SHA256(blockCompression: SHAExtensions.blockCompression!)
  }

  @Test(.cpuHasSHAExtensions, arguments: FIPS180Examples.messages.indices)
  func fips180Example(_ index: Int) {
    let (message, digest) = FIPS180Examples.messages[index]
    var hasher = Self.hardwareHasher()
    hasher.update(Array(message.utf8))
    #expect(FIPS180Examples.hexadecimal(hasher.finalize()) == digest)
  }

  @Test(.cpuHasSHAExtensions) func oneMillionLetterA() {
    var hasher = Self.hardwareHasher()
    // 1,000 bytes per update: each call finishes a pending block, compresses whole ones in place, and
    // keeps a remainder, at every offset modulo 64 in turn.
    let chunk = [UInt8](repeating: UInt8(ascii: "a"), count: 1_000)
    for _ in 0..<1_000 { hasher.update(chunk) }
    #expect(FIPS180Examples.hexadecimal(hasher.finalize()) == FIPS180Examples.millionLetterADigest)
  }

  @Test(.cpuHasSHAExtensions) func everyLengthUpTo300MatchesThePortablePath() {
    var random = SplitMix(seed: 0x5348_414e_49)
    for length in 0...300 {
      expectSameDigests(of: Self.bytes(count: length, &random), &random)
    }
  }

  @Test(.cpuHasSHAExtensions, arguments: [4_096, 4_097, 65_535, 100_003, 1_048_576 + 13])
  func largeInputMatchesThePortablePath(_ length: Int) {
    var random = SplitMix(seed: UInt64(length))
    expectSameDigests(of: Self.bytes(count: length, &random), &random)
  }

  @Test func detectionAgreesWithTheKernel() throws {
    #if os(Linux) && arch(x86_64)
      let cpuInfo = try Subprocess.run("/bin/cat", ["/proc/cpuinfo"]).outputText
      let flagsLine = try #require(cpuInfo.split(separator: "\n").first { $0.hasPrefix("flags") })
      let flags = Set(flagsLine.split(separator: " ").map(String.init))
      let expected = flags.isSuperset(of: ["sha_ni", "ssse3", "sse4_1"])
      #expect(SHAExtensions.areSupported == expected, "/proc/cpuinfo says \(expected)")
    #else
      #expect(!SHAExtensions.areSupported, "the SHA-NI code is compiled for x86_64 only")
    #endif
  }

  /// Compares one call and a random cut into up to five updates, on both compressions.
  private func expectSameDigests(of message: [UInt8], _ random: inout SplitMix) {
    let portable = SHA256.hash(message)
    let cuts = Self.cutPoints(in: message.count, &random)
    var hardwareStreamed = Self.hardwareHasher()
    var portableStreamed = SHA256()
    for (start, end) in zip([0] + cuts, cuts + [message.count]) {
      hardwareStreamed.update(message[start..<end])
      portableStreamed.update(message[start..<end])
    }
    let hardware = SHA256.hash(message, blockCompression: SHAExtensions.blockCompression)
    #expect(hardware == portable, "one call, \(message.count) bytes")
    #expect(hardwareStreamed.finalize() == portable, "\(message.count) bytes cut at \(cuts)")
    #expect(portableStreamed.finalize() == portable, "\(message.count) bytes cut at \(cuts), portable")
  }

  static func bytes(count: Int, _ random: inout SplitMix) -> [UInt8] {
    (0..<count).map { _ in UInt8(truncatingIfNeeded: random.next()) }
  }

  /// Up to four sorted cut points in 0...count (repeats allowed: an empty update must change nothing).
  static func cutPoints(in count: Int, _ random: inout SplitMix) -> [Int] {
    let cutCount = Int(random.next() % 5)
    return (0..<cutCount).map { _ in Int(random.next() % UInt64(count + 1)) }.sorted()
  }
}

extension Trait where Self == ConditionTrait {
  /// Skips a test of the SHA-NI compression, saying why, on a CPU that lacks it.
  static var cpuHasSHAExtensions: Self {
    .enabled(
      if: SHAExtensions.areSupported,
      "this CPU lacks the x86 SHA extensions (no sha_ni in /proc/cpuinfo): the portable path is all it runs")
  }
}
