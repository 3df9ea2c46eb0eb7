import Testing
import TradelogCore
import TradelogSimulation
@_spi(WireReference) import TradelogWire

/// The direct event batch decoder against the reference path through SwiftProtobuf's messages
/// (`EventBatchRecord(throughMessages:)`): the same records, and a failure for the same bytes —
/// the same error when the bytes are a message but an event is wrong, an `undecodable` error
/// (with its own, more precise, reason) when they are not a message.
@Suite struct EventBatchRecordBinaryDecodingTests {
  /// Mutated records per seed; the seeds run in parallel.
  static let mutationsPerSeed = 15_000

  /// What decoding gave, with the reasons of `undecodable` left out (they are worded differently).
  enum Outcome: Equatable {
    case record(EventBatchRecord)
    case undecodable
    case wrongEvent(WireDecodingError)

    init(_ decode: () throws(WireDecodingError) -> EventBatchRecord) {
      do {
        self = .record(try decode())
      } catch {
        if case .undecodable = error { self = .undecodable } else { self = .wrongEvent(error) }
      }
    }
  }

  static func decodeBothWays(_ bytes: [UInt8]) -> (direct: Outcome, reference: Outcome) {
    bytes.withUnsafeBytes { buffer in
      (
        Outcome { () throws(WireDecodingError) in try EventBatchRecord(serializedBytes: buffer) },
        Outcome { () throws(WireDecodingError) in try EventBatchRecord(throughMessages: buffer) }
      )
    }
  }

  /// Random batches, some with an enumeration value `unrecognized` that no event may carry: those
  /// must fail alike, naming the same field, and the others decode as they were.
  @Test func randomBatchesDecodeAsEncodedThroughBothPaths() {
    var random = RandomEvents(seed: 0xBA7C4)
    var mismatches: [String] = []
    var decoded = 0
    for index in 0..<3_000 {
      let batch = random.batch()
      let bytes = batch.serializedBytes()
      let (direct, reference) = Self.decodeBothWays(bytes)
      let isExpected: Bool
      switch reference {
      case .record(let record): isExpected = record == batch
      case .wrongEvent(.unknownEnumerationNumber(_, let number)): isExpected = number == 255
      case .undecodable, .wrongEvent: isExpected = false
      }
      if direct != reference || !isExpected {
        mismatches.append("batch \(index) \(GoldenVector.hex(bytes)): \(direct) / \(reference)")
      }
      if case .record = direct { decoded += 1 }
    }
    #expect(mismatches.isEmpty, "\(mismatches.count) differ, first: \(mismatches.prefix(3))")
    #expect(decoded > 1_000)
  }

  /// The batches an engine writes for a seeded exchange workload.
  @Test func workloadBatchesDecodeAsEncodedThroughBothPaths() {
    var engine = Engine()
    var buffer = EventBuffer(capacity: 1_024)
    var mismatches: [String] = []
    for (index, command) in Workload(seed: 11).prefix(10_000).enumerated() {
      engine.apply(command, timestamp: Int64(index), into: &buffer)
      let batch = EventBatchRecord(
        seq: UInt64(index + 1), commandOffset: UInt64(index), timestamp: Int64(index), events: buffer.events,
        chainHash: WireSamples.chainHash)
      let bytes = batch.serializedBytes()
      let (direct, reference) = Self.decodeBothWays(bytes)
      if direct != .record(batch) || reference != .record(batch) {
        mismatches.append("batch \(index) \(GoldenVector.hex(bytes)): \(direct) / \(reference)")
      }
    }
    #expect(mismatches.isEmpty, "\(mismatches.count) differ, first: \(mismatches.prefix(3))")
  }

  @Test(arguments: [1, 2, 3, 4] as [UInt64])
  func mutatedBatchesDecodeAsThroughMessages(seed: UInt64) {
    var random = RandomEvents(seed: seed)
    var mutator = WireMutator(seed: seed &* 0x2545_F491)
    var mismatches: [String] = []
    var outcomes = (records: 0, changed: 0, undecodable: 0, wrongEvents: 0)
    for index in 0..<Self.mutationsPerSeed {
      let original = random.batch()
      let bytes = mutator.mutate(original.serializedBytes(), other: random.batch().serializedBytes())
      let (direct, reference) = Self.decodeBothWays(bytes)
      if direct != reference {
        mismatches.append("seed \(seed) input \(index) \(GoldenVector.hex(bytes)): \(direct) / \(reference)")
      }
      switch reference {
      case .record(let record):
        outcomes.records += 1
        if record != original { outcomes.changed += 1 }
      case .undecodable: outcomes.undecodable += 1
      case .wrongEvent: outcomes.wrongEvents += 1
      }
    }
    #expect(mismatches.isEmpty, "\(mismatches.count) differ, first: \(mismatches.prefix(3))")
    // Every outcome must be reached often, or the comparison would prove little.
    let often = Self.mutationsPerSeed / 50
    #expect(outcomes.records > often && outcomes.changed > often, "\(outcomes)")
    #expect(outcomes.undecodable > often && outcomes.wrongEvents > often, "\(outcomes)")
  }
}
