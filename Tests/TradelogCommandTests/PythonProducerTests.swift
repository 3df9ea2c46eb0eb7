import Foundation
import KafkaClient
import RecordLog
import Testing
import TradelogCore
import TradelogTestSupport
import TradelogWire

/// tools/python/produce_commands.py, a producer in Python built on the code generated from
/// schemas/ (tools/generate-python) and PyPI's confluent-kafka: every record it appends must be a
/// command the Swift decoder reads, in the order it sent them.
@Suite struct PythonProducerTests {
  static let python = PackageRoot.url.appending(path: ".local/python/bin/python")
  static let script = PackageRoot.url.appending(path: "tools/python/produce_commands.py")

  @Test func everyRecordDecodesAsTheCommandItSentInOrder() throws {
    try #require(
      FileManager.default.isExecutableFile(atPath: Self.python.path),
      "\(Self.python.path) is missing: run tools/python-env (tools/setup and tools/test run it).")
    let topic = "python-producer-\(UUID().uuidString.prefix(8).lowercased())"
    let broker = try BrokerProcess(arguments: ["--topic", "\(topic):1"])
    let count = 250

    let result = try Subprocess.run(
      Self.python.path,
      [Self.script.path, "kafka://\(broker.bootstrapServers)/\(topic)", "--count", "\(count)", "--seed", "5"])

    #expect(result.status == 0, "\(result.standardError)")
    // What the script says it sent, in the protobuf JSON mapping.
    let sent = CommandLogFiles.lines(result.outputText).map { CommandDecoder.decode(jsonLine: $0) }
    let records = try readTopic(topic, count: count, from: broker)
    let received = records.map { CommandDecoder.decode($0.value ?? []) }

    #expect(records.map(\.offset) == (0..<Int64(count)).map { $0 })
    #expect(received.count == count)
    #expect(!received.contains(.unreadable))
    #expect(received == sent)
    #expect(received.first.map { if case .createMarket = $0 { true } else { false } } == true)
    #expect(received.contains { if case .cancelOrder = $0 { true } else { false } })
    #expect(received.contains { if case .placeOrder = $0 { true } else { false } })
  }

  @Test func theSequencerTurnsEachOfItsCommandsIntoOneBatchOnKafka() throws {
    try #require(
      FileManager.default.isExecutableFile(atPath: Self.python.path),
      "\(Self.python.path) is missing: run tools/python-env (tools/setup and tools/test run it).")
    let topics = KafkaSequencing.topicNames("python-sequenced")
    let broker = try BrokerProcess(arguments: [
      "--topic", "\(topics.commands):1", "--topic", "\(topics.events):1",
    ])
    let commands = "kafka://\(broker.bootstrapServers)/\(topics.commands)"
    let events = "kafka://\(broker.bootstrapServers)/\(topics.events)"
    let directory = try TemporaryDirectory(prefix: "python-sequenced")
    defer { directory.remove() }
    let count = 300

    let produced = try Subprocess.run(
      Self.python.path, [Self.script.path, commands, "--count", "\(count)", "--seed", "9"])
    let sequencer = try SequencerProcess(
      commands: commands, events: events, snapshots: directory.file("snapshots").path,
      errorFile: directory.file("sequencer.err"))
    let caughtUp = try KafkaSequencing.waitForRecords(
      in: LogAddress(parsing: events), count: count, timeout: .seconds(60))
    sequencer.waitUntilStarted()
    sequencer.send(SIGTERM)

    #expect(produced.status == 0, "\(produced.standardError)")
    #expect(sequencer.wait() == 0, "\(sequencer.standardError)")
    try #require(caughtUp, "the sequencer did not catch up: \(sequencer.standardError)")
    let sent = CommandLogFiles.lines(produced.outputText).map { CommandDecoder.decode(jsonLine: $0) }
    let batches = try KafkaSequencing.batches(KafkaSequencing.allRecords(of: LogAddress(parsing: events)))
    #expect(sent.count == count)
    #expect(batches.map(\.seq) == (1...UInt64(count)).map { $0 })
    #expect(batches.map(\.commandOffset) == (0..<UInt64(count)).map { $0 })
    #expect(KafkaSequencing.chainVerifies(batches))
    let malformed = Event.commandRejected(CommandRejected(reason: .malformed))
    #expect(!batches.contains { $0.events.contains(malformed) })
    // Its buy prices are all below its sell prices: every order rests, none trades.
    for (command, batch) in zip(sent, batches) {
      guard case .placeOrder = command else { continue }
      #expect(batch.events.contains { if case .orderAccepted = $0 { true } else { false } }, "\(batch.seq)")
    }
    // The events log as `tail --json` prints it is what a fresh replay of the commands log writes.
    let replay = try CommandLogFiles.runTradelog(["replay", "--commands", commands, "--events-out", "-"])
    let tail = try CommandLogFiles.runTradelog(["tail", "--json", events])
    #expect(replay.status == 0, "\(replay.standardError)")
    #expect(tail.status == 0, "\(tail.standardError)")
    #expect(CommandLogFiles.lines(tail.outputText).count == count)
    #expect(tail.outputText == replay.outputText)
  }

  /// Reads partition 0 of `topic` from the beginning to its end.
  private func readTopic(_ topic: String, count: Int, from broker: BrokerProcess) throws -> [KafkaMessage] {
    let consumer = try KafkaConsumer(
      configuration: KafkaConfiguration(["bootstrap.servers": broker.bootstrapServers]))
    try consumer.assign([KafkaPartitionPosition(topic: topic, partition: 0, offset: .beginning)])
    var messages: [KafkaMessage] = []
    // A guard against a hang, not a timing assertion.
    let deadline = ContinuousClock.now + .seconds(30)
    var reachedEnd = false
    while !reachedEnd {
      try #require(
        ContinuousClock.now < deadline, "read \(messages.count) of \(count) records, no end reached")
      let batch = consumer.poll(maximumCount: 1_000, timeout: .milliseconds(200))
      let fatal = batch.errors.filter { !$0.isRetriable }
      #expect(fatal.isEmpty, "\(fatal)")
      messages += batch.messages
      reachedEnd = !batch.partitionEnds.isEmpty && messages.count >= count
    }
    return messages
  }
}
