import Foundation
import KafkaClient
import Testing
import TradelogTestSupport

@Suite("KafkaConsumer against librdkafka's mock cluster")
struct KafkaConsumerTests {
  /// Produces `count` records with values "0", "1", … to `partition` and waits for all of them.
  private func produce(_ count: Int, to fixture: MockClusterFixture, partition: Int32 = 0) throws {
    let producer = try fixture.makeProducer()
    for index in 0..<count {
      try producer.produce(
        KafkaProducerRecord(topic: fixture.topic, partition: partition, value: "\(index)".bytes))
    }
    try producer.flush(timeout: .seconds(30))
  }

  @Test func seekMovesTheReadPosition() throws {
    let fixture = try MockClusterFixture(label: "seek")
    try produce(100, to: fixture)
    let consumer = try fixture.makeConsumer()
    try consumer.assign([KafkaPartitionPosition(topic: fixture.topic, partition: 0, offset: .beginning)])
    var firstRead: [KafkaMessage] = []
    while firstRead.count < 60 {
      firstRead += consumer.poll(maximumCount: 10, timeout: .seconds(1)).messages
    }

    try consumer.seek(topic: fixture.topic, partition: 0, to: .exactly(42), timeout: .seconds(10))
    let afterSeek = try consumer.readToEnd()

    #expect(firstRead.first?.offset == 0)
    #expect(afterSeek.map(\.offset) == Array(42..<100))
    #expect(afterSeek.map { $0.value?.text } == (42..<100).map { "\($0)" })
  }

  @Test func assignStartsAtTheGivenOffset() throws {
    let fixture = try MockClusterFixture(label: "assign-offset")
    try produce(20, to: fixture)

    let fromSeventeen = try fixture.readToEnd(from: .exactly(17))
    let fromEnd = try fixture.readToEnd(from: .end)

    #expect(fromSeventeen.map(\.offset) == [17, 18, 19])
    #expect(fromEnd.isEmpty)
  }

  @Test func partitionEndIsReportedAtTheHighWatermark() throws {
    let fixture = try MockClusterFixture(label: "partition-end")
    try produce(7, to: fixture)
    let consumer = try fixture.makeConsumer()
    try consumer.assign([KafkaPartitionPosition(topic: fixture.topic, partition: 0, offset: .beginning)])
    var batch = KafkaConsumerBatch()
    while batch.partitionEnds.isEmpty {
      let next = consumer.poll(maximumCount: 100, timeout: .seconds(1))
      batch.messages += next.messages
      batch.partitionEnds += next.partitionEnds
    }
    #expect(batch.messages.count == 7)
    #expect(batch.partitionEnds == [KafkaPartitionEnd(topic: fixture.topic, partition: 0, offset: 7)])
  }

  @Test func watermarksCountTheRecordsOfEachPartition() throws {
    let fixture = try MockClusterFixture(label: "watermarks", partitions: 2)
    let consumer = try fixture.makeConsumer()
    let empty = try consumer.watermarks(topic: fixture.topic, partition: 0, timeout: .seconds(10))
    try produce(25, to: fixture, partition: 0)
    try produce(3, to: fixture, partition: 1)

    #expect(empty == KafkaWatermarks(low: 0, high: 0))
    #expect(
      try consumer.watermarks(topic: fixture.topic, partition: 0, timeout: .seconds(10))
        == KafkaWatermarks(low: 0, high: 25))
    #expect(
      try consumer.watermarks(topic: fixture.topic, partition: 1, timeout: .seconds(10))
        == KafkaWatermarks(low: 0, high: 3))
  }

  @Test func theHighWatermarkAloneIsTheOneOfBothWatermarks() throws {
    let fixture = try MockClusterFixture(label: "high-watermark", partitions: 2)
    let consumer = try fixture.makeConsumer()
    #expect(try consumer.highWatermark(topic: fixture.topic, partition: 0, timeout: .seconds(10)) == 0)
    try produce(25, to: fixture, partition: 0)
    try produce(3, to: fixture, partition: 1)

    for partition: Int32 in [0, 1] {
      let both = try consumer.watermarks(topic: fixture.topic, partition: partition, timeout: .seconds(10))
      #expect(
        try consumer.highWatermark(topic: fixture.topic, partition: partition, timeout: .seconds(10))
          == both.high)
    }
    #expect(try consumer.highWatermark(topic: fixture.topic, partition: 1, timeout: .seconds(10)) == 3)
  }

  @Test func anOffsetPastTheEndIsReportedNotSkipped() throws {
    let fixture = try MockClusterFixture(label: "out-of-range")
    try produce(5, to: fixture)
    let consumer = try fixture.makeConsumer()
    try consumer.assign([KafkaPartitionPosition(topic: fixture.topic, partition: 0, offset: .exactly(1_000))])
    var batch = KafkaConsumerBatch()
    let deadline = ContinuousClock.now + .seconds(30)
    while batch.errors.isEmpty, ContinuousClock.now < deadline {
      batch = consumer.poll(maximumCount: 100, timeout: .milliseconds(500))
      #expect(batch.messages.isEmpty)
    }
    let error = try #require(batch.errors.first)
    #expect(error.message.contains("\(fixture.topic)/0"))
  }

  @Test func readsWhatKcatProduced() throws {
    let fixture = try MockClusterFixture(label: "kcat-writes")
    // kcat sends "gamma:" as an empty value (a null one needs -Z): it must arrive empty, not null.
    let input = "alpha:first value\nbeta:second\ngamma:\n"
    let result = try Subprocess.run(
      "kcat",
      [
        "-P", "-b", fixture.cluster.bootstrapServers, "-t", fixture.topic, "-p", "0", "-K:", "-H",
        "origin=kcat",
      ],
      input: Data(input.utf8))
    #expect(result.status == 0, "kcat failed: \(result.standardError)")

    let messages = try fixture.readToEnd()
    #expect(messages.map { $0.key?.text } == ["alpha", "beta", "gamma"])
    #expect(messages.map { $0.value?.text ?? "<null>" } == ["first value", "second", ""])
    #expect(messages.allSatisfy { $0.headers == [KafkaHeader(name: "origin", value: "kcat")] })
  }
}
