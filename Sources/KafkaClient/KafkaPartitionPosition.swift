/// A partition of a topic and the offset to read it from.
public struct KafkaPartitionPosition: Sendable, Hashable {
  public var topic: String
  public var partition: Int32
  public var offset: KafkaOffset

  public init(topic: String, partition: Int32, offset: KafkaOffset) {
    self.topic = topic
    self.partition = partition
    self.offset = offset
  }
}
