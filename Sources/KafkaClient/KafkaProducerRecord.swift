/// A record to produce to one explicit partition of a topic.
///
/// Keys and values are optional because Kafka distinguishes a null key (or value) from an empty one.
/// The partition is always explicit: this wrapper never runs librdkafka's partitioner, so the
/// caller decides placement (one partition per shard).
public struct KafkaProducerRecord: Sendable, Hashable {
  public var topic: String
  public var partition: Int32
  public var key: [UInt8]?
  public var value: [UInt8]?
  public var headers: [KafkaHeader]
  /// Milliseconds since the Unix epoch (CreateTime); nil lets librdkafka stamp the current time.
  public var timestampMilliseconds: Int64?

  public init(
    topic: String, partition: Int32, key: [UInt8]? = nil, value: [UInt8]?, headers: [KafkaHeader] = [],
    timestampMilliseconds: Int64? = nil
  ) {
    self.topic = topic
    self.partition = partition
    self.key = key
    self.value = value
    self.headers = headers
    self.timestampMilliseconds = timestampMilliseconds
  }
}
