import Foundation
import KafkaClient
import Testing
import TradelogTestSupport

@Suite("KafkaProducer against librdkafka's mock cluster")
struct KafkaProducerTests {
  @Test func tenThousandRecordsRoundTripExactly() throws {
    let fixture = try MockClusterFixture(label: "round-trip", partitions: 3)
    let producer = try fixture.makeProducer(KafkaConfiguration(["linger.ms": "5"]))
    let records = (0..<10_000).map { index in
      KafkaProducerRecord(
        topic: fixture.topic, partition: Int32(index % 3), key: "key-\(index)".bytes,
        value: "value-\(index)".bytes,
        headers: [
          KafkaHeader(name: "index", value: "\(index)"), KafkaHeader(name: "index", value: "again"),
          KafkaHeader(name: "null", value: nil), KafkaHeader(name: "empty", value: []),
        ],
        timestampMilliseconds: 1_700_000_000_000 + Int64(index))
    }
    let numbers = try records.map { try producer.produce($0) }
    try producer.flush(timeout: .seconds(30))
    let reports = producer.takeDeliveryReports()

    #expect(numbers == Array(1...10_000))
    #expect(reports.count == 10_000)
    #expect(reports.allSatisfy { $0.isDelivered })
    for partition in Int32(0)..<3 {
      let offsets = reports.filter { $0.partition == partition }.map(\.offset)
      #expect(offsets == (0..<Int64(offsets.count)).map { $0 })
    }

    let consumer = try fixture.makeConsumer()
    try consumer.assign(
      (Int32(0)..<3).map { KafkaPartitionPosition(topic: fixture.topic, partition: $0, offset: .beginning) })
    let messages = try consumer.readToEnd(partitions: 3)
    #expect(messages.count == 10_000)
    for partition in Int32(0)..<3 {
      let read = messages.filter { $0.partition == partition }
      let sent = records.filter { $0.partition == partition }
      #expect(read.map(\.offset) == (0..<Int64(sent.count)).map { $0 })
      #expect(read.map(\.key) == sent.map(\.key))
      #expect(read.map(\.value) == sent.map(\.value))
      #expect(read.map(\.headers) == sent.map(\.headers))
      #expect(read.map(\.timestampMilliseconds) == sent.map(\.timestampMilliseconds))
      #expect(read.allSatisfy { $0.timestampType == .createTime && $0.topic == fixture.topic })
    }
  }

  @Test func nullAndEmptyKeysAndValuesStayDistinct() throws {
    let fixture = try MockClusterFixture(label: "null-empty")
    let producer = try fixture.makeProducer()
    let cases: [(key: [UInt8]?, value: [UInt8]?)] = [(nil, nil), ([], []), (nil, []), ([], nil), ([1], [2])]
    for (key, value) in cases {
      try producer.produce(KafkaProducerRecord(topic: fixture.topic, partition: 0, key: key, value: value))
    }
    try producer.flush(timeout: .seconds(30))

    let messages = try fixture.readToEnd()
    #expect(messages.map(\.key) == cases.map(\.key))
    #expect(messages.map(\.value) == cases.map(\.value))
  }

  @Test func brokerOutageLosesAndDuplicatesNothing() throws {
    let fixture = try MockClusterFixture(label: "outage")
    let producer = try fixture.makeProducer(
      KafkaConfiguration(["reconnect.backoff.max.ms": "1000", "linger.ms": "2"]))
    let recordCount = 3_000
    for index in 0..<recordCount {
      if index == 1_000 { try fixture.cluster.setBrokerDown(1) }
      if index == 2_000 {
        // Keep serving the producer while the broker is away, so it notices and starts retrying.
        for _ in 0..<10 { producer.poll(timeout: .milliseconds(100)) }
        try fixture.cluster.setBrokerUp(1)
      }
      try producer.produce(KafkaProducerRecord(topic: fixture.topic, partition: 0, value: "\(index)".bytes))
      if index % 100 == 0 { producer.poll(timeout: .milliseconds(5)) }
    }
    try producer.flush(timeout: .seconds(60))
    let reports = producer.takeDeliveryReports()

    #expect(reports.count == recordCount)
    #expect(reports.allSatisfy { $0.isDelivered })
    let messages = try fixture.readToEnd()
    #expect(messages.map { $0.value?.text } == (0..<recordCount).map { "\($0)" })
    #expect(messages.map(\.offset) == (0..<Int64(recordCount)).map { $0 })
  }

