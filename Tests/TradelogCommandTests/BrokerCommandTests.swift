import Foundation
import KafkaClient
import Testing
import TradelogTestSupport

@Suite("tradelog broker, run as a separate process")
struct BrokerCommandTests {
  @Test(arguments: [SIGTERM, SIGINT])
  func servesClientsThenExitsCleanlyOnSignal(_ stopSignal: Int32) throws {
    let topic = "broker-\(UUID().uuidString.prefix(8).lowercased())"
    let broker = try BrokerProcess(arguments: ["--brokers", "2", "--topic", "\(topic):2"])
    // The clients live only inside this call, so they are gone before the broker stops.
    let messages = try produceAndReadBack(200, topic: topic, partitions: 2, through: broker)

    #expect(messages.count == 200)
    for partition in Int32(0)..<2 {
      let values = messages.filter { $0.partition == partition }.map {
        String(decoding: $0.value ?? [], as: UTF8.self)
      }
      #expect(values == stride(from: Int(partition), to: 200, by: 2).map { "value \($0)" })
    }
    #expect(broker.standardOutput == broker.bootstrapServers + "\n")
    #expect(broker.bootstrapServers.split(separator: ",").count == 2)

    let exit = try broker.stop(signal: stopSignal)
    #expect(exit == .success, "standard error: \(broker.standardError)")
    #expect(broker.standardError.contains("5 MiB per partition"))
    #expect(broker.standardError.contains("loses everything on exit"))
    #expect(!FileManager.default.fileExists(atPath: broker.bootstrapFile.path))
  }

  @Test func helpExplainsWhatTheBrokerIs() throws {
    let result = try Subprocess.run(BuiltProducts.tradelog.path, ["broker", "--help"])
    #expect(result.status == 0)
    #expect(result.outputText.contains("--bootstrap-file <path>"))
    #expect(result.outputText.contains("--topic <name:partitions>"))
    #expect(result.outputText.contains("about 5 MiB per partition"))

    let rootHelp = try Subprocess.run(BuiltProducts.tradelog.path, ["--help"])
    #expect(rootHelp.outputText.contains("broker"))
  }

  @Test(arguments: [
    (["--topic", "trades"], "expected NAME:PARTITIONS"),
    (["--topic", "trades:0"], "partition count after ':' must be a whole number"),
    (["--topic", "trades:many"], "partition count after ':' must be a whole number"),
    (["--topic", "bad name:1"], "topic name must be 1 to 249 characters"),
    (["--topic", "a:1", "--topic", "a:2"], "--topic a is given twice"),
    (["--brokers", "0"], "--brokers must be between 1 and 16"),
    (["--bootstrap-file", "/nonexistent-\(UUID().uuidString)/address"], "does not exist"),
  ])
  func rejectsBadFlagsClearly(_ arguments: [String], _ explanation: String) throws {
    let result = try Subprocess.run(BuiltProducts.tradelog.path, ["broker"] + arguments)
    #expect(result.status != 0)
    #expect(result.standardError.contains(explanation), "standard error: \(result.standardError)")
    #expect(result.outputText.isEmpty)
  }

  /// Produces `count` records ("value 0", "value 1", …) round-robin over the partitions, then reads
  /// every partition from the beginning to its end.
  private func produceAndReadBack(
    _ count: Int, topic: String, partitions: Int32, through broker: BrokerProcess
  ) throws -> [KafkaMessage] {
    let configuration = KafkaConfiguration(["bootstrap.servers": broker.bootstrapServers])
    let producer = try KafkaProducer(configuration: configuration)
    for index in 0..<count {
      try producer.produce(
        KafkaProducerRecord(
          topic: topic, partition: Int32(index) % partitions, key: Array("\(index)".utf8),
          value: Array("value \(index)".utf8)))
    }
    try producer.flush(timeout: .seconds(30))
    let consumer = try KafkaConsumer(configuration: configuration)
    try consumer.assign(
      (0..<partitions).map { KafkaPartitionPosition(topic: topic, partition: $0, offset: .beginning) })
    return try readToEnd(consumer, partitions: Int(partitions))
  }

  /// Polls until every assigned partition reported its end, failing after `limit` of waiting (a guard
  /// against a hang, not a timing assertion).
  private func readToEnd(
    _ consumer: KafkaConsumer, partitions: Int, limit: Duration = .seconds(30)
  ) throws -> [KafkaMessage] {
    var messages: [KafkaMessage] = []
    var endsSeen = 0
    let deadline = ContinuousClock.now + limit
    while endsSeen < partitions {
      try #require(ContinuousClock.now < deadline, "read \(messages.count) messages, no end reached")
      let batch = consumer.poll(maximumCount: 1000, timeout: .milliseconds(200))
      messages += batch.messages
      endsSeen += batch.partitionEnds.count
    }
    return messages
  }
}
