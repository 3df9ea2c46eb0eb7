/// What one `KafkaConsumer.poll` returned.
public struct KafkaConsumerBatch: Sendable {
  /// Messages in the order librdkafka delivered them: in offset order within each partition.
  public var messages: [KafkaMessage] = []
  /// Partitions whose end was reached during the poll, after their messages above.
  public var partitionEnds: [KafkaPartitionEnd] = []
  /// Errors the consumer reported. Most are transient (a broker connection lost and being
  /// re-established: `isRetriable`) and need no action; others concern one partition (an offset
  /// out of range, an unknown topic) and mean that partition makes no progress until reassigned.
  public var errors: [KafkaError] = []

  public init() {}

  public var isEmpty: Bool { messages.isEmpty && partitionEnds.isEmpty && errors.isEmpty }
}