  @Test func transactionalCallsSucceedAgainstTheMock() throws {
    let fixture = try MockClusterFixture(label: "transactions")
    let producer = try fixture.makeProducer(
      KafkaConfiguration(["transactional.id": "transactions-\(UUID().uuidString)"]))
    try producer.initializeTransactions(timeout: .seconds(30))
    try producer.beginTransaction()
    for index in 0..<10 {
      try producer.produce(
        KafkaProducerRecord(topic: fixture.topic, partition: 0, value: "committed-\(index)".bytes))
    }
    try producer.commitTransaction(timeout: .seconds(30))
    let committedReports = producer.takeDeliveryReports()

    try producer.beginTransaction()
    try producer.produce(KafkaProducerRecord(topic: fixture.topic, partition: 0, value: "aborted".bytes))
    try producer.abortTransaction(timeout: .seconds(30))

    // Commit flushes, so every record of the committed transaction has its report by now. What the
    // abort left on the broker is not checked: the mock writes no transaction markers.
    #expect(committedReports.map(\.offset) == (0..<10).map { Int64($0) })
    let messages = try fixture.readToEnd()
    #expect(messages.prefix(10).map { $0.value?.text } == (0..<10).map { "committed-\($0)" })
  }

  @Test func transactionalMisuseIsAClassifiedError() throws {
    let fixture = try MockClusterFixture(label: "transaction-misuse")
    let plain = try fixture.makeProducer()
    let notConfigured = #expect(throws: KafkaError.self) { try plain.beginTransaction() }
    #expect(notConfigured?.name == "_NOT_CONFIGURED")
    #expect(notConfigured?.isFatal == false)

    let transactional = try fixture.makeProducer(
      KafkaConfiguration(["transactional.id": "misuse-\(UUID().uuidString)"]))
    try transactional.initializeTransactions(timeout: .seconds(30))
    let commitWithoutBegin = #expect(throws: KafkaError.self) {
      try transactional.commitTransaction(timeout: .seconds(5))
    }
    #expect(commitWithoutBegin?.code == .state)
    #expect(commitWithoutBegin?.message.contains("committing a transaction failed") == true)
    let produceOutside = #expect(throws: KafkaError.self) {
      try transactional.produce(KafkaProducerRecord(topic: fixture.topic, partition: 0, value: []))
    }
    #expect(produceOutside?.code == .state)
  }

  @Test func kcatReadsWhatWeProduced() throws {
    let fixture = try MockClusterFixture(label: "kcat-reads")
    let producer = try fixture.makeProducer()
    for index in 0..<5 {
      try producer.produce(
        KafkaProducerRecord(
          topic: fixture.topic, partition: 0, key: "key-\(index)".bytes, value: "value \(index)".bytes,
          headers: [
            KafkaHeader(name: "source", value: "tradelog"), KafkaHeader(name: "index", value: "\(index)"),
          ]))
    }
    try producer.flush(timeout: .seconds(30))

    let result = try Subprocess.run(
      "kcat",
      [
        "-C", "-b", fixture.cluster.bootstrapServers, "-t", fixture.topic, "-p", "0", "-o", "beginning", "-e",
        "-q",
        "-f", "%k\t%s\t%h\n",
      ])
    #expect(result.status == 0, "kcat failed: \(result.standardError)")
    let expected = (0..<5).map { "key-\($0)\tvalue \($0)\tsource=tradelog,index=\($0)\n" }.joined()
    #expect(result.outputText == expected)
  }
}
