import KafkaClient
import RecordLog
import Testing

@Suite("openLog")
struct LogConnectionFactoryTests {
  @Test("a kafka:// address opens a Kafka log that appends and reads")
  func opensKafka() throws {
    let log = try KafkaMockLog(label: "factory")
    var options = LogOpenOptions(clock: ManualLogClock(42))
    try options.kafka.setProperty(parsing: "linger.ms=1")
    let connection = try openLog(log.addressText(), options: options)
    let kafka = try #require(connection as? KafkaLogConnection)
    #expect(kafka.configurationDescription.contains("linger.ms=1"))
    let positions = try connection.append([NewRecord(text: "a"), NewRecord(text: "b")])
    let records = try openLog(log.addressText()).read(from: 0, max: 10)
    #expect(records.map(\.text) == ["a", "b"])
    #expect(records.map(\.position) == positions)
    #expect(records.allSatisfy { $0.timestampMilliseconds == 42 })
  }

  @Test("a property librdkafka does not know fails the first append, naming the property")
  func unknownProperty() throws {
    let log = try KafkaMockLog(label: "factory-unknown")
    var options = LogOpenOptions()
    try options.kafka.setProperty(parsing: "linger.mss=1")
    let connection = try openLog(log.addressText(), options: options)
    let error = try #require(throws: RecordLogError.self) { try connection.append(NewRecord(text: "a")) }
    #expect(error.kind == .invalidRequest)
    #expect(error.message.contains("linger.mss"))
  }
}
