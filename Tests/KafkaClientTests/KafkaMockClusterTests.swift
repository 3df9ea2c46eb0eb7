import Foundation
import KafkaClient
import Testing

@Suite("KafkaMockCluster")
struct KafkaMockClusterTests {
  @Test func eachClusterListensOnItsOwnLoopbackPorts() throws {
    let first = try KafkaMockCluster(brokerCount: 3)
    let second = try KafkaMockCluster()
    let addresses = first.bootstrapServers.split(separator: ",")
    #expect(addresses.count == 3)
    #expect(addresses.allSatisfy { $0.hasPrefix("127.0.0.1:") || $0.hasPrefix("localhost:") })
    #expect(first.bootstrapServers != second.bootstrapServers)
  }

  @Test func createdTopicsHaveExactlyTheirPartitions() throws {
    let cluster = try KafkaMockCluster()
    let topic = "partitions-\(UUID().uuidString.prefix(8).lowercased())"
    try cluster.createTopic(topic, partitions: 4)
    let consumer = try KafkaConsumer(
      configuration: KafkaConfiguration(["bootstrap.servers": cluster.bootstrapServers]))

    #expect(
      try consumer.watermarks(topic: topic, partition: 3, timeout: .seconds(10))
        == KafkaWatermarks(low: 0, high: 0))
    let missing = #expect(throws: KafkaError.self) {
      try consumer.watermarks(topic: topic, partition: 4, timeout: .seconds(10))
    }
    #expect(missing?.code == .unknownPartition)
  }

  @Test func anUnknownBrokerCannotBeSetDown() throws {
    let cluster = try KafkaMockCluster(brokerCount: 2)
    try cluster.setBrokerDown(2)
    try cluster.setBrokerUp(2)
    #expect(throws: KafkaError.self) { try cluster.setBrokerDown(7) }
  }
}
