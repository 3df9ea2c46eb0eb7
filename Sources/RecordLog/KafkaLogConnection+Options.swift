import KafkaClient

extension KafkaLogConnection {
  /// How a Kafka log is opened, beyond what its address says.
  public struct Options: Sendable, Equatable {
    /// librdkafka properties for both of the connection's clients, as kcat's `-X key=value` takes
    /// them. The address's own options are applied on top of these (they name one log, these a whole
    /// process); see `KafkaLogConnection` for the properties the connection sets itself.
    public var properties: KafkaConfiguration
    /// How long one operation waits for the brokers (an end query, a read that must reach the end,
    /// a claim, a transaction commit) before failing with `storageFailed`. Appends without a claim
    /// wait for librdkafka's own `message.timeout.ms` instead, so that a record is never left with
    /// an unknown fate.
    public var operationTimeout: Duration

    public init(
      properties: KafkaConfiguration = KafkaConfiguration(), operationTimeout: Duration = .seconds(30)
    ) {
      self.properties = properties
      self.operationTimeout = operationTimeout
    }

    /// Sets one property given as `key=value`, as on a command line (`-X linger.ms=5`).
    public mutating func setProperty(parsing text: String) throws(RecordLogError) {
      do {
        let property = try KafkaConfiguration.Property(parsing: text)
        properties.set(property.key, property.value)
      } catch {
        throw RecordLogError(kind: .invalidRequest, message: error.message)
      }
    }
  }
}
