import Foundation
import KafkaClient
import RecordLog
import Synchronization
import Testing
import TradelogCore
import TradelogSimulation
import TradelogTestSupport
import TradelogWire

/// `tradelog sequencer` on Kafka logs (librdkafka's mock cluster, as `tradelog broker` or in this
/// process): what `SequencerCommandTests` proves on the embedded log, proven again where positions
/// have gaps, claims are records and the broker can go away.
///
/// Volumes stay small: the mock cluster keeps about 5 MiB per partition and drops older records, so
/// the logs are lz4-compressed and a few ten thousand commands at most.
@Suite struct SequencerKafkaCommandTests {
  @Test func killedAtRandomInstantsWhileCommandsArriveItLosesAndRepeatsNothing() throws {
    let topics = KafkaSequencing.topicNames("sequencer-kill")
    let broker = try BrokerProcess(arguments: [
      "--topic", "\(topics.commands):1", "--topic", "\(topics.events):1",
    ])
    let commands = try KafkaSequencing.address(broker.bootstrapServers, topics.commands)
    let events = try KafkaSequencing.address(broker.bootstrapServers, topics.events)
    let directory = try TemporaryDirectory(prefix: "sequencer-kafka-kill")
    defer { directory.remove() }
    let snapshots = directory.file("snapshots").path
    let commandCount = 15_000
    let producer = CommandProducer(
      records: KafkaSequencing.workloadRecords(seed: 41, count: commandCount), to: commands, batchSize: 100,
      pause: 0.15)

    // A start on Kafka takes about a second before recovery begins (librdkafka looks up a topic its
    // producer has not used yet once per second, and the claim is the first record produced), so
    // the instants spread over the claim, recovery, and sequencing alike.
    var random = SimulationRandom(seed: 2_025)
    var errorOutputs: [String] = []
    for run in 0..<22 {
      let sequencer = try SequencerProcess(
        commands: commands.description, events: events.description, snapshots: snapshots,
        errorFile: directory.file("sequencer-\(run).err"), extraArguments: ["--snapshot-every", "2000"])
      Thread.sleep(forTimeInterval: Double(random.inRange(200...2_500)) / 1_000)
      sequencer.send(SIGKILL)
      #expect(sequencer.wait() == SIGKILL, "run \(run) exited by itself: \(sequencer.standardError)")
      errorOutputs.append(sequencer.standardError)
    }
    let last = try SequencerProcess(
      commands: commands.description, events: events.description, snapshots: snapshots,
      errorFile: directory.file("sequencer-last.err"), extraArguments: ["--snapshot-every", "2000"])
    try producer.finish()
    let caughtUp = try KafkaSequencing.waitForRecords(in: events, count: commandCount, timeout: .seconds(90))
    last.waitUntilStarted()
    last.send(SIGTERM)
    #expect(last.wait() == 0, "\(last.standardError)")
    try #require(caughtUp, "the sequencer did not catch up: \(last.standardError)")

    let commandRecords = try KafkaSequencing.allRecords(of: commands)
    let written = try KafkaSequencing.allRecords(of: events)
    #expect(commandRecords.count == commandCount)
    #expect(written.count == commandCount, "a gap or a duplicate: \(written.count) batches")
    #expect(written.map(\.value) == KafkaSequencing.expectedEvents(for: commandRecords))
    #expect(KafkaSequencing.chainVerifies(try KafkaSequencing.batches(written)))
    // Recovery ran from snapshots as well as from the events log alone.
    let recoveries = (errorOutputs + [last.standardError]).joined(separator: "\n")
    #expect(recoveries.contains("recovery: snapshot at command position"))
    #expect(recoveries.contains("recovery: replayed and checked"))
  }

