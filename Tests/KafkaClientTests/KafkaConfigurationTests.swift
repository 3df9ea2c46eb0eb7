import KafkaClient
import Testing

@Suite("KafkaConfiguration")
struct KafkaConfigurationTests {
  @Test func parsesKeyEqualsValueLikeKcat() throws {
    let property = try KafkaConfiguration.Property(parsing: "sasl.jaas.config=a=b")
    #expect(property.key == "sasl.jaas.config")
    #expect(property.value == "a=b")
    #expect(throws: KafkaError.self) { try KafkaConfiguration.Property(parsing: "linger.ms") }
    #expect(throws: KafkaError.self) { try KafkaConfiguration.Property(parsing: "=5") }
  }

  @Test func settingAKeyAgainReplacesItInPlace() {
    var configuration = KafkaConfiguration(["acks": "1", "linger.ms": "5"])
    configuration.set("acks", "all")
    configuration.set("client.id", "test")
    #expect(configuration.properties.map(\.key) == ["acks", "linger.ms", "client.id"])
    #expect(configuration["acks"] == "all")
    #expect(configuration["compression.type"] == nil)
  }

  @Test func mergingLetsTheLaterConfigurationWin() {
    let merged = KafkaProducer.defaultConfiguration.merging(
      KafkaConfiguration(["enable.idempotence": "false"]))
    #expect(merged["enable.idempotence"] == "false")
    #expect(merged["acks"] == "all")
  }

  @Test func descriptionMasksSecrets() {
    let configuration = KafkaConfiguration(["sasl.username": "alice", "sasl.password": "hunter2"])
    #expect(configuration.description == "sasl.username=alice\nsasl.password=******")
  }

  @Test func producerDefaultsAreExplicit() throws {
    let fixture = try MockClusterFixture(label: "defaults")
    let producer = try fixture.makeProducer()
    #expect(producer.configuration["enable.idempotence"] == "true")
    #expect(producer.configuration["acks"] == "all")
  }

  @Test func anUnknownPropertyIsNamedInTheError() {
    let error = #expect(throws: KafkaError.self) {
      try KafkaProducer(configuration: KafkaConfiguration(["no.such.property": "1"]))
    }
    #expect(error?.code == .invalidArgument)
    #expect(error?.message.contains("no.such.property=1") == true)
    #expect(error?.message.contains("unknown property") == true)
  }

  @Test func anInvalidValueIsNamedInTheError() {
    let error = #expect(throws: KafkaError.self) {
      try KafkaConsumer(configuration: KafkaConfiguration(["fetch.wait.max.ms": "banana"]))
    }
    #expect(error?.message.contains("fetch.wait.max.ms=banana") == true)
    #expect(error?.message.contains("invalid value") == true)
  }

  @Test func aConflictFoundWhenCreatingTheClientIsReported() {
    let error = #expect(throws: KafkaError.self) {
      try KafkaProducer(configuration: KafkaConfiguration(["acks": "1"]))
    }
    #expect(error?.message.contains("acks") == true)
  }
}
