/// The consumer caught up with a partition: `offset` is the high watermark at that moment, the
/// offset the next record will get. Reported once each time the end is reached.
public struct KafkaPartitionEnd: Sendable, Hashable {
  public let topic: String
  public let partition: Int32
  public let offset: Int64

  public init(topic: String, partition: Int32, offset: Int64) {
    self.topic = topic
    self.partition = partition
    self.offset = offset
  }
}