  @Test func aSecondSequencerProcessFencesTheFirst() throws {
    let topics = KafkaSequencing.topicNames("sequencer-fence")
    let broker = try BrokerProcess(arguments: [
      "--topic", "\(topics.commands):1", "--topic", "\(topics.events):1",
    ])
    let commands = try KafkaSequencing.address(broker.bootstrapServers, topics.commands)
    let events = try KafkaSequencing.address(broker.bootstrapServers, topics.events)
    let directory = try TemporaryDirectory(prefix: "sequencer-kafka-fence")
    defer { directory.remove() }
    let records = KafkaSequencing.workloadRecords(seed: 42, count: 2_000)
    try SecondSequencerFencing.run(
      commands: commands, events: events, producer: try openLog(commands), records: records,
      directory: directory, snapshots: (directory.file("first").path, directory.file("second").path)
    ) { count in try KafkaSequencing.waitForRecords(in: events, count: count, timeout: .seconds(60)) }
    let written = try KafkaSequencing.allRecords(of: events)
    #expect(
      written.map(\.value)
        == KafkaSequencing.expectedEvents(for: try KafkaSequencing.allRecords(of: commands)))
  }

  @Test func aBrokerDownAndUpAgainMidRunIsWaitedOutAndNothingIsLost() throws {
    let cluster = try KafkaMockCluster()
    let topics = KafkaSequencing.topicNames("sequencer-outage")
    try cluster.createTopic(topics.commands, partitions: 1)
    try cluster.createTopic(topics.events, partitions: 1)
    let commands = try KafkaSequencing.address(cluster.bootstrapServers, topics.commands)
    let events = try KafkaSequencing.address(cluster.bootstrapServers, topics.events)
    let directory = try TemporaryDirectory(prefix: "sequencer-kafka-outage")
    defer { directory.remove() }
    let commandCount = 4_000
    let producer = CommandProducer(
      records: KafkaSequencing.workloadRecords(seed: 43, count: commandCount), to: commands, batchSize: 100,
      pause: 0.05)
    let sequencer = try SequencerProcess(
      commands: commands.description, events: events.description, snapshots: directory.file("snapshots").path,
      errorFile: directory.file("sequencer.err"))
    #expect(try KafkaSequencing.waitForRecords(in: events, count: 500, timeout: .seconds(60)))

    // Every broker of the cluster (there is one): the partitions' leader, and the transaction
    // coordinator. Both the producer and the sequencer are mid-run.
    try cluster.setBrokerDown(-1)
    Thread.sleep(forTimeInterval: 3)
    #expect(
      sequencer.process.isRunning, "the sequencer gave up during the outage: \(sequencer.standardError)")
    try cluster.setBrokerUp(-1)

    try producer.finish()
    let caughtUp = try KafkaSequencing.waitForRecords(in: events, count: commandCount, timeout: .seconds(60))
    sequencer.waitUntilStarted()
    sequencer.send(SIGTERM)
    #expect(sequencer.wait() == 0, "\(sequencer.standardError)")
    try #require(caughtUp, "the sequencer did not catch up: \(sequencer.standardError)")
    let commandRecords = try KafkaSequencing.allRecords(of: commands)
    let written = try KafkaSequencing.allRecords(of: events)
    #expect(commandRecords.count == commandCount)
    #expect(written.count == commandCount, "a gap or a duplicate: \(written.count) batches")
    #expect(written.map(\.value) == KafkaSequencing.expectedEvents(for: commandRecords))
  }

  @Test func aGarbageRecordIsRejectedAsMalformedAndProcessingContinues() throws {
    let cluster = try KafkaMockCluster()
    let topics = KafkaSequencing.topicNames("sequencer-garbage")
    try cluster.createTopic(topics.commands, partitions: 1)
    try cluster.createTopic(topics.events, partitions: 1)
    let commands = try KafkaSequencing.address(cluster.bootstrapServers, topics.commands)
    let events = try KafkaSequencing.address(cluster.bootstrapServers, topics.events)
    let directory = try TemporaryDirectory(prefix: "sequencer-kafka-garbage")
    defer { directory.remove() }
    let workload = KafkaSequencing.workloadRecords(seed: 44, count: 200)
    let json = RecordHeader(name: "content-type", text: "application/json")
    let log = try openLog(commands)
    try log.append(Array(workload[..<100]))
    // Bytes that are no protobuf message (wire type 7 does not exist), and JSON that does not parse.
    try log.append([
      NewRecord(value: [0xff, 0x01, 0x02, 0x03]), NewRecord(value: Array("{not json".utf8), headers: [json]),
    ])
    try log.append(Array(workload[100...]))
    let sequencer = try SequencerProcess(
      commands: commands.description, events: events.description, snapshots: directory.file("snapshots").path,
      errorFile: directory.file("sequencer.err"))

    let caughtUp = try KafkaSequencing.waitForRecords(in: events, count: 202, timeout: .seconds(60))
    sequencer.waitUntilStarted()
    sequencer.send(SIGTERM)
    #expect(sequencer.wait() == 0, "\(sequencer.standardError)")
    try #require(caughtUp, "the sequencer did not catch up: \(sequencer.standardError)")
    let commandRecords = try KafkaSequencing.allRecords(of: commands)
    let written = try KafkaSequencing.allRecords(of: events)
    let batches = try KafkaSequencing.batches(written)
    let malformed: [Event] = [.commandRejected(CommandRejected(reason: .malformed))]
    #expect(batches.count == 202)
    #expect(batches.filter { $0.events == malformed }.map(\.seq) == [101, 102])
    #expect(batches.map(\.commandOffset) == commandRecords.map { UInt64($0.position) })
    #expect(written.map(\.value) == KafkaSequencing.expectedEvents(for: commandRecords))
  }
}
