import Testing
import TradelogCore
import TradelogSimulation
@_spi(WireReference) import TradelogWire

/// The direct command decoder against the reference path through SwiftProtobuf's messages
/// (`CommandDecoder.decodeThroughMessages`): the sequencer and an auditor must read every record
/// alike, so both must give the same command, or both `unreadable`, for any bytes.
@Suite struct CommandBinaryDecodingTests {
  /// Mutated records per seed; the seeds run in parallel.
  static let mutationsPerSeed = 40_000

  static func decodeBothWays(_ bytes: [UInt8]) -> (direct: Command, reference: Command) {
    bytes.withUnsafeBytes { (CommandDecoder.decode($0), CommandDecoder.decodeThroughMessages($0)) }
  }

  @Test func randomCommandsDecodeAsEncodedThroughBothPaths() {
    var random = RandomEvents(seed: 0xC0_11A4D)
    var mismatches: [String] = []
    for index in 0..<20_000 {
      let command = random.command()
      let bytes = CommandEncoder.encode(command)
      let (direct, reference) = Self.decodeBothWays(bytes)
      if direct != command || reference != command {
        mismatches.append("command \(index) \(GoldenVector.hex(bytes)): \(direct) / \(reference)")
      }
    }
    #expect(mismatches.isEmpty, "\(mismatches.count) differ, first: \(mismatches.prefix(3))")
  }

  /// The commands of a seeded exchange workload, as producers send them.
  @Test func workloadCommandsDecodeAsEncodedThroughBothPaths() {
    var mismatches: [String] = []
    for (index, command) in Workload(seed: 7).prefix(20_000).enumerated() {
      let bytes = CommandEncoder.encode(command)
      let (direct, reference) = Self.decodeBothWays(bytes)
      if direct != command || reference != command {
        mismatches.append("command \(index) \(GoldenVector.hex(bytes)): \(direct) / \(reference)")
      }
    }
    #expect(mismatches.isEmpty, "\(mismatches.count) differ, first: \(mismatches.prefix(3))")
  }

  @Test(arguments: [1, 2, 3, 4] as [UInt64])
  func mutatedCommandsDecodeAsThroughMessages(seed: UInt64) {
    var random = RandomEvents(seed: seed)
    var mutator = WireMutator(seed: seed &* 0x9E37_79B9)
    var mismatches: [String] = []
    var (readable, changed) = (0, 0)
    for index in 0..<Self.mutationsPerSeed {
      let original = random.command()
      let bytes = mutator.mutate(
        CommandEncoder.encode(original), other: CommandEncoder.encode(random.command()))
      let (direct, reference) = Self.decodeBothWays(bytes)
      if direct != reference {
        mismatches.append("seed \(seed) input \(index) \(GoldenVector.hex(bytes)): \(direct) / \(reference)")
      }
      if reference != .unreadable { readable += 1 }
      if reference != .unreadable && reference != original { changed += 1 }
    }
    #expect(mismatches.isEmpty, "\(mismatches.count) differ, first: \(mismatches.prefix(3))")
    // The mutations must reach both outcomes, and commands other than the one encoded, or the
    // comparison would prove little.
    #expect(readable > Self.mutationsPerSeed / 5, "\(readable) decoded")
    #expect(Self.mutationsPerSeed - readable > Self.mutationsPerSeed / 5, "\(readable) decoded")
    #expect(changed > Self.mutationsPerSeed / 20, "\(changed) decoded to another command")
  }
}
