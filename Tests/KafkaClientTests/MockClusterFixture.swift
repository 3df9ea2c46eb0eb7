import Foundation
import KafkaClient

/// A mock cluster of its own for one test, with a topic of a unique name, and clients pointed at it.
struct MockClusterFixture {
  let cluster: KafkaMockCluster
  let topic: String

  init(label: String, partitions: Int = 1, brokerCount: Int = 1) throws {
    cluster = try KafkaMockCluster(brokerCount: brokerCount)
    topic = "\(label)-\(UUID().uuidString.prefix(8).lowercased())"
    try cluster.createTopic(topic, partitions: partitions)
  }

  var clientConfiguration: KafkaConfiguration {
    KafkaConfiguration(["bootstrap.servers": cluster.bootstrapServers])
  }

  func makeProducer(_ extra: KafkaConfiguration = KafkaConfiguration()) throws -> KafkaProducer {
    try KafkaProducer(configuration: clientConfiguration.merging(extra))
  }

  func makeConsumer(_ extra: KafkaConfiguration = KafkaConfiguration()) throws -> KafkaConsumer {
    try KafkaConsumer(configuration: clientConfiguration.merging(extra))
  }

  /// Reads every message of `partition` from `offset` until its end is reached, failing after
  /// `limit` of waiting (a guard against a hang, not a timing assertion).
  func readToEnd(
    partition: Int32 = 0, from offset: KafkaOffset = .beginning, limit: Duration = .seconds(30)
  ) throws -> [KafkaMessage] {
    let consumer = try makeConsumer()
    try consumer.assign([KafkaPartitionPosition(topic: topic, partition: partition, offset: offset)])
    return try consumer.readToEnd(limit: limit)
  }
}

extension KafkaConsumer {
  /// Polls until every assigned partition reported its end once, returning the messages read.
  func readToEnd(partitions: Int = 1, limit: Duration = .seconds(30)) throws -> [KafkaMessage] {
    var messages: [KafkaMessage] = []
    var endsSeen = 0
    let deadline = ContinuousClock.now + limit
    while endsSeen < partitions {
      guard ContinuousClock.now < deadline else { throw ReadIncomplete(messagesRead: messages.count) }
      let batch = poll(maximumCount: 1000, timeout: .milliseconds(200))
      messages += batch.messages
      endsSeen += batch.partitionEnds.count
    }
    return messages
  }
}

struct ReadIncomplete: Error, CustomStringConvertible {
  let messagesRead: Int
  var description: String { "no end of partition reached after \(messagesRead) messages" }
}

extension String {
  var bytes: [UInt8] { Array(utf8) }
}

extension Array where Element == UInt8 {
  var text: String { String(decoding: self, as: UTF8.self) }
}
