import SwiftProtobuf
import Testing
import TradelogCore
@_spi(WireReference) import TradelogWire

/// The golden vectors in schemas/golden are what producers and consumers in other languages test
/// against: any change of the binary or JSON encoding fails here. After an intended change of the
/// schema, rewrite them with tools/generate-golden-vectors and commit them with the change.
@Suite struct GoldenVectorTests {
  static let commandsFile = "commands.jsonl"
  static let eventsFile = "events.jsonl"
  static let batchesFile = "batches.jsonl"

  static var commandVectors: [GoldenVector] {
    WireSamples.commands.map { sample in
      GoldenVector(
        name: sample.name, bytes: CommandEncoder.encode(sample.value),
        json: CommandEncoder.encodeJSON(sample.value))
    }
  }

  /// An event alone is a `tradelog.v1.Event` message: taken out of a one-event batch with the
  /// generated protobuf code, so that only the public encoder of batches is exercised.
  static func eventVectors() throws -> [GoldenVector] {
    try WireSamples.events.map { sample in
      let batch = EventBatchRecord(seq: 1, commandOffset: 0, timestamp: 1, events: [sample.value])
      let message = try Tradelog_V1_EventBatch(serializedBytes: batch.serializedBytes())
      let event = try #require(message.events.first)
      return GoldenVector(name: sample.name, bytes: try event.serializedBytes(), json: try event.jsonString())
    }
  }

  static var batchVectors: [GoldenVector] {
    WireSamples.batches.map { sample in
      GoldenVector(
        name: sample.name, bytes: sample.value.serializedBytes(),
        bytesForChainHash: sample.value.bytesForChainHash(), json: sample.value.jsonLine())
    }
  }

  /// Writes the file when regenerating; otherwise expects it to hold exactly these lines.
  static func check(_ expected: [GoldenVector], file: String) throws {
    if GoldenVectorFile.isWriting {
      try GoldenVectorFile.write(expected, to: file)
    }
    let written = try GoldenVectorFile.read(file)
    #expect(written.map(\.name) == expected.map(\.name), "\(file) lists other vectors than the samples")
    for (actual, wanted) in zip(written, expected) {
      #expect(actual == wanted, "\(file): the encoding of \(wanted.name) changed")
    }
  }

  @Test func commandVectorsMatchTheEncoder() throws {
    try Self.check(Self.commandVectors, file: Self.commandsFile)
  }

  @Test func eventVectorsMatchTheEncoder() throws {
    try Self.check(try Self.eventVectors(), file: Self.eventsFile)
  }

  @Test func batchVectorsMatchTheEncoder() throws {
    try Self.check(Self.batchVectors, file: Self.batchesFile)
  }

  @Test(
    .disabled(if: GoldenVectorFile.isWriting, "the files are being rewritten"),
    arguments: WireSamples.commands)
  func commandVectorDecodes(_ sample: Sample<Command>) throws {
    let vector = try #require(try GoldenVectorFile.read(Self.commandsFile).first { $0.name == sample.name })
    #expect(CommandDecoder.decode(vector.bytes) == sample.value)
    #expect(vector.bytes.withUnsafeBytes { CommandDecoder.decodeThroughMessages($0) } == sample.value)
    #expect(CommandDecoder.decode(jsonLine: vector.json) == sample.value)
  }

  @Test(
    .disabled(if: GoldenVectorFile.isWriting, "the files are being rewritten"), arguments: WireSamples.events)
  func eventVectorDecodes(_ sample: Sample<Event>) throws {
    let vector = try #require(try GoldenVectorFile.read(Self.eventsFile).first { $0.name == sample.name })
    for event in [
      try Tradelog_V1_Event(serializedBytes: vector.bytes), try Tradelog_V1_Event(jsonString: vector.json),
    ] {
      var batch = Tradelog_V1_EventBatch()
      batch.events = [event]
      let record = try EventBatchRecord(serializedBytes: try batch.serializedBytes() as [UInt8])
      #expect(record.events == [sample.value])
    }
  }

  @Test(
    .disabled(if: GoldenVectorFile.isWriting, "the files are being rewritten"), arguments: WireSamples.batches
  )
  func batchVectorDecodes(_ sample: Sample<EventBatchRecord>) throws {
    let vector = try #require(try GoldenVectorFile.read(Self.batchesFile).first { $0.name == sample.name })
    #expect(try EventBatchRecord(serializedBytes: vector.bytes) == sample.value)
    #expect(try vector.bytes.withUnsafeBytes { try EventBatchRecord(throughMessages: $0) } == sample.value)
    #expect(try EventBatchRecord(jsonLine: vector.json) == sample.value)
    let bytesForChainHash = GoldenVector.bytes(hex: try #require(vector.hexForChainHash))
    var unhashed = sample.value
    unhashed.chainHash = []
    #expect(try EventBatchRecord(serializedBytes: bytesForChainHash) == unhashed)
  }
}
