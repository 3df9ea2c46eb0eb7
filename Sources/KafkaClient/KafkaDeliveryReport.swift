/// librdkafka's final word on one produced record: stored at an offset, or failed for good (after
/// its own retries, within `message.timeout.ms`).
public struct KafkaDeliveryReport: Sendable, Equatable {
  /// The number `KafkaProducer.produce` returned for the record.
  public let recordNumber: UInt64
  public let topic: String
  public let partition: Int32
  /// The offset the broker assigned, or the error. The offset is nil when delivery succeeded but the
  /// broker's answer did not carry it: librdkafka documents this for records of an idempotent
  /// producer that were retried after a lost connection.
  public let result: Result<Int64?, KafkaError>

  public init(recordNumber: UInt64, topic: String, partition: Int32, result: Result<Int64?, KafkaError>) {
    self.recordNumber = recordNumber
    self.topic = topic
    self.partition = partition
    self.result = result
  }

  public var isDelivered: Bool {
    if case .success = result { return true }
    return false
  }

  /// The assigned offset when delivery succeeded and the offset is known.
  public var offset: Int64? {
    if case .success(let offset) = result { return offset }
    return nil
  }

  public var error: KafkaError? {
    if case .failure(let error) = result { return error }
    return nil
  }
}
